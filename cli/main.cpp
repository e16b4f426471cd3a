// voip-bundle's command line: the CLI11 wiring of subcommands and options, main(), usage errors.
//
// voip-bundle: what would the VoIP Bundle API answer? Reads request bodies and stored
// bundles as JSON, applies the rules of voip/bundle.hpp and prints the envelope.
//
// Contract (README "Command line"):
//   voip-bundle create|update|renew [--today D | --zone Z] [--uuid U] [--store F] [--commit]
//                                   [--prices F] [--balance N] [--pretty] [--explain]
//   voip-bundle quote create|update|renew ...   (the same, never committing, no funds check)
//   voip-bundle status [--today D | --zone Z] --uuid U --store F [--pretty]
//   voip-bundle sweep [--today D | --zone Z] --store F [--check-duplicates]
//   voip-bundle demo
//   voip-bundle serve [--listen H:P] [--db F] [--config F] [--today D] [--threads N]
//                     [--timeout-ms N] [--credentials-file F]
//                                               (the sandbox server, when built with it)
//   voip-bundle help [command ...]              (the same as --help)
// Without --today the day is today in --zone (default UTC; VOIP_BUNDLE_NOW pins the clock
// for tests). Unknown commands and options are named with the closest valid one.
// The body, where the operation takes one, is read from standard input. Exit 0 whenever
// an envelope was printed (4xx included); exit 2 with one line on standard error for usage
// errors, unreadable or corrupt files and a standard output that cannot be written. A
// store is only ever replaced atomically, and only after a successful create, update or
// renew with --commit, under an exclusive lock on <store>.lock (docs/json-and-cli.md).
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <voip/bundle.hpp>

#include "commands.hpp"
#include "failure.hpp"
#include "options.hpp"
#include "usage_check.hpp"
#ifdef VOIP_BUNDLE_SERVE
#include <voip_app/serve.hpp>
#endif

