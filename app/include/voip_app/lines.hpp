// The programs' own answers (status, quote, sweep) and the store's header, each object's members written once.
#pragma once
// The bundle's members in them come from voip::schema (the library's stored bundle); the
// tables here hold only what the programs add. The command writes every answer from them,
// the sandbox its status (result_members.hpp) and the bundle members it names.
#include <array>
#include <cstdint>

#include <voip/bundle.hpp>

namespace voip_app::lines {

using voip::schema::Kind;
using voip::schema::Member;

// status: the envelope, its result the bundle's members, then these.
inline constexpr std::array<Member, 7> status{{
    {"state", Kind::text, true},
    {"in_service", Kind::boolean, true},
    {"renewable", Kind::boolean, true},
    {"actions", Kind::array, true},          // what can still be done today: voip::allowed_operations
    {"renewal_window", Kind::object, false},  // absent when lapsed: the window is gone
    {"next_expiry", Kind::date, false},      // absent when lapsed, or past 9999-12-31
    {"features", Kind::array, true},
}};
// status's renewal_window: both days inclusive.
inline constexpr std::array<Member, 2> window{{
    {"first", Kind::date, true},
    {"last", Kind::date, true},
}};

// quote: the envelope, its result the bundle's members, then these.
inline constexpr std::array<Member, 4> quote{{
    {"charge", Kind::integer, true},
    {"prices", Kind::text, true},          // the --prices file as given, or null: nothing is charged
    {"balance", Kind::integer, true},      // --balance, or null when not given
    {"affordable", Kind::boolean, false},  // with --balance only: voip::affordable()
}};

// sweep, one line per bundle that needs action: uuid, action, expires_on, auto_renew,
// bundle_type, the bundle's members named by the library's schema.
inline constexpr std::array<voip::schema::Field, 4> sweep_bundle_fields{
    voip::schema::Field::uuid, voip::schema::Field::expires_on, voip::schema::Field::auto_renew,
    voip::schema::Field::bundle_type};
inline constexpr Member sweep_action{"action", Kind::text, true};  // after the uuid

// sweep's last line: a summary object of these members.
inline constexpr Member summary{"summary", Kind::object, true};
inline constexpr std::array<Member, 5> summary_members{{
    {"today", Kind::date, true},
    {"bundles", Kind::integer, true},
    {"none", Kind::integer, true},
    {"renew", Kind::integer, true},
    {"lapsed", Kind::integer, true},
}};

// A store's optional first line, the header: {"voip_bundle_store":1,"month_end":"clamp"}.
inline constexpr std::array<Member, 2> store_header{{
    {"voip_bundle_store", Kind::integer, true},  // the store format's version: 1
    {"month_end", Kind::text, true},             // "clamp" or "overflow": the policy it was written with
}};
inline constexpr std::int64_t store_format_version = 1;

// The name of the bundle member standing for `f`.
[[nodiscard]] constexpr std::string_view bundle_name(voip::schema::Field f) noexcept {
    return voip::schema::bundle[voip::schema::position(voip::schema::bundle, f)].name;
}

}  // namespace voip_app::lines
