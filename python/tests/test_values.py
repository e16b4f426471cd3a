"""The value types: enums, Bundle, RenewalPolicy, PriceList, Context, Request; and how bad
Python input is refused (TypeError/ValueError with a message, never a crash)."""
import copy
import datetime as dt
import enum
import pickle
import uuid

import pytest

import voip_bundle as v

UUID = "0fba8c48-99fc-4727-8ca7-c847376da415"
PRICES = {v.BundleType.business: 1500, v.BundleType.residential: 900, v.BundleType.fax_only: 500,
          v.BundleType.trunk_only: 2000, v.BundleType.forward_only: 300}


def bundle(**kw):
    args = dict(uuid=UUID, created_on=dt.date(2018, 8, 1), expires_on=dt.date(2018, 9, 1),
                bundle_type=v.BundleType.business, auto_renew=True)
    args.update(kw)
    return v.Bundle(**args)


def test_enums_are_int_enums_named_as_in_cpp():
    for e in (v.BundleType, v.State, v.MonthEnd, v.Operation, v.SweepAction, v.Feature, v.Error, v.Status,
              v.JsonKind, v.Layout, v.ErrorDetail):
        assert issubclass(e, enum.IntEnum), e
    assert [t.name for t in v.BundleType] == ["business", "residential", "fax_only", "trunk_only", "forward_only"]
    assert [int(t) for t in v.BundleType] == [1, 2, 3, 4, 5]
    assert [s.name for s in v.State] == ["active", "renewal_open", "grace", "lapsed"]
    assert v.Error.insufficient_funds.name == "insufficient_funds" and len(v.Error) == 28
    assert v.Status.payment_required == 402 and v.status("insufficient_funds") is v.Status.payment_required
    assert v.status_message(v.Status.payment_required) == "Payment Required"
    assert v.label(v.BundleType.fax_only) == "Fax Only"
    assert v.bundle_type_from_code(3) is v.BundleType.fax_only


def test_bundle_is_an_immutable_hashable_value():
    b = bundle()
    assert b.uuid == uuid.UUID(UUID) and isinstance(b.uuid, uuid.UUID)
    assert b.created_on == dt.date(2018, 8, 1) and b.expires_on == dt.date(2018, 9, 1)
    assert b.bundle_type is v.BundleType.business and b.auto_renew is True
    assert b == bundle() and hash(b) == hash(bundle()) and b != bundle(auto_renew=False)
    assert len({b, bundle(), bundle(bundle_type=2)}) == 2
    with pytest.raises(AttributeError):
        b.expires_on = dt.date(2019, 1, 1)
    with pytest.raises(AttributeError):
        b.note = "x"
    assert repr(b) == ("Bundle(uuid='0fba8c48-99fc-4727-8ca7-c847376da415', created_on=datetime.date(2018, 8, 1), "
                       "expires_on=datetime.date(2018, 9, 1), bundle_type=BundleType.business, auto_renew=True)")
    assert eval(repr(b), {"datetime": dt, "Bundle": v.Bundle, "BundleType": v.BundleType}) == b
    assert pickle.loads(pickle.dumps(b)) == b and copy.deepcopy(b) == b
    assert v.make_bundle(uuid.UUID(UUID), dt.date(2018, 8, 1), dt.date(2018, 9, 1), 1, True) == b


def test_make_bundle_refuses_with_the_library_errors():
    with pytest.raises(v.RuleError) as e:
        bundle(expires_on=dt.date(2018, 8, 1))
    assert (e.value.error, e.value.status) == ("invalid_bundle", 400)
    for code in (0, 6, 255, 256, -1, 2**40):
        with pytest.raises(v.RuleError, match="bundle_type_out_of_range"):
            bundle(bundle_type=code)
    with pytest.raises(v.RuleError, match="malformed_uuid"):
        bundle(uuid="not-a-uuid")


