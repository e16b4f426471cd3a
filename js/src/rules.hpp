// SPDX-License-Identifier: MIT
#pragma once
// The rules of <voip/bundle.hpp> over the Io block (io.hpp): each function reads its
// arguments from the block, calls the library, writes the result back and answers 0 or the
// voip::Error's value.
#include "io.hpp"

namespace vbjs {

// Values: made by the library's factories, or refused.
inline int make_bundle() { return answer(bundle(), put_bundle); }
inline int with_type() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return answer(b->with_type(type_of(io.ints[i_rtype]), io.ints[i_rauto] != 0 ? voip::AutoRenew::on : voip::AutoRenew::off),
                  put_bundle);
}
inline int renewed_until() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    const auto d = day(t_day);
    if (!d) return code_of(d.error());
    return answer(b->renewed_until(voip::ExpiresOn{*d}), put_bundle);
}
inline int make_renewal_policy() { return answer(policy(), [](const auto&) {}); }
inline int make_price_list() {
    return answer(price_entries(), [](const voip::PriceList& p) {
        for (int c = 1; c <= 5; ++c) io.out_num[c - 1] = static_cast<double>(p.at(static_cast<voip::BundleType>(c))->minor);
    });
}
inline int make_context() { return answer(context(), [](const auto&) {}); }
inline int make_request() { return answer(request(), [](const auto&) {}); }
inline int parse_uuid() { return answer(voip::parse_uuid(text(t_uuid)), [](const voip::Uuid& u) { put_uuid(0, u); }); }
inline int parse_iso_date() { return answer(day(t_day), [](Day d) { put_day(0, d); }); }

// Two arguments read in order: the first failure is the answer.
template <class A, class B, class F>
int with2(const Expected<A>& a, const Expected<B>& b, F&& f) {
    if (!a) return code_of(a.error());
    if (!b) return code_of(b.error());
    return f(*a, *b);
}
inline const auto put_day0 = [](Day d) { put_day(0, d); };
inline const auto put_window = [](const voip::RenewalWindow& w) {
    put_day(0, w.first);
    put_day(10, w.last);
};

// Terms.
inline int add_term() {
    const auto from = day(t_day);
    if (!from) return code_of(from.error());
    return with2(day(t_day2), policy(), [&](Day anchor, const voip::RenewalPolicy& p) { return answer(voip::add_term(*from, voip::CreatedOn{anchor}, p), put_day0); });
}
inline int first_expiry() {
    return with2(day(t_day), policy(), [](Day d, const voip::RenewalPolicy& p) { return answer(voip::first_expiry(d, p), put_day0); });
}
inline int next_expiry() {
    return with2(bundle(), policy(), [](const voip::Bundle& b, const voip::RenewalPolicy& p) { return answer(voip::next_expiry(b, p), put_day0); });
}
inline int term_start_days() {
    const auto created = day(t_day);
    if (!created) return code_of(created.error());
    return with2(day(t_day2), policy(), [&](Day end, const voip::RenewalPolicy& p) { return answer(voip::term_start(voip::CreatedOn{*created}, end, p), put_day0); });
}
inline int term_start_bundle() {
    return with2(bundle(), policy(), [](const voip::Bundle& b, const voip::RenewalPolicy& p) { return put_day0(voip::term_start(b, p)), 0; });
}

// The window and the states.
inline int renewal_window_day() {
    return with2(day(t_day), policy(), [](Day e, const voip::RenewalPolicy& p) { return put_window(voip::renewal_window(e, p)), 0; });
}
inline int renewal_window_bundle() {
    return with2(bundle(), policy(), [](const voip::Bundle& b, const voip::RenewalPolicy& p) { return put_window(voip::renewal_window(b, p)), 0; });
}
inline int renewal_window_context() {
    return with2(bundle(), context(), [](const voip::Bundle& b, const voip::Context& c) { return put_window(voip::renewal_window(b, c)), 0; });
}
inline int can_renew_context() {
    return with2(bundle(), context(), [](const voip::Bundle& b, const voip::Context& c) {
        const auto r = voip::can_renew(b, c);
        return r ? 0 : code_of(r.error());
    });
}
inline int can_renew_day() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) {
        const auto r = voip::can_renew(*b, d, p);
        return r ? 0 : code_of(r.error());
    });
}
inline int put_int(int v) { return io.out_ints[o_a] = v, 0; }
inline int state_on_day() {  // t_day2: expires_on, t_day: the day
    const auto e = day(t_day2);
    if (!e) return code_of(e.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) { return put_int(static_cast<int>(voip::state_on(voip::ExpiresOn{*e}, d, p))); });
}
inline int state_on_bundle() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) { return put_int(static_cast<int>(voip::state_on(*b, d, p))); });
}
inline int state_on_context() {
    return with2(bundle(), context(), [](const voip::Bundle& b, const voip::Context& c) { return put_int(static_cast<int>(voip::state_on(b, c))); });
}

// Sweep actions.
inline int sweep_action_raw() {  // t_day2: expires_on, i_auto, t_day: the day
    const auto e = day(t_day2);
    if (!e) return code_of(e.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) {
        return put_int(static_cast<int>(voip::sweep_action(voip::ExpiresOn{*e}, io.ints[i_auto] != 0, d, p)));
    });
}
inline int sweep_action_bundle() {
    const auto b = bundle();
    if (!b) return code_of(b.error());
    return with2(day(t_day), policy(), [&](Day d, const voip::RenewalPolicy& p) { return put_int(static_cast<int>(voip::sweep_action(*b, d, p))); });
}
inline int sweep_action_context() {
    return with2(bundle(), context(), [](const voip::Bundle& b, const voip::Context& c) { return put_int(static_cast<int>(voip::sweep_action(b, c))); });
}

}  // namespace vbjs
