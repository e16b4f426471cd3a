"""The rules through Python: the README's example, terms, windows, states, the three calls,
charges, features, envelopes and the strict JSON decoders (values from docs/api.md)."""
import datetime as dt
import json
import uuid

import pytest

import voip_bundle as v

UUID = "0fba8c48-99fc-4727-8ca7-c847376da415"
D = dt.date
PRICES = v.make_price_list({1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300})
SEED = v.RenewalPolicy()


def bundle(created=D(2018, 8, 1), expires=D(2018, 9, 1), bundle_type=1, auto_renew=True):
    return v.make_bundle(UUID, created, expires, bundle_type, auto_renew)


def test_readme_example():
    b = bundle()
    ctx = v.Context(D(2018, 8, 30), SEED, PRICES, 1000)
    q = v.quote_renew(b, ctx)
    assert (v.to_decimal_string(q.charge), q.bundle.expires_on) == ("15.00", D(2018, 10, 1))
    with pytest.raises(v.RuleError) as e:
        v.renew(b, ctx)
    assert (e.value.error, e.value.status) == ("insufficient_funds", 402)
    assert v.to_string(v.make_envelope(v.Operation.renew, e.value), detail=v.ErrorDetail.on) == (
        '{"result":{},"status_code":402,"status_message":"Payment Required","error":"insufficient_funds"}')


def test_terms_clamp_and_overflow():
    overflow = v.RenewalPolicy(month_end=v.MonthEnd.overflow)
    assert v.first_expiry(D(2018, 1, 31), SEED) == D(2018, 2, 28)
    assert v.first_expiry(D(2020, 1, 31), SEED) == D(2020, 2, 29)
    assert v.first_expiry(D(2018, 1, 31), overflow) == D(2018, 3, 3)
    assert v.add_term(from_day=D(2018, 2, 28), anchor=D(2018, 1, 31), policy=SEED) == D(2018, 3, 31)
    b = bundle(D(2018, 1, 31), D(2018, 2, 28))
    assert v.next_expiry(b, SEED) == D(2018, 3, 31)
    assert v.term_start(b, SEED) == D(2018, 1, 31) and v.term_start(created_on=D(2018, 1, 31), term_end=D(2018, 3, 31), policy=SEED) == D(2018, 2, 28)


def test_two_days_side_by_side_take_keywords_only():
    """As ExpiresOn and CreatedOn in C++: a positional call could swap the days unseen."""
    e, d = D(2018, 9, 1), D(2018, 9, 7)
    assert v.state_on(expires_on=e, day=d, policy=SEED) is v.State.lapsed
    assert v.state_on(expires_on=d, day=e, policy=SEED) is v.State.active
    for call in (lambda: v.state_on(e, d, SEED), lambda: v.sweep_action(e, True, d, SEED),
                 lambda: v.add_term(d, e, SEED), lambda: v.term_start(e, d, SEED)):
        with pytest.raises(TypeError):
            call()


def test_window_states_and_operations():
    b = bundle()
    w = v.renewal_window(b, SEED)
    assert (w.first, w.last) == (D(2018, 8, 29), D(2018, 9, 6)) and D(2018, 9, 1) in w and not w.contains(D(2018, 9, 7))
    assert v.renewal_window(D(2018, 9, 1), SEED) == w == v.renewal_window(b, v.Context(D(2000, 1, 1)))
    expected = {D(2018, 8, 28): v.State.active, D(2018, 8, 29): v.State.renewal_open, D(2018, 9, 1): v.State.grace,
                D(2018, 9, 6): v.State.grace, D(2018, 9, 7): v.State.lapsed}
    for day, state in expected.items():
        assert v.state_on(b, day, SEED) is state is v.state_on(expires_on=b.expires_on, day=day, policy=SEED)
        assert v.state_on(b, v.Context(day)) is state
    assert v.allowed_operations(v.State.renewal_open) == {v.Operation.update, v.Operation.renew}
    assert v.allowed_operations(v.State.lapsed) == {v.Operation.create}
    assert v.in_service(v.State.renewal_open) and not v.renewable(v.State.active)
    assert v.can_renew(b, v.Context(D(2018, 9, 6))) is True and v.can_renew(b, D(2018, 8, 29), SEED) is True
    with pytest.raises(v.RuleError, match="outside_renewal_window"):
        v.can_renew(b, v.Context(D(2018, 8, 28)))


