// A store line classified: blank, header (line 1), bundle, or a problem with its column and member; the header's text.
#include <voip_app/store_line.hpp>

#include <voip/bundle_json.hpp>

#include <voip_app/files.hpp>
#include <voip_app/lines.hpp>

namespace voip_app {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::array<std::string_view, 2> header_names{lines::store_header[0].name, lines::store_header[1].name};

// The header members of `line`, when it is a JSON object naming the header's first member.
bool scan_header(std::string_view line, voip::detail::Members<2>& m) {
    return voip::detail::scan_object(line.data(), line.size(), header_names, m).has_value() &&
           m.values[0].kind != voip::JsonKind::absent;
}

tl::expected<StoreLine, LineProblem> header_from(const voip::detail::Members<2>& m) {
    const voip::detail::Value& version = m.values[0];
    const voip::detail::Value& month_end = m.values[1];
    const std::string v = std::string(lines::store_header[0].name);
    if (version.kind != voip::JsonKind::integer || version.integer != lines::store_format_version)
        return tl::make_unexpected(LineProblem{1, "store header: " + v + " must be 1 (the only store format this voip-bundle reads)"});
    const std::string_view text = voip::detail::text_of(month_end);
    StoreHeader h;
    if (month_end.kind == voip::JsonKind::string && text == "overflow") h.month_end = voip::MonthEnd::overflow;
    else if (month_end.kind != voip::JsonKind::string || text != "clamp")
        return tl::make_unexpected(LineProblem{1, "store header: " + std::string(lines::store_header[1].name) +
                                                     " must be \"clamp\" or \"overflow\""});
    return StoreLine{h};
}

}  // namespace

tl::expected<StoreLine, LineProblem> read_store_line(std::string_view line, bool first) {
    if (is_blank_line(line)) return StoreLine{BlankLine{}};
    // The decoder would call it invalid_json; an editor added it, and the fix is to drop it.
    if (line.substr(0, byte_order_mark.size()) == byte_order_mark)
        return tl::make_unexpected(LineProblem{1, "invalid_json: a UTF-8 byte-order mark (EF BB BF); a store is UTF-8 "
                                                  "without one: remove those 3 bytes"});
    voip::detail::Members<2> header;
    if (first && scan_header(line, header)) return header_from(header);
    const auto b = voip::decode_bundle(line);
    if (b) return StoreLine{*b};
    // Looked for only once a line fails: a sweep decodes each of millions of lines once.
    if (!first && scan_header(line, header)) return tl::make_unexpected(LineProblem{1, "a store header belongs on line 1 only"});
    return tl::make_unexpected(diagnose_bundle_line(line, b.error()));
}

std::string header_line(voip::MonthEnd m) {
    return "{\"" + std::string(lines::store_header[0].name) + "\":" + std::to_string(lines::store_format_version) + ",\"" +
           std::string(lines::store_header[1].name) + "\":\"" + std::string(month_end_name(m)) + "\"}";
}

}  // namespace voip_app
