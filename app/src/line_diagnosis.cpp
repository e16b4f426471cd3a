// The column and member behind a stored line's error: a second look at a line voip::decode_bundle refused.
#include <voip_app/line_diagnosis.hpp>

#include <array>
#include <optional>

#include <voip/bundle_json.hpp>

#include <voip_app/date_shape.hpp>
#include <voip_app/json_positions.hpp>

namespace voip_app {

namespace {

using voip::schema::Field;

std::string_view name_of(Field f) {
    return voip::schema::bundle[voip::schema::position(voip::schema::bundle, f)].name;
}

bool is_one_of(voip::Error e, std::initializer_list<voip::Error> set) {
    for (const voip::Error x : set)
        if (e == x) return true;
    return false;
}

// The member a member-level error is about, in voip::bundle_from_members' order of checks
// (uuid, created_on, expires_on, bundle_type, auto_renew), and what is wrong with it.
struct MemberFault {
    Field field;
    std::string what;
};

std::optional<MemberFault> member_fault(const std::array<voip::MemberValue, 5>& v, voip::Error e) {
    const auto at = [&v](Field f) -> const voip::MemberValue& { return voip::detail::member(v, voip::schema::bundle, f); };
    const auto missing = [](Field f) { return MemberFault{f, "member " + std::string(name_of(f)) + " is missing"}; };
    const auto text_of = [&at](Field f) {
        const voip::MemberValue& m = at(f);
        if (m.kind != voip::JsonKind::string || m.text_too_long)
            return std::string(" is ") + std::string(voip::name(m.kind)) + ", not a string";
        return " \"" + std::string(m.text) + "\"";
    };
    if (at(Field::uuid).kind == voip::JsonKind::absent) return missing(Field::uuid);
    if (e == voip::Error::malformed_uuid)
        return MemberFault{Field::uuid, "member uuid" + text_of(Field::uuid) + " is not a canonical UUID"};
    for (const Field f : {Field::created_on, Field::expires_on}) {
        const voip::MemberValue& m = at(f);
        if (m.kind == voip::JsonKind::absent) return missing(f);
        const bool bad = m.kind != voip::JsonKind::string || m.text_too_long || !voip::parse_iso_date(m.text);
        if (bad && is_one_of(e, {voip::Error::malformed_date, voip::Error::date_out_of_range})) {
            const std::string why = m.kind == voip::JsonKind::string && !m.text_too_long
                                        ? std::string(": ") + std::string(date_problem(m.text))
                                        : "";
            return MemberFault{f, "member " + std::string(name_of(f)) + text_of(f) + why};
        }
    }
    if (voip::name(e).rfind("bundle_type_", 0) == 0) {
        if (e == voip::Error::bundle_type_missing) return missing(Field::bundle_type);
        return MemberFault{Field::bundle_type, "member bundle_type (want an integer 1..5)"};
    }
    if (at(Field::auto_renew).kind == voip::JsonKind::absent) return missing(Field::auto_renew);
    if (voip::name(e).rfind("auto_renew_", 0) == 0)
        return MemberFault{Field::auto_renew, "member auto_renew (want true or false)"};
    return std::nullopt;
}

}  // namespace

LineProblem diagnose_bundle_line(std::string_view line, voip::Error e) {
    LineProblem p{0, std::string(voip::name(e))};
    switch (e) {
        case voip::Error::invalid_json:
        case voip::Error::invalid_utf8:
            p.column = syntax_error_column(line).value_or(0);
            return p;
        case voip::Error::body_too_large:
            p.what += " (a stored line holds at most " + std::to_string(voip::max_body_size) + " bytes)";
            return p;
        case voip::Error::body_not_object:
            p.column = line.find_first_not_of(" \t\r\n") + 1;
            p.what += " (a stored line is one JSON object)";
            return p;
        case voip::Error::nesting_too_deep:
            p.column = json_structure(line, voip::max_nesting).too_deep_column.value_or(0);
            return p;
        case voip::Error::duplicate_member: {
            const Structure s = json_structure(line, voip::max_nesting);
            p.column = s.duplicate_column.value_or(0);
            if (s.duplicate_column) p.what += ": member " + s.duplicate_name + " given twice";
            return p;
        }
        default: break;
    }
    voip::detail::Members<5> members;
    if (!voip::detail::scan_object(line.data(), line.size(), voip::detail::bundle_names, members))
        return p;  // not reached: the JSON rules passed, or decode_bundle would have said so
    const auto values = voip::detail::member_values(members);
    if (const auto fault = member_fault(values, e)) {
        const auto names = json_structure(line, voip::max_nesting).top_names;
        const auto found = names.find(std::string(name_of(fault->field)));
        if (found != names.end()) p.column = found->second;
        p.what += ": " + fault->what;
    } else if (e == voip::Error::invalid_bundle) {
        p.what += ": created_on is not before expires_on";
    }
    return p;
}

}  // namespace voip_app
