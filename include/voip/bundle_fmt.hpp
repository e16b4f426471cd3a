// SPDX-License-Identifier: MIT
#pragma once
// Optional {fmt} support: an fmt::formatter for every value type of voip-bundle that has an
// operator<<. fmt::format("{}", x) prints exactly what `std::cout << x` prints, and the
// string specs apply to that text ("{:>40}", "{:*^12}"). Needs {fmt} 9 or later; since
// fmt 10 no longer formats through operator<<, these specialisations are what make
// fmt::print work. The core never includes this header.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "bundle.hpp"

namespace voip::detail {

// The text of a value, formatted as a string (width, fill, alignment, precision).
struct fmt_text_formatter : fmt::formatter<fmt::string_view> {
    template <class FormatContext>
    auto format_text(std::string_view s, FormatContext& ctx) const -> decltype(ctx.out()) {
        return fmt::formatter<fmt::string_view>::format(fmt::string_view(s.data(), s.size()), ctx);
    }
};

// Types whose text is their stable name(): no allocation.
template <class T>
struct fmt_named_formatter : fmt_text_formatter {
    template <class FormatContext>
    auto format(T v, FormatContext& ctx) const -> decltype(ctx.out()) {
        return format_text(name(v), ctx);
    }
};

// Composite types: through their operator<<, so the two can never disagree.
template <class T>
struct fmt_streamed_formatter : fmt_text_formatter {
    template <class FormatContext>
    auto format(const T& v, FormatContext& ctx) const -> decltype(ctx.out()) {
        std::ostringstream os;
        os << v;
        return format_text(os.str(), ctx);
    }
};

}  // namespace voip::detail

template <>
struct fmt::formatter<voip::Uuid> : voip::detail::fmt_text_formatter {
    template <class FormatContext>
    auto format(const voip::Uuid& u, FormatContext& ctx) const -> decltype(ctx.out()) {
        char buf[voip::uuid_text_size];
        voip::write_uuid(buf, u);
        return format_text(std::string_view(buf, voip::uuid_text_size), ctx);
    }
};

template <>
struct fmt::formatter<voip::IsoDate> : voip::detail::fmt_text_formatter {
    template <class FormatContext>
    auto format(voip::IsoDate d, FormatContext& ctx) const -> decltype(ctx.out()) {
        if (!voip::in_range(d.day)) {  // the rare case: the same text as operator<<
            std::ostringstream os;
            os << d;
            return format_text(os.str(), ctx);
        }
        char buf[voip::iso_date_size];
        voip::write_iso_date(buf, d.day);
        return format_text(std::string_view(buf, voip::iso_date_size), ctx);
    }
};

template <>
struct fmt::formatter<voip::Money> : voip::detail::fmt_text_formatter {
    template <class FormatContext>
    auto format(voip::Money m, FormatContext& ctx) const -> decltype(ctx.out()) {
        char buf[32];  // "Money{", at most 20 characters of an int64, "}"
        const auto r = fmt::format_to_n(buf, sizeof buf, "Money{{{}}}", m.minor);
        return format_text(std::string_view(buf, r.size), ctx);
    }
};

// clang-format off
template <> struct fmt::formatter<voip::Error> : voip::detail::fmt_named_formatter<voip::Error> {};
template <> struct fmt::formatter<voip::Feature> : voip::detail::fmt_named_formatter<voip::Feature> {};
template <> struct fmt::formatter<voip::JsonKind> : voip::detail::fmt_named_formatter<voip::JsonKind> {};
template <> struct fmt::formatter<voip::State> : voip::detail::fmt_named_formatter<voip::State> {};
template <> struct fmt::formatter<voip::SweepAction> : voip::detail::fmt_named_formatter<voip::SweepAction> {};
template <> struct fmt::formatter<voip::Operation> : voip::detail::fmt_named_formatter<voip::Operation> {};

template <> struct fmt::formatter<voip::Status> : voip::detail::fmt_streamed_formatter<voip::Status> {};
template <> struct fmt::formatter<voip::BundleType> : voip::detail::fmt_streamed_formatter<voip::BundleType> {};
template <> struct fmt::formatter<voip::MonthEnd> : voip::detail::fmt_streamed_formatter<voip::MonthEnd> {};
template <> struct fmt::formatter<voip::RenewalPolicy> : voip::detail::fmt_streamed_formatter<voip::RenewalPolicy> {};
template <> struct fmt::formatter<voip::RenewalWindow> : voip::detail::fmt_streamed_formatter<voip::RenewalWindow> {};
template <> struct fmt::formatter<voip::PriceList> : voip::detail::fmt_streamed_formatter<voip::PriceList> {};
template <> struct fmt::formatter<voip::Bundle> : voip::detail::fmt_streamed_formatter<voip::Bundle> {};
template <> struct fmt::formatter<voip::Request> : voip::detail::fmt_streamed_formatter<voip::Request> {};
template <> struct fmt::formatter<voip::Decision> : voip::detail::fmt_streamed_formatter<voip::Decision> {};
template <> struct fmt::formatter<voip::Envelope> : voip::detail::fmt_streamed_formatter<voip::Envelope> {};
template <> struct fmt::formatter<voip::SweepTotals> : voip::detail::fmt_streamed_formatter<voip::SweepTotals> {};
template <> struct fmt::formatter<voip::FeatureSet> : voip::detail::fmt_streamed_formatter<voip::FeatureSet> {};
template <> struct fmt::formatter<voip::FeatureTable> : voip::detail::fmt_streamed_formatter<voip::FeatureTable> {};
template <> struct fmt::formatter<voip::Context> : voip::detail::fmt_streamed_formatter<voip::Context> {};
template <> struct fmt::formatter<voip::WriteOptions> : voip::detail::fmt_streamed_formatter<voip::WriteOptions> {};
template <> struct fmt::formatter<voip::RawField> : voip::detail::fmt_streamed_formatter<voip::RawField> {};
template <> struct fmt::formatter<voip::RawRequest> : voip::detail::fmt_streamed_formatter<voip::RawRequest> {};
template <> struct fmt::formatter<voip::Term> : voip::detail::fmt_streamed_formatter<voip::Term> {};
template <> struct fmt::formatter<voip::UpgradeCharge> : voip::detail::fmt_streamed_formatter<voip::UpgradeCharge> {};
template <> struct fmt::formatter<voip::MinorDigits> : voip::detail::fmt_streamed_formatter<voip::MinorDigits> {};
template <> struct fmt::formatter<voip::OperationSet> : voip::detail::fmt_streamed_formatter<voip::OperationSet> {};
template <> struct fmt::formatter<voip::SweepRanges> : voip::detail::fmt_streamed_formatter<voip::SweepRanges> {};
// clang-format on
