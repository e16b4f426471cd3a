// Properties (rapidcheck) of the value types: uuid v4 bits, equality field by field, Money's
// arithmetic, text round-trips.
#include "support.hpp"

#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

namespace props {

void uuid_v4_bits() {
    property("make_uuid_v4 sets version 4 and variant 10 whatever the generator's range", [] {
        const std::uint64_t seed = *rc::gen::arbitrary<std::uint64_t>();
        const int which = *rc::gen::inRange(0, 3);
        Uuid u;
        if (which == 0) {
            std::mt19937_64 g(seed);
            u = make_uuid_v4(g);
        } else if (which == 1) {
            std::minstd_rand g(static_cast<std::uint32_t>(seed | 1));  // range 2^31 - 2: not a multiple of 256
            u = make_uuid_v4(g);
        } else {
            std::ranlux24_base g(static_cast<std::uint32_t>(seed));  // 24-bit range
            u = make_uuid_v4(g);
        }
        RC_ASSERT(u.version() == 4);
        RC_ASSERT((u.bytes[8] & 0xC0) == 0x80);
        RC_ASSERT(parse_uuid(to_string(u)).has_value());
    });
}

namespace {
// Bundles and decisions: equal exactly when every member is.
void bundles_equal_field_by_field() {
    const Bundle b = *gen::bundle(*gen::policy());
    const int field = *rc::gen::inRange(0, 6);  // 5: none changed
    Uuid u = b.uuid();
    date::sys_days created_on = b.created_on(), expires_on = b.expires_on();
    BundleType type = b.bundle_type();
    bool flag = b.auto_renew();
    switch (field) {
        case 0: u.bytes[*rc::gen::inRange<std::size_t>(0, 16)] ^= 1; break;
        case 1: created_on -= date::days{1}; break;
        case 2: expires_on += date::days{1}; break;
        case 3: type = type == BundleType::business ? BundleType::fax_only : BundleType::business; break;
        case 4: flag = !flag; break;
        default: break;
    }
    const auto made = make_bundle(u, CreatedOn{created_on}, ExpiresOn{expires_on}, type, flag ? AutoRenew::on : AutoRenew::off);
    RC_PRE(made.has_value());  // not at 0001-01-01 or 9999-12-31
    const Bundle x = *made;
    RC_ASSERT((x == b) == (field == 5));
    RC_ASSERT((x != b) == (field != 5));
    const Decision d1{b, Money{5}};
    RC_ASSERT((Decision{x, Money{5}} == d1) == (field == 5));
    RC_ASSERT((Decision{b, Money{6}} == d1) == false);
    RC_ASSERT((Decision{b, Money{6}} != d1));
}

void policies_equal_field_by_field() {
    const RenewalPolicy p = *gen::policy();
    MonthEnd month_end = p.month_end();
    int term = p.term_months(), before = p.renew_days_before(), after = p.renew_days_after();
    const int pf = *rc::gen::inRange(0, 5);
    if (pf == 0) month_end = month_end == MonthEnd::clamp ? MonthEnd::overflow : MonthEnd::clamp;
    if (pf == 1) term = term == 12 ? 11 : term + 1;
    if (pf == 2) before = before == 0 ? 1 : before - 1;
    if (pf == 3) after = after == 0 ? 1 : after - 1;
    const auto made_p = make_renewal_policy(month_end, TermMonths{term}, DaysBefore{before}, DaysAfter{after});
    RC_PRE(made_p.has_value());  // a window as wide as it may be cannot grow
    const RenewalPolicy p2 = *made_p;
    RC_ASSERT((p == p2) == (pf == 4));
    RC_ASSERT((p != p2) == (pf != 4));
}
}  // namespace

void equality_field_by_field() {
    property("equality is field by field for every value type", [] {
        bundles_equal_field_by_field();
        const Request r = *gen::request();
        Request r2 = r;
        const int rf = *rc::gen::inRange(0, 3);
        if (rf == 0) r2.auto_renew = !r2.auto_renew;
        if (rf == 1) r2.bundle_type = r2.bundle_type == BundleType::business ? BundleType::trunk_only : BundleType::business;
        RC_ASSERT((r == r2) == (rf == 2));
        RC_ASSERT((r != r2) == (rf != 2));
        policies_equal_field_by_field();
        SweepTotals t{*rc::gen::inRange<std::uint64_t>(0, 9), *rc::gen::inRange<std::uint64_t>(0, 9),
                      *rc::gen::inRange<std::uint64_t>(0, 9)};
        SweepTotals t2 = t;
        const int tf = *rc::gen::inRange(0, 4);
        if (tf == 0) ++t2.none;
        if (tf == 1) ++t2.renew;
        if (tf == 2) ++t2.lapsed;
        RC_ASSERT((t == t2) == (tf == 3));
        RC_ASSERT((t != t2) == (tf != 3));
        // Price lists: equal exactly when every type's price is.
        const PriceList l = *gen::prices();
        const int lf = *rc::gen::inRange(0, 6);  // 5: none changed
        std::array<Money, 5> m{};
        for (std::size_t i = 0; i < 5; ++i) m[i] = l.at(static_cast<BundleType>(i + 1)).value();
        if (lf < 5) m[static_cast<std::size_t>(lf)] = Money{m[static_cast<std::size_t>(lf)].minor == 0 ? 1 : 0};
        using T = BundleType;
        const PriceList l2 = *make_price_list(
            {{T::business, m[0]}, {T::residential, m[1]}, {T::fax_only, m[2]}, {T::trunk_only, m[3]}, {T::forward_only, m[4]}});
        RC_ASSERT((l == l2) == (lf == 5));
        RC_ASSERT((l != l2) == (lf != 5));
        const Money mo{*rc::gen::inRange<std::int64_t>(-5, 5)}, n{*rc::gen::inRange<std::int64_t>(-5, 5)};
        RC_ASSERT((mo < n) == (mo.minor < n.minor));
        RC_ASSERT((mo <= n) == (mo.minor <= n.minor));
        RC_ASSERT((mo > n) == (mo.minor > n.minor));
        RC_ASSERT((mo >= n) == (mo.minor >= n.minor));
        RC_ASSERT((mo == n) == (mo.minor == n.minor));
        RC_ASSERT((mo != n) == (mo.minor != n.minor));
        // Sums and differences are the minor units', or amount_out_of_range past a balance's range.
        const Money big = *gen::money(), other = *gen::money();
        const auto sum = add(big, other);
        const bool sum_right = sum.has_value() ? sum->minor == big.minor + other.minor
                                               : sum.error() == Error::amount_out_of_range &&
                                                     !ok_balance(Money{big.minor + other.minor});
        RC_ASSERT(sum_right);
        RC_ASSERT(subtract(big, other).value().minor == big.minor - other.minor);
        const std::string text = to_decimal_string(Money{-big.minor}, minor_digits<2>);
        RC_ASSERT(text.size() >= 4 && text[text.size() - 3] == '.');
        std::string digits = text;
        digits.erase(digits.size() - 3, 1);
        RC_ASSERT(std::stoll(digits) == -big.minor);
    });
}

void uuid_and_date_text_round_trip() {
    property("uuid and date text round-trip; output is lowercase", [] {
        const Uuid u = *gen::uuid();
        std::string text = to_string(u);
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        const date::sys_days d = *gen::day();
        RC_ASSERT(*parse_iso_date(to_iso_string(d)) == d);
    });
}

}  // namespace props
