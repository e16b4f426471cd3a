// The command line checked word by word against the CLI11 registry: unknown commands, quote operations and options, with suggestions.
#include "usage_check.hpp"

#include <cstddef>

#include "edit_distance.hpp"

namespace voip_cli {

namespace {

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

std::string joined(const std::vector<std::string>& words, const char* separator) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
    return out;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates, const char* dashes = "") {
    const auto best = closest(word, candidates);
    return best ? " (did you mean '" + std::string(dashes) + *best + "'?)" : "";
}

std::vector<std::string> names_of(const std::vector<const CLI::App*>& apps) {
    std::vector<std::string> out;
    for (const CLI::App* a : apps) out.push_back(a->get_name());
    return out;
}

const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
    for (const CLI::App* s : subcommands_of(app))
        if (s->get_name() == name) return s;
    return nullptr;
}

// The option `word` (with its dashes, any "=value" removed) names on `app`, or none.
const CLI::Option* find_option(const CLI::App& app, const std::string& word) {
    const bool is_long = word.size() > 2 && word[0] == '-' && word[1] == '-';
    const std::string bare = word.substr(is_long ? 2 : 1);
    for (const CLI::Option* o : app.get_options()) {
        for (const std::string& n : is_long ? o->get_lnames() : o->get_snames())
            if (n == bare) return o;
    }
    return nullptr;
}

std::string unknown_option(const CLI::App& app, const std::string& where, const std::string& word) {
    std::vector<std::string> bare;  // long names without dashes: the distance is about the word
    std::vector<std::string> shown;
    for (const CLI::Option* o : app.get_options()) {
        for (const std::string& n : o->get_lnames()) {
            bare.push_back(n);
            shown.push_back("--" + n);
        }
    }
    const std::size_t skip = word.rfind("--", 0) == 0 ? 2 : 1;
    return "unknown option '" + word + "' for " + where + suggestion(word.substr(skip), bare, "--") +
           "; options: " + joined(shown, ", ");
}

bool is_option_word(const std::string& w) { return w.size() > 1 && w[0] == '-'; }

}  // namespace

std::optional<std::string> check_command_line(const CLI::App& app, const std::vector<std::string>& args) {
    const std::vector<std::string> commands = names_of(subcommands_of(app));
    std::size_t i = 0;
    for (; i < args.size() && is_option_word(args[i]); ++i) {
        const std::string word = args[i].substr(0, args[i].find('='));
        if (word == "--") break;
        if (find_option(app, word) == nullptr) return unknown_option(app, "voip-bundle", word);
        return std::nullopt;  // --help, --version: CLI11's
    }
    if (i == args.size()) return "no command given; commands: " + joined(commands, "|") + " (voip-bundle --help)";
    const CLI::App* command = find_subcommand(app, args[i]);
    if (command == nullptr)
        return "unknown command '" + args[i] + "'" + suggestion(args[i], commands) + "; commands: " + joined(commands, "|");
    std::string where = args[i];
    ++i;
    if (!subcommands_of(*command).empty()) {  // quote: its operation comes first
        const std::vector<std::string> operations = names_of(subcommands_of(*command));
        for (; i < args.size() && is_option_word(args[i]); ++i) {
            const std::string word = args[i].substr(0, args[i].find('='));
            if (find_option(*command, word) == nullptr) return unknown_option(*command, where, word);
            return std::nullopt;  // quote --help
        }
        if (i == args.size()) return where + " needs an operation: " + joined(operations, "|");
        const CLI::App* operation = find_subcommand(*command, args[i]);
        if (operation == nullptr)
            return "'" + args[i] + "' is not a " + where + " subcommand" + suggestion(args[i], operations) + "; " + where +
                   " takes " + joined(operations, "|");
        where += " " + args[i];
        command = operation;
        ++i;
    }
    for (; i < args.size(); ++i) {
        if (args[i] == "--") break;  // what follows is positional: CLI11's
        if (!is_option_word(args[i])) continue;
        const std::string word = args[i].substr(0, args[i].find('='));
        const CLI::Option* o = find_option(*command, word);
        if (o == nullptr) return unknown_option(*command, where, word);
        // Its value is the next word, whatever it looks like (--balance -50).
        if (o->get_items_expected_min() > 0 && word.size() == args[i].size()) ++i;
    }
    return std::nullopt;
}

std::vector<std::string> expand_help_command(std::vector<std::string> args) {
    if (args.empty() || args[0] != "help") return args;
    args.erase(args.begin());
    args.emplace_back("--help");
    return args;
}

}  // namespace voip_cli