def test_create_update_renew():
    ctx = v.Context(D(2018, 8, 1), SEED, PRICES, 100_000)
    d = v.create(v.Request(v.BundleType.residential, True), UUID, ctx)
    assert d.bundle == bundle(bundle_type=2) and d.charge == 900 and d == v.quote_create(v.Request(2, True), UUID, ctx)
    up = v.update(d.bundle, v.Request(1), v.Context(D(2018, 8, 17), SEED, PRICES, 290))
    assert up.charge == 290 and up.bundle.expires_on == D(2018, 9, 1)
    with pytest.raises(v.RuleError, match="insufficient_funds"):
        v.update(d.bundle, v.Request(1), v.Context(D(2018, 8, 17), SEED, PRICES, 289))
    with pytest.raises(v.RuleError) as e:
        v.update(d.bundle, v.Request(1), v.Context(D(2018, 9, 1)))
    assert (e.value.error, e.value.status) == ("not_in_service", 402)
    with pytest.raises(v.RuleError, match="insufficient_funds_on_create"):
        v.create(v.Request(1), UUID, v.Context(D(2018, 8, 1), SEED, PRICES, 10))
    r = v.renew(d.bundle, v.Context(D(2018, 9, 3)))
    assert r.bundle.expires_on == D(2018, 10, 1) and r.charge == 0
    assert "Decision(bundle=Bundle(" in repr(r) and hash(r) == hash(v.renew(d.bundle, v.Context(D(2018, 9, 3))))


def test_handlers_find_by_uuid():
    b = bundle()
    store = {b.uuid: b}
    assert v.handle_renew(UUID, store.get, v.Context(D(2018, 9, 1))).bundle.expires_on == D(2018, 10, 1)
    assert v.handle_update(b.uuid, v.Request(2), store.get, v.Context(D(2018, 8, 2))).bundle.bundle_type == 2
    with pytest.raises(v.RuleError) as e:
        v.handle_renew(uuid.uuid4(), store.get, v.Context(D(2018, 9, 1)))
    assert (e.value.error, e.value.status) == ("unknown_bundle", 404)
    with pytest.raises(ZeroDivisionError):
        v.handle_renew(UUID, lambda u: 1 / 0, v.Context(D(2018, 9, 1)))


def test_upgrade_charge_breakdown():
    u = v.upgrade_charge_breakdown(bundle(bundle_type=2), v.BundleType.business, v.Context(D(2018, 8, 17), SEED, PRICES))
    assert (u.difference, u.days_left, u.prepaid_terms, u.total) == (600, 15, 0, 290)
    assert (u.current.first, u.current.end, u.current.days()) == (D(2018, 8, 1), D(2018, 9, 1), 31)
    assert v.upgrade_charge(bundle(bundle_type=2), 1, v.Context(D(2018, 8, 17), SEED, PRICES)) == 290


def test_features():
    b = bundle(bundle_type=v.BundleType.fax_only)
    assert v.features_on(b, D(2018, 8, 2), SEED) == v.default_feature_table()[v.BundleType.fax_only]
    assert v.features_on(b, D(2018, 9, 1), SEED) == frozenset()
    assert v.check_feature(b, v.Feature.efax, D(2018, 8, 2), SEED) is True
    for args, error in (((None, v.Feature.efax), "unknown_bundle"), ((b, v.Feature.sip_trunks), "feature_not_in_type")):
        with pytest.raises(v.RuleError, match=error):
            v.check_feature(*args, D(2018, 8, 2), SEED)
    with pytest.raises(v.RuleError, match="feature_not_in_type"):
        v.can_create_sip_account(b, D(2018, 8, 2), SEED)
    assert v.can_create_sip_account(b, D(2018, 8, 2), SEED, {3: [v.Feature.sip_accounts]})
    assert v.can_create_number(b, D(2018, 8, 2), SEED)


def test_envelopes():
    b = bundle()
    ok = v.success_envelope(v.Operation.create, b)
    assert ok.status is v.Status.created and ok.bundle == b and ok.error is None
    text = v.to_string(ok)
    assert json.loads(text) == {"result": {"auto_renew": True, "bundle_type": 1, "expires_on": "2018-09-01", "uuid": UUID},
                                "status_code": 201, "status_message": "Created"}
    assert list(json.loads(text)["result"]) == ["auto_renew", "bundle_type", "expires_on", "uuid"]
    assert v.write_envelope(ok) == text.encode() and json.loads(v.to_string(ok, v.Layout.pretty)) == json.loads(text)
    bad = v.error_envelope("not_in_service")
    assert (bad.status, bad.bundle, bad.error) == (v.Status.payment_required, None, "not_in_service")
    assert bad == v.error_envelope(v.Error.not_in_service) and str(bad).endswith('"error":"not_in_service"}')
    assert v.to_string(v.make_envelope(v.Operation.renew, v.renew(b, v.Context(D(2018, 9, 1))))).startswith('{"result":{"auto')
    with pytest.raises(TypeError):
        v.make_envelope(v.Operation.renew, "x")
    with pytest.raises(ValueError):
        v.error_envelope("no_such_error")


