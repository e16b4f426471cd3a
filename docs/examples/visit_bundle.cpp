// The schema tables: every wire member named once; visit_bundle walks a bundle in their order.
#include <voip/bundle.hpp>

#include <iostream>
#include <type_traits>

namespace {
const char* kind_name(voip::schema::Kind k) {
    switch (k) {
        case voip::schema::Kind::boolean: return "boolean";
        case voip::schema::Kind::integer: return "integer";
        case voip::schema::Kind::date: return "date";
        case voip::schema::Kind::uuid: return "uuid";
        case voip::schema::Kind::text: return "text";
        case voip::schema::Kind::object: return "object";
        case voip::schema::Kind::array: return "array";
    }
    return "?";
}
}  // namespace

int main() {
    namespace schema = voip::schema;
    for (const schema::Member& m : schema::envelope)
        std::cout << "envelope." << m.name << ": " << kind_name(m.kind) << (m.required ? "" : ", optional") << '\n';
    for (const schema::Member& m : schema::request)
        std::cout << "request." << m.name << ": " << kind_name(m.kind) << (m.required ? "" : ", optional") << '\n';
    std::cout << "result_size " << schema::result_size << ", created_on at "
              << schema::position(schema::bundle, schema::Field::created_on) << ", a price list's names:";
    for (const auto n : schema::names(schema::price_list)) std::cout << ' ' << n;
    std::cout << '\n';

    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     voip::BundleType::fax_only, voip::AutoRenew::off);
    if (!b) return 1;

    // index is a std::integral_constant, so schema::bundle[index] is a constant expression.
    schema::visit_bundle<schema::bundle.size()>(*b, [](auto index, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        constexpr schema::Member m = schema::bundle[decltype(index)::value];
        std::cout << decltype(index)::value << ' ' << m.name << " = ";
        if constexpr (std::is_same_v<V, bool>) std::cout << (value ? "true" : "false");
        else if constexpr (std::is_same_v<V, date::sys_days>) std::cout << voip::IsoDate{value};
        else std::cout << value;  // int (the type's code) or Uuid
        std::cout << '\n';
    });
    std::cout << "value_of<bundle_type>: " << schema::value_of<schema::Field::bundle_type>(*b) << '\n';
}
