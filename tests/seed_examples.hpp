#pragma once
// The seed page's JSON examples, kept verbatim in tests/data/seed/.
#include <fstream>
#include <sstream>
#include <string>

namespace voip_test {

inline std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(VOIP_BUNDLE_SEED_DIR) + "/seed/" + name + ".json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The text without whitespace outside strings.
inline std::string squeeze(const std::string& text) {
    std::string out;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < text.size()) out += text[++i];
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out += c;
        }
    }
    return out;
}

// Each line with its leading spaces removed: the seed page lost its indentation.
inline std::string unindent(const std::string& text) {
    std::string out;
    bool at_line_start = true;
    for (const char c : text) {
        if (at_line_start && c == ' ') continue;
        at_line_start = c == '\n';
        out += c;
    }
    return out;
}

}  // namespace voip_test
