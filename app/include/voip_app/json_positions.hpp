// Where in one line of JSON text something is: a syntax error's column, a member name's, a nesting or duplicate break's.
#pragma once
// Diagnostic only: the library's decoder (include/voip/bundle/json/) decides whether a line
// is good and which rule it breaks, and reports no position (it is built to be fast and
// allocation-free). Once a line is known to be bad, these second looks find *where*, so
// the message can say "line 2, column 19". Columns count bytes from 1.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace voip_app {

// The column at which nlohmann::json's parser stops on `text` (a syntax error or bad
// UTF-8), or none when it accepts the text (the two parsers differ on a few texts,
// docs/json-and-cli.md: the message then has no column).
[[nodiscard]] std::optional<std::size_t> syntax_error_column(std::string_view text);

// One walk over a text that is JSON up to its first break (`max_depth` nesting, a member
// name given twice in an object, names compared after unescaping).
struct Structure {
    std::optional<std::size_t> too_deep_column;    // the bracket opening level max_depth + 1
    std::optional<std::size_t> duplicate_column;   // the second copy of a name
    std::string duplicate_name;                    // unescaped
    std::map<std::string, std::size_t> top_names;  // the top-level object's names, first column each
};
[[nodiscard]] Structure json_structure(std::string_view text, std::size_t max_depth);

}  // namespace voip_app