@pytest.mark.parametrize("field,value", [
    ("created_on", "2018-08-01"), ("created_on", dt.datetime(2018, 8, 1)), ("created_on", 17744),
    ("bundle_type", "1"), ("bundle_type", 1.0), ("bundle_type", True), ("auto_renew", 1), ("auto_renew", None),
    ("uuid", 12345), ("uuid", b"0fba8c48-99fc-4727-8ca7-c847376da415"),
])
def test_wrong_python_types_raise_type_error(field, value):
    with pytest.raises(TypeError, match="incompatible|argument"):
        bundle(**{field: value})


def test_overflow_and_out_of_range_raise_value_error():
    with pytest.raises(ValueError, match="64 bits"):
        v.Context(dt.date(2018, 1, 1), balance=10**19)
    with pytest.raises(ValueError, match="64 bits"):
        v.make_price_list({**PRICES, v.BundleType.business: -(10**30)})
    with pytest.raises(ValueError, match="outside 0001-01-01..9999-12-31"):
        v.from_day_count(3_000_000)
    with pytest.raises(ValueError, match="not a State"):
        v.in_service(7)
    with pytest.raises(TypeError):
        v.Context(dt.date(2018, 1, 1), balance=10.5)
    with pytest.raises(TypeError):
        v.Context(dt.date(2018, 1, 1), balance=True)


def test_days_at_the_range_ends():
    assert v.min_day == dt.date(1, 1, 1) and v.max_day == dt.date(9999, 12, 31)
    assert v.from_day_count(v.day_count(v.max_day)) == v.max_day and v.day_count(dt.date(1970, 1, 2)) == 1
    assert v.in_range(v.day_count(v.min_day)) and not v.in_range(v.day_count(v.min_day) - 1)
    assert not v.in_range(2**40)
    with pytest.raises(v.RuleError, match="date_out_of_range"):
        v.first_expiry(dt.date(9999, 12, 15), v.RenewalPolicy())
    assert v.parse_iso_date("2020-02-29") == dt.date(2020, 2, 29) and v.to_iso_string(dt.date(5, 1, 2)) == "0005-01-02"
    for bad in ("2019-02-29", "0000-01-01", "2019-1-01", "2019-01-01 "):
        with pytest.raises(v.RuleError, match="malformed_date"):
            v.parse_iso_date(bad)


def test_renewal_policy_and_factory():
    p = v.RenewalPolicy()
    assert (p.month_end, p.term_months, p.renew_days_before, p.renew_days_after) == (v.MonthEnd.clamp, 1, 3, 5)
    q = v.make_renewal_policy(v.MonthEnd.overflow, 3, 10, 10)
    assert q == v.RenewalPolicy(month_end=v.MonthEnd.overflow, term_months=3, renew_days_before=10, renew_days_after=10)
    assert hash(q) == hash(pickle.loads(pickle.dumps(q))) and q != p
    assert repr(p) == "RenewalPolicy(month_end=MonthEnd.clamp, term_months=1, renew_days_before=3, renew_days_after=5)"
    for args in ((v.MonthEnd.clamp, 0, 3, 5), (v.MonthEnd.clamp, 13, 3, 5), (v.MonthEnd.clamp, 1, -1, 5),
                 (v.MonthEnd.clamp, 1, 14, 14)):
        with pytest.raises(v.RuleError, match="invalid_policy"):
            v.make_renewal_policy(*args)
    assert v.shortest_term_days(1) == 28 and v.shortest_term_days(12) == 365


