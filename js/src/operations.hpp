// SPDX-License-Identifier: MIT
#pragma once
// Create, update, renew and their quotes, charges, features, envelopes, money and the JSON
// codecs of <voip/bundle_json.hpp> over the Io block (io.hpp).
#include <string>

#include <voip/bundle_json.hpp>

#include "rules.hpp"

namespace vbjs {

// A Decision: the bundle at out[0..56), the charge in out_num[0].
inline int decided(const voip::Result& r) {
    return answer(r, [](const voip::Decision& d) {
        put_bundle(d.bundle);
        io.out_num[0] = static_cast<double>(d.charge.minor);
    });
}
template <class F>
int on_bundle_and_context(F&& f) {
    return with2(bundle(), context(), [&](const voip::Bundle& b, const voip::Context& c) { return decided(f(b, c)); });
}
template <class F>
int on_request(F&& f) {  // quote_create, create: the request, the uuid (t_uuid), the context
    const auto r = request();
    if (!r) return code_of(r.error());
    return with2(voip::parse_uuid(text(t_uuid)), context(), [&](const voip::Uuid& u, const voip::Context& c) { return decided(f(*r, u, c)); });
}
template <class F>
int on_update(F&& f) {  // quote_update, update: the bundle, the request, the context
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return with2(request(), context(), [&](const voip::Request& r, const voip::Context& c) { return decided(f(*b, r, c)); });
}

inline int quote_create() { return on_request([](const auto& r, const auto& u, const auto& c) { return voip::quote_create(r, u, c); }); }
inline int create() { return on_request([](const auto& r, const auto& u, const auto& c) { return voip::create(r, u, c); }); }
inline int quote_update() { return on_update([](const auto& b, const auto& r, const auto& c) { return voip::quote_update(b, r, c); }); }
inline int update() { return on_update([](const auto& b, const auto& r, const auto& c) { return voip::update(b, r, c); }); }
inline int quote_renew() { return on_bundle_and_context([](const auto& b, const auto& c) { return voip::quote_renew(b, c); }); }
inline int renew() { return on_bundle_and_context([](const auto& b, const auto& c) { return voip::renew(b, c); }); }

// handle_update/handle_renew: JS called find(uuid) first; i_found says whether it returned
// a bundle (then in the bundle slots). The key is t_uuid2, parsed as the handlers' callers do.
inline int handle(bool with_request) {
    const auto key = voip::parse_uuid(text(t_uuid2));
    if (!key) return code_of(key.error());
    Expected<voip::Bundle> found = voip::fail(voip::Error::unknown_bundle);
    if (io.ints[i_found] != 0) {
        found = bundle();
        if (!found) return code_of(found.error());
    }
    const auto find = [&](const voip::Uuid&) -> const voip::Bundle* { return found ? &*found : nullptr; };
    const auto c = context();
    if (!c) return code_of(c.error());
    if (!with_request) return decided(voip::handle_renew(*key, find, *c));
    const auto r = request();
    if (!r) return code_of(r.error());
    return decided(voip::handle_update(*key, *r, find, *c));
}
inline int handle_update() { return handle(true); }
inline int handle_renew() { return handle(false); }

inline int upgrade_charge() {
    return with2(bundle(), context(), [](const voip::Bundle& b, const voip::Context& c) {
        return answer(voip::upgrade_charge(b, type_of(io.ints[i_rtype]), c), [](voip::Money m) { io.out_num[0] = static_cast<double>(m.minor); });
    });
}
inline int affordable() {
    return answer(context(), [](const voip::Context& c) { io.out_ints[o_a] = voip::affordable(money(n_amount), c) ? 1 : 0; });
}
inline int to_decimal_string() {
    return answer(voip::make_minor_digits(io.ints[i_digits]), [](voip::MinorDigits d) {
        char buf[voip::max_decimal_size];
        put_text(std::string_view(buf, static_cast<std::size_t>(voip::write_decimal(buf, money(n_amount), d) - buf)));
    });
}

// Features under the default table (FeatureSet bits in out_ints[o_a]).
inline int features_on() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) { return put_int(voip::features_on(*b, d, p).bits()); });
}
inline int check_feature() {  // i_found: a bundle given; i_op: the Feature
    Expected<voip::Bundle> b = voip::fail(voip::Error::unknown_bundle);
    if (io.ints[i_found] != 0 && !(b = bundle())) return code_of(b.error());
    const auto f = static_cast<voip::Feature>(io.ints[i_op]);
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) {
        const auto r = voip::check_feature(b ? &*b : nullptr, f, d, p);
        return r ? 0 : code_of(r.error());
    });
}