@pytest.mark.parametrize("body,error", [
    ('{"auto_renew": true}', "bundle_type_missing"), ('{"bundle_type": "1"}', "bundle_type_not_integer"),
    ('{"bundle_type": 1.0}', "bundle_type_not_integral"), ('{"bundle_type": 99999999999999999999}', "bundle_type_out_of_range"),
    ('{"bundle_type": 1, "auto_renew": null}', "auto_renew_null"), ('{"bundle_type": 1, "bundle_type": 1}', "duplicate_member"),
    ('{"bundle_type": 1, "x": [}}', "invalid_json"), ('[{"bundle_type": 1}]', "body_not_object"),
    (b'{"bundle_type": 1, "x": "\xff"}', "invalid_utf8"), ("[" * 40 + "]" * 40, "nesting_too_deep"),
    ('{"x": "' + "a" * 20000 + '"}', "body_too_large"),
])
def test_strict_request_decoder(body, error):
    with pytest.raises(v.RuleError) as e:
        v.parse_request(body)
    assert (e.value.error, e.value.status) == (error, 400)


def test_json_codecs():
    assert v.parse_request('{"bundle_type": 1, "auto_renew": true}') == v.Request(1, True)
    raw = v.decode_request('{"bundle_type": 1.5, "auto_renew": "x"}')
    assert raw.bundle_type.kind is v.JsonKind.number and raw.auto_renew.kind is v.JsonKind.string
    with pytest.raises(v.RuleError, match="bundle_type_not_integral"):
        v.validate(raw)
    assert v.validate(v.RawRequest(bundle_type=v.RawField(v.JsonKind.integer, integer=5))) == v.Request(5)
    assert v.check_json_object(b'{"a": [1, 2]}') is True
    call = v.parse_update(UUID, '{"bundle_type": 1}')
    assert (call.uuid, call.request) == (uuid.UUID(UUID), v.Request(1))
    with pytest.raises(v.RuleError, match="malformed_uuid"):
        v.parse_update("x", "[")
    assert v.parse_renew(UUID) == uuid.UUID(UUID) and v.parse_create('{"bundle_type": 5}') == v.Request(5)
    b = bundle()
    assert v.decode_bundle(v.encode_bundle(b)) == b and len(v.encode_bundle(b)) <= v.max_bundle_json_size
    assert v.decode_prices('{"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}') == PRICES
    with pytest.raises(v.RuleError, match="invalid_policy"):
        v.decode_prices('{"1": 1500}')


def test_the_fast_calls_take_keywords_and_refuse_as_the_bindings_do():
    b, ctx = bundle(), v.Context(D(2018, 9, 1))
    d = v.quote_renew(bundle=b, context=ctx)
    assert d == v.quote_renew(b, ctx) == v.quote_renew(b, context=ctx)
    assert v.quote_update(b, v.Request(2), v.Context(D(2018, 8, 2))).bundle.bundle_type == 2
    e = v.make_envelope(operation=v.Operation.renew, result=d)
    assert v.to_string(e) == v.to_string(envelope=e) == v.to_string(e, v.Layout.compact, v.ErrorDetail.off)
    for call in (lambda: v.quote_renew(1, 2), lambda: v.quote_renew(b), lambda: v.quote_update(b, 1, ctx),
                 lambda: v.make_envelope(v.Operation.renew, 3), lambda: v.to_string("x"), lambda: v.to_string(e, "x")):
        with pytest.raises(TypeError):
            call()
    for call in (lambda: v.to_string(e, 5), lambda: v.make_envelope(7, d), lambda: v.to_string(e, v.Layout.pretty, 2)):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(v.RuleError, match="outside_renewal_window"):
        v.quote_renew(b, v.Context(D(2018, 8, 1)))
    assert "quote_renew" in v.quote_renew.__doc__ and v.quote_renew.__name__ == "quote_renew"