def test_price_list_and_context():
    prices = v.make_price_list(PRICES)
    assert prices.at(v.BundleType.trunk_only) == 2000 and prices == v.make_price_list({int(k): p for k, p in PRICES.items()})
    assert pickle.loads(pickle.dumps(prices)) == prices
    for bad in ({}, {1: 100}, {**PRICES, 6: 1}, {**PRICES, 1: -1}, {**PRICES, 1: v.max_amount + 1}, {**PRICES, 300: 1}):
        with pytest.raises(v.RuleError, match="invalid_policy"):
            v.make_price_list(bad)
    with pytest.raises(TypeError):
        v.make_price_list({"1": 100})
    ctx = v.Context(dt.date(2018, 8, 30), prices=prices, balance=1000)
    assert ctx.today == dt.date(2018, 8, 30) and ctx.policy == v.RenewalPolicy() and ctx.prices == prices
    assert ctx.balance == 1000 and v.Context(dt.date(2018, 1, 1)).prices is None
    assert "balance=1000" in repr(ctx)
    with pytest.raises(v.RuleError, match="amount_out_of_range"):
        v.make_context(dt.date(2018, 1, 1), None, None, -v.max_amount - 1)
    assert v.affordable(1000, ctx) and not v.affordable(1001, ctx) and v.affordable(10**6, v.Context(dt.date(2018, 1, 1)))


def test_request_and_money():
    assert v.Request(2) == v.Request(v.BundleType.residential, False)
    assert repr(v.Request(1, True)) == "Request(bundle_type=BundleType.business, auto_renew=True)"
    with pytest.raises(v.RuleError, match="bundle_type_out_of_range"):
        v.Request(9)
    assert v.add(1, 2) == 3 and v.subtract(1, 2) == -1 and v.pro_rata(1500, 15, 31) == 726
    assert v.to_decimal_string(-5) == "-0.05" and v.to_decimal_string(1234, 0) == "1234"
    with pytest.raises(v.RuleError, match="amount_out_of_range"):
        v.add(v.max_amount, 1)
    with pytest.raises(v.RuleError, match="fraction_out_of_range"):
        v.pro_rata(100, 5, 4)
    with pytest.raises(v.RuleError, match="invalid_policy"):
        v.to_decimal_string(1, 19)


def test_uuids():
    assert v.parse_uuid(UUID.upper()) == uuid.UUID(UUID)
    assert v.make_uuid_v4(7) == v.make_uuid_v4(7) and v.make_uuid_v4().version == 4
    with pytest.raises(v.RuleError, match="malformed_uuid"):
        v.parse_uuid(UUID[:-1] + "g")


def test_rule_error_is_an_exception_with_name_and_status():
    e = v.RuleError("insufficient_funds", 402)
    assert isinstance(e, Exception) and str(e) == "insufficient_funds (402)"
    copied = pickle.loads(pickle.dumps(e))
    assert (copied.error, copied.status) == ("insufficient_funds", 402)


@pytest.mark.parametrize("call", [
    lambda: v.make_price_list({**PRICES, 1: "1500"}),
    lambda: v.features_on(bundle(), dt.date(2018, 8, 2), v.RenewalPolicy(), {"x": []}),
    lambda: v.features_on(bundle(), dt.date(2018, 8, 2), v.RenewalPolicy(), {1: ["efax"]}),
    lambda: v.features_on(bundle(), dt.date(2018, 8, 2), v.RenewalPolicy(), {1: 5}),
    lambda: v.handle_renew(UUID, lambda u: "not a bundle", v.Context(dt.date(2018, 9, 1))),
    lambda: v.sweep([bundle(), 3], dt.date(2018, 9, 1), v.RenewalPolicy()),
    lambda: v.sweep_totals([bundle(), 3], dt.date(2018, 9, 1), v.RenewalPolicy()),
    lambda: v.error_envelope(1.5),
    lambda: v.make_uuid_v4(-1),
    lambda: v.from_day_count(2**40),
    lambda: v.RenewalPolicy(term_months=2**40),
])
def test_wrong_values_inside_containers_and_callbacks_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


def test_a_uuid_with_the_wrong_bytes_is_refused():
    class Odd(uuid.UUID):
        @property
        def bytes(self):
            return b"short"
    with pytest.raises(ValueError, match="16"):
        bundle(uuid=Odd(UUID))