// Envelopes: i_error 0 for a success (the bundle in its slots, i_op the operation).
inline int envelope_text() {
    const voip::WriteOptions o{io.ints[i_layout] != 0 ? voip::Layout::pretty : voip::Layout::compact,
                               io.ints[i_detail] != 0 ? voip::ErrorDetail::on : voip::ErrorDetail::off};
    if (io.ints[i_error] != 0) return put_text(voip::to_string(voip::error_envelope(static_cast<voip::Error>(io.ints[i_error])), o));
    const auto b = bundle();
    if (!b) return code_of(b.error());
    const auto n = voip::write_envelope(io.out, io.out + out_size, voip::success_envelope(static_cast<voip::Operation>(io.ints[i_op]), *b), o);
    if (!n) return code_of(n.error());
    io.out_ints[o_len] = static_cast<std::int32_t>(*n);
    return 0;
}

// JSON: a RawField as kind, flag and integer (out_ints[o_a + 2i], out_ints[o_b + 2i], out_i64[i]).
inline void put_raw(const voip::RawRequest& r) {
    const voip::RawField* f[2] = {&r.auto_renew, &r.bundle_type};
    for (int i = 0; i < 2; ++i) {
        io.out_ints[o_a + 2 * i] = static_cast<int>(f[i]->kind);
        io.out_ints[o_b + 2 * i] = f[i]->boolean ? 1 : 0;
        io.out_i64[i] = f[i]->integer;
    }
}
inline void put_request(const voip::Request& r) {
    io.out_ints[o_type] = voip::code(r.bundle_type);
    io.out_ints[o_auto] = r.auto_renew ? 1 : 0;
}
inline int decode_request(const std::string& body) { return answer(voip::decode_request(body), put_raw); }
inline int parse_request(const std::string& body) { return answer(voip::parse_request(body), put_request); }
inline int check_json_object(const std::string& body) {
    const auto r = voip::check_json_object(body);
    return r ? 0 : code_of(r.error());
}
inline int parse_create(const std::string& body) { return answer(voip::parse_create(body), put_request); }
inline int parse_update(const std::string& uuid, const std::string& body) {
    return answer(voip::parse_update(uuid, body), [](const voip::UpdateCall& c) {
        put_uuid(0, c.uuid);
        put_request(c.request);
    });
}
inline int parse_renew(const std::string& uuid) { return answer(voip::parse_renew(uuid), [](const voip::Uuid& u) { put_uuid(0, u); }); }
inline int validate() {  // i_raw..: kind, flag for auto_renew then bundle_type; in_i64[0..1]
    const auto field = [](int i) {
        return voip::RawField{static_cast<voip::JsonKind>(io.ints[i_raw + 2 * i]), io.ints[i_raw + 1 + 2 * i] != 0, io.in_i64[i]};
    };
    return answer(voip::validate(voip::RawRequest{field(0), field(1)}), put_request);
}
inline int decode_bundle(const std::string& line) { return answer(voip::decode_bundle(line), put_bundle); }
inline int encode_bundle() { return answer(bundle(), [](const voip::Bundle& b) { put_text(voip::encode_bundle(b)); }); }
inline int decode_prices(const std::string& text) {
    return answer(voip::decode_prices(text), [](const voip::PriceList& p) {
        for (int c = 1; c <= 5; ++c) io.out_num[c - 1] = static_cast<double>(p.at(static_cast<voip::BundleType>(c))->minor);
    });
}

}  // namespace vbjs
