// Edit distances (optimal string alignment, whole-word and infix) and the closest name, for usage messages.
#include "edit_distance.hpp"

#include <algorithm>
#include <tuple>

namespace voip_cli {

namespace {

// The distance table of `word` against `name`; `infix` lets the match start and end
// anywhere in `name` (the first row costs nothing, the answer is the last row's least).
std::size_t osa(std::string_view word, std::string_view name, bool infix) {
    const std::size_t m = word.size();
    const std::size_t n = name.size();
    std::vector<std::vector<std::size_t>> d(m + 1, std::vector<std::size_t>(n + 1, 0));
    for (std::size_t i = 0; i <= m; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= n; ++j) d[0][j] = infix ? 0 : j;
    for (std::size_t i = 1; i <= m; ++i) {
        for (std::size_t j = 1; j <= n; ++j) {
            const std::size_t replace = word[i - 1] == name[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + replace});
            if (i > 1 && j > 1 && word[i - 1] == name[j - 2] && word[i - 2] == name[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    if (!infix) return d[m][n];
    return *std::min_element(d[m].begin(), d[m].end());
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) { return osa(a, b, false); }

std::size_t infix_distance(std::string_view word, std::string_view name) { return osa(word, name, true); }

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::tuple<std::size_t, std::size_t> best_score{};
    for (const std::string& c : candidates) {
        const std::tuple<std::size_t, std::size_t> score{infix_distance(word, c), edit_distance(word, c)};
        if (!best || score < best_score) {
            best = c;
            best_score = score;
        }
    }
    if (best && std::get<0>(best_score) > std::max<std::size_t>(1, word.size() / 2)) return std::nullopt;
    return best;
}

}  // namespace voip_cli