namespace {

using voip_cli::Failure;
using voip_cli::Options;

constexpr int exit_usage = 2;

// One line, whatever CLI11 or a Failure says.
void usage_error(const std::string& message) {
    std::string line = message;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cerr << "voip-bundle: " << line << '\n';
}

// The subcommands as registered, to tell after parsing which one was given, and the
// options only one of them takes. CLI11 holds pointers into it: it stays where made.
struct Commands {
    std::vector<CLI::Option*> path_options;  // --store, --prices, --balance: given means not empty
    std::vector<std::pair<CLI::App*, voip::Operation>> operations;
    std::vector<std::pair<CLI::App*, voip::Operation>> quotes;
    CLI::App* status = nullptr;
    CLI::App* sweep = nullptr;
    bool check_duplicates = false;
    CLI::App* demo = nullptr;
#ifdef VOIP_BUNDLE_SERVE
    voip_app::ServeOptions serve_options;
    CLI::App* serve = nullptr;
#endif
};

void add_today(CLI::App* s, Options& o) {
    CLI::Option* today = s->add_option("--today", o.today, "the day of the request, YYYY-MM-DD (default: today in --zone)");
    s->add_option("--zone", o.zone, "the IANA time zone whose date is today when --today is not given (default UTC)")
        ->excludes(today);
}

void add_month_end(CLI::App* s, Options& o) {
    s->add_option("--month-end", o.month_end, "clamp or overflow (PHP's +1 month); default: the store's header, else clamp");
}

void add_operation_options(CLI::App* s, bool quote, Options& o, Commands& c) {
    add_today(s, o);
    s->add_option("--uuid", o.uuid, "the bundle (update, renew); the new bundle's uuid (create; default random)");
    c.path_options.push_back(s->add_option("--store", o.store, "JSON-lines file of stored bundles"));
    if (!quote) s->add_flag("--commit", o.commit, "write the new state back to --store, atomically");
    c.path_options.push_back(
        s->add_option("--prices", o.prices, R"(price list file {"1": 1500, ...} in minor units per term)"));
    c.path_options.push_back(s->add_option("--balance", o.balance, "the customer's balance in minor units"));
    s->add_flag("--pretty", o.pretty, "the seed's layout instead of one line");
    s->add_flag("--explain", o.explain, "print the failed rule's name on standard error");
    add_month_end(s, o);
}

// create, update and renew, then quote with the same three.
void add_operations(CLI::App& app, Options& o, Commands& c) {
    const std::pair<const char*, voip::Operation> names[] = {
        {"create", voip::Operation::create}, {"update", voip::Operation::update}, {"renew", voip::Operation::renew}};
    for (const auto& [n, op] : names) {
        CLI::App* s = app.add_subcommand(n, std::string(n) + (op == voip::Operation::renew
                                                                   ? " a bundle"
                                                                   : " a bundle; the request body on standard input"));
        add_operation_options(s, false, o, c);
        c.operations.emplace_back(s, op);
    }
    CLI::App* quote = app.add_subcommand("quote", "what an operation would charge and the new dates; commits nothing");
    quote->require_subcommand(1);
    for (const auto& [n, op] : names) {
        CLI::App* s = quote->add_subcommand(n, std::string("quote ") + n);
        add_operation_options(s, true, o, c);
        c.quotes.emplace_back(s, op);
    }
}

void add_status_and_sweep(CLI::App& app, Options& o, Commands& c) {
    c.status = app.add_subcommand("status", "state, renewal window, next expiry and features of a bundle");
    add_today(c.status, o);
    c.status->add_option("--uuid", o.uuid, "the bundle")->required();
    c.status->add_option("--store", o.store, "JSON-lines file of stored bundles")->required();
    c.status->add_flag("--pretty", o.pretty, "the seed's layout instead of one line");
    c.status->add_flag("--explain", o.explain, "print the failed rule's name on standard error");
    add_month_end(c.status, o);
    c.sweep = app.add_subcommand("sweep", "the daily auto-renew sweep: one line per bundle needing action, then a summary");
    add_today(c.sweep, o);
    c.sweep->add_option("--store", o.store, "JSON-lines file of stored bundles")->required();
    c.sweep->add_flag("--check-duplicates", c.check_duplicates,
                      "stop with exit 2 at a uuid seen before (remembers every uuid: memory grows with the store)");
    add_month_end(c.sweep, o);
}

#ifdef VOIP_BUNDLE_SERVE
void add_serve(CLI::App& app, Commands& c) {
    voip_app::ServeOptions& so = c.serve_options;
    c.serve = app.add_subcommand("serve", "the sandbox: the API on localhost, stateful, with a clock tests can move");
    c.serve->add_option("--listen", so.listen, "HOST:PORT to listen on (port 0: any free port, printed)")
        ->capture_default_str();
    c.serve->add_option("--db", so.db,
                        "SQLite database file, or :memory: (default: $XDG_STATE_HOME/voip-bundle/sandbox.db, "
                        "else ~/.local/state/voip-bundle/sandbox.db)");
    c.serve->add_option("--config", so.config, "accounts, customers, balances, prices and policy (JSON)");
    c.serve->add_option("--today", so.today, "the first day of a new account's clock (default: today, UTC)");
    c.serve->add_option("--threads", so.threads, "connections open at once (past them: 503), and threads serving them at most")->capture_default_str();
    c.serve->add_option("--timeout-ms", so.timeout_ms, "cut a connection idle, or a read or write stalled, this long (100..60000)")
        ->capture_default_str();
    c.serve->add_option("--credentials-file", so.credentials_file,
                        "once listening, write {reseller, user, password, url} of the first account here (JSON, mode 0600)");
}
#endif

// The exit code when parsing settles it (a usage error, --help, --version); none: run the command.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
    // `help [command]` is --help; then every word is checked before CLI11 parses, so an
    // unknown one is named (with the closest valid one) ahead of any missing option.
    std::vector<std::string> args = voip_cli::expand_help_command(std::vector<std::string>(argv + 1, argv + argc));
    if (const auto wrong = voip_cli::check_command_line(app, args)) {
        usage_error(*wrong);
        return exit_usage;
    }
    try {
        std::reverse(args.begin(), args.end());  // CLI11 takes a vector last word first
        app.parse(args);
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --help, --version
    } catch (const CLI::ParseError& e) {
        usage_error(e.what());
        return exit_usage;
    }
    return std::nullopt;
}

// The command given, run; a Failure or an exception is one line on standard error and exit 2.
int run_command(const Commands& c, const Options& o) {
    try {
        for (const CLI::Option* opt : c.path_options)
            if (opt->count() > 0 && opt->as<std::string>().empty()) throw Failure{opt->get_name() + " must not be empty"};
        for (const auto& [s, op] : c.operations)
            if (s->parsed()) return voip_cli::run_operation(op, o, false);
        for (const auto& [s, op] : c.quotes)
            if (s->parsed()) return voip_cli::run_operation(op, o, true);
        if (c.status->parsed()) return voip_cli::run_status(o);
        if (c.sweep->parsed()) return voip_cli::run_sweep(o, c.check_duplicates);
        if (c.demo->parsed()) return voip_cli::run_demo();
#ifdef VOIP_BUNDLE_SERVE
        if (c.serve->parsed()) return voip_app::serve(c.serve_options);
#endif
    } catch (const Failure& f) {
        std::fflush(stdout);
        usage_error(f.message);
        return exit_usage;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        usage_error(e.what());
        return exit_usage;
    }
    usage_error("no command");
    return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"voip-bundle: what the VoIP Bundle API would answer, from JSON, without a server or a charge",
                 "voip-bundle"};
    app.set_version_flag("--version", std::string(VOIP_BUNDLE_CLI_VERSION));
    app.require_subcommand(1);
    Options o;
    Commands c;
    add_operations(app, o, c);
    add_status_and_sweep(app, o, c);
    c.demo = app.add_subcommand("demo", "replay every example of the seed page and print each envelope");
#ifdef VOIP_BUNDLE_SERVE
    add_serve(app, c);
#endif
    if (const std::optional<int> done = parse_command_line(app, argc, argv)) return *done;
    return run_command(c, o);
}
