// Positions in a bad line of JSON: nlohmann's parse error byte, and a walk that finds names, duplicates and deep nesting.
#include <voip_app/json_positions.hpp>

#include <set>
#include <vector>

#include <nlohmann/json.hpp>

namespace voip_app {

namespace {

// Accepts every event; keeps the parse error's position. No exceptions: sax_parse reports
// the error here and stops when this returns false.
struct ErrorPosition : nlohmann::json_sax<nlohmann::json> {
    std::optional<std::size_t> position;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception&) override {
        position = at;
        return false;
    }
};

// A quoted JSON string's content, unescaped; the raw content when it does not decode.
std::string unescaped(std::string_view quoted) {
    const auto v = nlohmann::json::parse(quoted.begin(), quoted.end(), nullptr, false);
    return v.is_string() ? v.get<std::string>() : std::string(quoted.substr(1, quoted.size() - 2));
}

}  // namespace

std::optional<std::size_t> syntax_error_column(std::string_view text) {
    ErrorPosition sax;
    (void)nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    // The position counts the characters read, the bad one included: its column.
    if (sax.position) return *sax.position == 0 ? 1 : *sax.position;
    return std::nullopt;
}

Structure json_structure(std::string_view text, std::size_t max_depth) {
    Structure s;
    struct Level {
        bool object;
        bool expect_name;
        std::set<std::string> names;
    };
    std::vector<Level> levels;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            if (levels.empty() || !levels.back().object || !levels.back().expect_name) continue;
            levels.back().expect_name = false;
            const std::string name = unescaped(text.substr(start, i + 1 - start));
            if (!levels.back().names.insert(name).second) {
                s.duplicate_column = start + 1;
                s.duplicate_name = name;
                return s;
            }
            if (levels.size() == 1) s.top_names.emplace(name, start + 1);
        } else if (c == '{' || c == '[') {
            levels.push_back(Level{c == '{', c == '{', {}});
            if (levels.size() > max_depth) {
                s.too_deep_column = i + 1;
                return s;
            }
        } else if (c == '}' || c == ']') {
            if (!levels.empty()) levels.pop_back();
        } else if (c == ',') {
            if (!levels.empty() && levels.back().object) levels.back().expect_name = true;
        }
    }
    return s;
}

}  // namespace voip_app
