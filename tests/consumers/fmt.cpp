// fmt::formatter for the value types (include/voip/bundle_fmt.hpp): "{}" prints what
// operator<< prints, for every value of every enum and for composite values, and the
// format specs apply.
#include <voip/bundle_fmt.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

template <class T>
std::string streamed(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

template <class T>
void same_as_stream(const T& v) {
    CAPTURE(streamed(v));
    CHECK(fmt::format("{}", v) == streamed(v));
}

// Every enumerator from 0 to `last` (cast from the underlying type, as the enums are dense).
template <class Enum>
void every_value_same_as_stream(int first, int last) {
    for (int i = first; i <= last; ++i) same_as_stream(static_cast<Enum>(static_cast<std::underlying_type_t<Enum>>(i)));
}

date::sys_days day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }

voip::Bundle seed_bundle() {
    return *voip::make_bundle(*voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"), voip::CreatedOn{day(2018, 8, 1)},
                              voip::ExpiresOn{day(2018, 9, 1)}, voip::BundleType::business, voip::AutoRenew::on);
}

}  // namespace

TEST_CASE("a UUID formats as lower-case 8-4-4-4-12 text, with string specs") {
    const auto u = *voip::parse_uuid("0FBA8C48-99FC-4727-8CA7-C847376DA415");
    CHECK(fmt::format("{}", u) == "0fba8c48-99fc-4727-8ca7-c847376da415");
    CHECK(fmt::format("[{:>38}]", u) == "[  0fba8c48-99fc-4727-8ca7-c847376da415]");
    CHECK(fmt::format("{:.8}", u) == "0fba8c48");
    same_as_stream(u);
    same_as_stream(voip::Uuid{});
}

TEST_CASE("dates format as YYYY-MM-DD, out of range as operator<< says") {
    CHECK(fmt::format("{}", voip::IsoDate{day(2018, 8, 1)}) == "2018-08-01");
    CHECK(fmt::format("{:*^14}", voip::IsoDate{day(1, 1, 1)}) == "**0001-01-01**");
    same_as_stream(voip::IsoDate{day(9999, 12, 31)});
    const voip::IsoDate beyond{voip::max_day + date::days{1}};
    CHECK(fmt::format("{}", beyond).find("out of range") != std::string::npos);
    same_as_stream(beyond);
}

TEST_CASE("money formats as the expression that makes it, with string specs") {
    CHECK(fmt::format("{}", voip::Money{290}) == "Money{290}");
    CHECK(fmt::format("{:>12}", voip::Money{290}) == "  Money{290}");
    CHECK(fmt::format("{}", voip::Money{-5}) == "Money{-5}");
    CHECK(fmt::format("{}", voip::Money{std::numeric_limits<std::int64_t>::min()}) == "Money{-9223372036854775808}");
    same_as_stream(voip::Money{std::numeric_limits<std::int64_t>::min()});
    same_as_stream(voip::Money{-1234567});
    same_as_stream(voip::max_amount);
}

TEST_CASE("every value of every enum formats as operator<< prints it") {
    every_value_same_as_stream<voip::BundleType>(0, 6);  // 0 and 6 are invalid: same text too
    every_value_same_as_stream<voip::State>(0, 3);
    every_value_same_as_stream<voip::SweepAction>(0, 2);
    every_value_same_as_stream<voip::Feature>(0, static_cast<int>(voip::feature_count) - 1);
    every_value_same_as_stream<voip::JsonKind>(0, 8);
    every_value_same_as_stream<voip::MonthEnd>(0, 1);
    every_value_same_as_stream<voip::Operation>(0, 2);
    for (const auto s : {voip::Status::ok, voip::Status::created, voip::Status::bad_request,
                         voip::Status::payment_required, voip::Status::not_found})
        same_as_stream(s);
    int errors = 0;
    for (int e = 1; e < 256; ++e) {
        const auto error = static_cast<voip::Error>(e);
        if (voip::name(error).empty()) continue;
        same_as_stream(error);
        ++errors;
    }
    CHECK(errors > 10);
    CHECK(fmt::format("{}", voip::BundleType::fax_only) == "3 (Fax Only)");
    CHECK(fmt::format("{:<14}|", voip::Status::not_found) == "404 Not Found |");
    CHECK(fmt::format("{}", voip::Error::malformed_uuid) == "malformed_uuid");
}

TEST_CASE("composite values format as operator<< prints them") {
    const voip::Bundle b = seed_bundle();
    same_as_stream(b);
    CHECK(fmt::format("{}", b).find("0fba8c48-99fc-4727-8ca7-c847376da415") != std::string::npos);
    same_as_stream(voip::RenewalPolicy{});
    same_as_stream(voip::renewal_window(b, voip::RenewalPolicy{}));
    CHECK(fmt::format("{}", voip::renewal_window(b, voip::RenewalPolicy{})) == "[2018-08-29, 2018-09-06]");
    const auto prices = voip::make_price_list({{voip::BundleType::business, voip::Money{900}},
                                               {voip::BundleType::residential, voip::Money{1500}},
                                               {voip::BundleType::fax_only, voip::Money{0}},
                                               {voip::BundleType::trunk_only, voip::Money{1}},
                                               {voip::BundleType::forward_only, voip::Money{2}}});
    same_as_stream(*prices);
    same_as_stream(voip::Request{true, voip::BundleType::trunk_only});
    same_as_stream(voip::Decision{b, voip::Money{290}});
    voip::SweepTotals totals;
    totals.add(voip::SweepAction::renew);
    totals.add(voip::SweepAction::lapsed);
    same_as_stream(totals);
    same_as_stream(voip::FeatureSet{});
    same_as_stream(voip::FeatureSet::all());
    same_as_stream(voip::FeatureSet{voip::Feature::efax, voip::Feature::voicemail});
    same_as_stream(voip::make_envelope(voip::Operation::create, voip::Result{voip::Decision{b, voip::Money{0}}}));
    same_as_stream(voip::error_envelope(voip::Error::malformed_uuid));
    same_as_stream(voip::default_feature_table());
    same_as_stream(voip::minor_digits<3>);
    same_as_stream(voip::allowed_operations(voip::State::grace));
    same_as_stream(*voip::sweep_ranges(b.expires_on(), voip::RenewalPolicy{}));
    voip::Context ctx = voip::make_context(b.created_on()).value();
    same_as_stream(ctx);
    ctx = voip::make_context(b.created_on(), voip::RenewalPolicy{}, *prices, voip::Money{5}).value();
    same_as_stream(ctx);
    const auto charge = voip::upgrade_charge_breakdown(b, voip::BundleType::residential, ctx);
    same_as_stream(*charge);
    same_as_stream(charge->current);
    same_as_stream(voip::WriteOptions{voip::Layout::pretty});
    same_as_stream(voip::RawField::of(std::int64_t{7}));
    same_as_stream(voip::RawRequest{voip::RawField::null(), voip::RawField::of(true)});
    const std::string line = fmt::format("{} {}", voip::Status::created, b.bundle_type());
    CHECK(line == "201 Created 1 (Business)");
}
