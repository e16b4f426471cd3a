// voip-bundle: what would the VoIP Bundle API answer? Reads request bodies and stored
// bundles as JSON, applies the rules of voip/bundle.hpp and prints the envelope.
//
// Contract (issue 3; README "Command line"):
//   voip-bundle create|update|renew --today D [--uuid U] [--store F] [--commit]
//                                   [--prices F] [--balance N] [--pretty] [--explain]
//   voip-bundle quote create|update|renew ...   (the same, never committing, no funds check)
//   voip-bundle status --today D --uuid U --store F [--pretty]
//   voip-bundle sweep --today D --store F [--check-duplicates]
//   voip-bundle demo
// The body, where the operation takes one, is read from standard input. Exit 0 whenever
// an envelope was printed (4xx included); exit 2 with one line on standard error for usage
// errors, unreadable or corrupt files and a standard output that cannot be written. A
// store is only ever replaced atomically, and only after a successful create, update or
// renew with --commit, under an exclusive lock on <store>.lock (docs/json-and-cli.md).
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "demo.hpp"
#include "files.hpp"
#include "json_out.hpp"

namespace {

using voip_cli::Failure;

constexpr int exit_usage = 2;

// The options the subcommands share; each subcommand registers the ones it takes.
struct Options {
    std::string today;
    std::string uuid;
    std::string store;
    std::string prices;
    std::string balance;
    std::string month_end = "clamp";
    bool pretty = false;
    bool explain = false;
    bool commit = false;
    std::vector<CLI::Option*> path_options;  // --store, --prices, --balance: given means not empty
};

// ---------------------------------------------------------------------------------------
// Inputs

voip::Context make_context(const Options& o) {
    voip::Context c;
    const auto today = voip::parse_iso_date(o.today);
    if (!today) throw Failure{"--today " + o.today + ": " + std::string(voip::name(today.error())) + " (want YYYY-MM-DD)"};
    c.today = *today;
    if (o.month_end == "clamp") c.policy.month_end = voip::MonthEnd::clamp;
    else if (o.month_end == "overflow") c.policy.month_end = voip::MonthEnd::overflow;
    else throw Failure{"--month-end " + o.month_end + ": want clamp or overflow"};
    if (!o.prices.empty()) {
        std::string text;
        switch (voip_cli::read_small_file(o.prices, voip::max_body_size, text)) {
            case voip_cli::ReadResult::ok: break;
            case voip_cli::ReadResult::too_large: throw Failure{"--prices " + o.prices + ": body_too_large"};
            default: throw Failure{"--prices " + o.prices + ": cannot read: " + voip_cli::errno_text()};
        }
        const auto p = voip::decode_prices(text);
        if (!p) throw Failure{"--prices " + o.prices + ": " + std::string(voip::name(p.error())) +
                              R"( (want {"1": N, ..., "5": N}, integers in minor units))"};
        c.prices = *p;
    }
    if (!o.balance.empty()) {
        // Strictly -?[0-9]+ within +-max_amount: a balance is money, never a float.
        const std::string& b = o.balance;
        const std::size_t digits_from = b[0] == '-' ? 1 : 0;
        bool ok = b.size() > digits_from && b.size() - digits_from <= 16;
        std::int64_t v = 0;
        for (std::size_t i = digits_from; ok && i < b.size(); ++i) {
            ok = b[i] >= '0' && b[i] <= '9';
            v = v * 10 + (b[i] - '0');
        }
        if (!ok || v > voip::max_amount.minor)
            throw Failure{"--balance " + b + ": want an integer in minor units, at most 10^15"};
        c.balance = voip::Money{digits_from ? -v : v};
    }
    if (!voip::ok(c)) throw Failure{"invalid policy"};
    return c;
}

std::string error_text(voip::Error e) { return std::string(voip::name(e)); }

// ---------------------------------------------------------------------------------------
// Stores

// What one pass over a store found.
struct StoreScan {
    bool exists = false;
    std::uint64_t lines = 0;            // every line, blank ones included
    std::optional<voip::Bundle> found;  // the bundle with the wanted uuid
    std::uint64_t found_line = 0;       // its 0-based line
};

[[noreturn]] void corrupt(const std::string& path, std::uint64_t line, const std::string& why) {
    throw Failure{"store " + path + " line " + std::to_string(line + 1) + ": " + why};
}

// Validates every line of the store and finds `wanted`. A store that may not exist yet
// (create --commit) scans as empty. The uuid acted on must appear at most once. Blank
// lines are skipped (and kept by a rewrite); line numbers in messages count them.
// `shown` is the path as the user gave it, for messages (`path` may be a link's target).
StoreScan scan_store(const std::string& path, const std::string& shown, const std::optional<voip::Uuid>& wanted,
                     bool may_be_missing) {
    StoreScan s;
    voip_cli::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) {
        if (may_be_missing && errno == ENOENT) return s;
        throw Failure{"store " + shown + ": cannot open: " + voip_cli::errno_text()};
    }
    s.exists = true;
    voip_cli::LineReader reader(fd.get());
    std::string_view line;
    for (;;) {
        switch (reader.next(line)) {
            case voip_cli::LineReader::Next::line: break;
            case voip_cli::LineReader::Next::end: return s;
            case voip_cli::LineReader::Next::too_long: corrupt(shown, s.lines, "body_too_large");
            case voip_cli::LineReader::Next::io_error: throw Failure{"store " + shown + ": read error: " + voip_cli::errno_text()};
        }
        if (voip_cli::is_blank_line(line)) {
            ++s.lines;
            continue;
        }
        const auto b = voip::decode_bundle(line);
        if (!b) corrupt(shown, s.lines, error_text(b.error()));
        if (wanted && b->uuid == *wanted) {
            if (s.found) corrupt(shown, s.lines, "uuid " + voip::to_string(*wanted) + " appears twice");
            s.found = *b;
            s.found_line = s.lines;
        }
        ++s.lines;
    }
}

// Rewrites the store with `line` replacing line `replace` (or appended when replace is
// none), atomically. The caller holds the store's lock, so the store read here is the one
// scanned; a difference means a writer that does not take the lock.
void commit_store(const std::string& path, const StoreScan& scan, std::optional<std::uint64_t> replace,
                  const voip::Bundle& b) {
    const std::string encoded = voip::encode_bundle(b) + "\n";
    voip_cli::replace_file_atomically(path, [&](int out_fd) {
        voip_cli::Output out(out_fd);
        if (scan.exists) {
            voip_cli::Fd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!in.ok()) throw Failure{"store " + path + ": cannot reopen to commit: " + voip_cli::errno_text()};
            voip_cli::LineReader reader(in.get());
            std::string_view line;
            std::uint64_t n = 0;
            for (;;) {
                const auto next = reader.next(line);
                if (next == voip_cli::LineReader::Next::end) break;
                if (next == voip_cli::LineReader::Next::io_error)
                    throw Failure{"store " + path + ": read error while committing: " + voip_cli::errno_text()};
                if (next != voip_cli::LineReader::Next::line)
                    throw Failure{"store " + path + ": changed while being committed (a writer without " + path + ".lock?)"};
                if (replace && n == *replace) {
                    out.put(encoded);
                } else {
                    out.put(line);
                    out.put("\n");
                }
                ++n;
            }
            if (n != scan.lines)
                throw Failure{"store " + path + ": changed while being committed (a writer without " + path + ".lock?)"};
        }
        if (!replace) out.put(encoded);
        if (!out.flush()) {
            errno = out.error();  // the write's own reason, for the message
            return false;
        }
        return true;
    });
}

// ---------------------------------------------------------------------------------------
// Answers

// Standard output that cannot take the answer (a full disk, a closed pipe) is a failure:
// a script must not read exit 0 as "here is the envelope". `after` says what had already
// happened (a commit) so the one line tells the whole story.
void write_stdout(std::string_view text, const char* after = "") {
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    const int e = errno;
    if (!written || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        std::clearerr(stdout);
        throw Failure{"cannot write standard output: " + voip_cli::errno_text(written ? errno : e) + after};
    }
}

void print(const std::string& text, const char* after = "") { write_stdout(text + "\n", after); }

std::string envelope_text(const voip::Envelope& e, bool pretty) {
    return voip::to_string(e, voip::WriteOptions{pretty, false});
}

void explain(bool wanted, const voip::Result& r) {
    if (wanted && !r) std::cerr << voip::name(r.error()) << '\n';
}

void add_bundle_members(voip_cli::JsonOut& j, const voip::Bundle& b) {
    j.boolean("auto_renew", b.auto_renew)
        .integer("bundle_type", voip::code(b.bundle_type))
        .date("expires_on", b.expires_on)
        .string("uuid", voip::to_string(b.uuid))
        .date("created_on", b.created_on);
}

std::string quote_text(voip::Operation op, const voip::Result& r, const voip::Context& c, bool pretty) {
    const voip::Envelope e = voip::make_envelope(op, r);
    if (!r) return envelope_text(e, pretty);
    voip_cli::JsonOut j(pretty);
    j.open_object().open_object("result");
    add_bundle_members(j, r->bundle);
    j.integer("charge", r->charge.minor);
    if (c.balance) {
        j.integer("balance", c.balance->minor);
        j.boolean("affordable", !c.prices || r->charge <= *c.balance);
    }
    j.close_object()
        .integer("status_code", voip::code(e.status))
        .string("status_message", voip::status_message(e.status))
        .close_object();
    return j.text();
}

// ---------------------------------------------------------------------------------------
// Commands

int run_operation(voip::Operation op, const Options& o, bool quote) {
    voip::Context ctx = make_context(o);
    if (o.commit && o.store.empty()) throw Failure{"--commit needs --store"};
    if (op != voip::Operation::create) {
        if (o.uuid.empty()) throw Failure{"--uuid is required for update and renew"};
        // Without a store there is nowhere to look the bundle up: a 404 would be a guess.
        if (o.store.empty()) throw Failure{"--store is required for update and renew (the bundle is looked up there)"};
    }
    const bool has_body = op != voip::Operation::renew;
    std::string body;
    // A person at a terminal would otherwise wait on a prompt that never comes.
    if (has_body && ::isatty(0) != 0)
        throw Failure{"the request body is read from standard input: echo '{\"bundle_type\": 1}' | voip-bundle ..."};
    if (has_body && !voip_cli::read_stdin(voip::max_body_size, body))
        throw Failure{"cannot read the request body from standard input: " + voip_cli::errno_text()};

    // The uuid acted on: given (update, renew; create may choose it) or new (create).
    std::optional<voip::Uuid> wanted;
    if (op == voip::Operation::create) {
        if (!o.uuid.empty()) {
            const auto u = voip::parse_uuid(o.uuid);
            if (!u) throw Failure{"--uuid " + o.uuid + ": malformed_uuid (want 8-4-4-4-12 hex digits)"};
            wanted = *u;
        } else {
            std::random_device rd;  // a proper random source for real identifiers
            wanted = voip::make_uuid_v4(rd);
        }
    } else {
        if (const auto u = voip::parse_uuid(o.uuid)) wanted = *u;  // malformed: a 400 envelope, below
    }

    // A commit works on the file the path really names (a symbolic link stays a link) and
    // holds the store's lock from the scan to the rename, so concurrent commits serialise
    // and none is lost. Readers take no lock: a store only ever changes by rename, so a
    // reader sees the old file or the new one, whole.
    const bool committing = o.commit && !quote;
    const std::string store = committing ? voip_cli::resolve_store_path(o.store) : o.store;
    std::optional<voip_cli::StoreLock> lock;
    if (committing) lock.emplace(store);
    StoreScan scan;
    if (!store.empty()) scan = scan_store(store, o.store, wanted, op == voip::Operation::create && committing);
    if (op == voip::Operation::create && scan.found) {
        if (!o.uuid.empty()) throw Failure{"--uuid " + o.uuid + ": already in store " + o.store};
        throw Failure{"the random uuid is already in the store: run again"};  // 2^-122: practically never
    }

    voip::Context decide = ctx;
    if (quote) decide.balance.reset();  // a quote shows the cost; it does not check funds
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* {
        return scan.found && scan.found->uuid == u ? &*scan.found : nullptr;
    };
    voip::Result r = voip::Result(tl::unexpect, voip::Error::invalid_json);
    switch (op) {
        case voip::Operation::create: r = voip::handle_create(voip::decode_request(body), *wanted, decide); break;
        case voip::Operation::update: r = voip::handle_update(o.uuid, voip::decode_request(body), find, decide); break;
        case voip::Operation::renew: r = voip::handle_renew(o.uuid, find, decide); break;
    }

    if (quote) {
        print(quote_text(op, r, ctx, o.pretty));
    } else {
        if (r && o.commit) {
            std::optional<std::uint64_t> replace;
            if (op != voip::Operation::create) replace = scan.found_line;
            commit_store(store, scan, replace, r->bundle);
            lock.reset();  // the new store is in place: let the next committer in
            print(envelope_text(voip::make_envelope(op, r), o.pretty), " (the store was changed: the commit was made)");
        } else {
            print(envelope_text(voip::make_envelope(op, r), o.pretty));
        }
    }
    explain(o.explain, r);
    return 0;
}

int run_status(const Options& o) {
    const voip::Context ctx = make_context(o);
    const auto uuid = voip::parse_uuid(o.uuid);
    const StoreScan scan = scan_store(o.store, o.store, uuid ? std::optional<voip::Uuid>(*uuid) : std::nullopt, false);
    if (!uuid || !scan.found) {
        const voip::Error e = uuid ? voip::Error::unknown_bundle : voip::Error::malformed_uuid;
        print(envelope_text(voip::error_envelope(e), o.pretty));
        if (o.explain) std::cerr << voip::name(e) << '\n';
        return 0;
    }
    const voip::Bundle& b = *scan.found;
    const voip::State state = voip::state_on(b, ctx.today, ctx.policy);
    const voip::RenewalWindow window = voip::renewal_window(b, ctx.policy);
    voip_cli::JsonOut j(o.pretty);
    j.open_object().open_object("result");
    add_bundle_members(j, b);
    j.string("state", voip::name(state))
        .boolean("in_service", voip::in_service(state))
        .boolean("renewable", voip::renewable(state));
    j.open_object("renewal_window").date("first", window.first).date("last", window.last).close_object();
    if (const auto next = voip::next_expiry(b, ctx.policy)) j.date("next_expiry", *next);
    j.open_array("features");
    const voip::FeatureSet features = voip::features_on(b, ctx.today, ctx.policy);
    for (std::size_t i = 0; i < voip::feature_count; ++i)
        if (features.has(static_cast<voip::Feature>(i))) j.string("", voip::name(static_cast<voip::Feature>(i)));
    j.close_array().close_object().integer("status_code", 200).string("status_message", "OK").close_object();
    print(j.text());
    return 0;
}

// The 16 bytes of a uuid as a hash key.
struct UuidHash {
    std::size_t operator()(const voip::Uuid& u) const noexcept {
        return std::hash<std::string_view>{}(
            std::string_view(reinterpret_cast<const char*>(u.bytes.data()), u.bytes.size()));
    }
};

// Streams the store: constant memory whatever its size, so it does not see duplicate
// uuids (each copy is reported as it comes). --check-duplicates remembers every uuid
// (memory grows with the store) and stops at the second copy. A corrupt line or a
// duplicate stops the sweep with exit 2 (the lines already printed stand; no summary).
int run_sweep(const Options& o, bool check_duplicates) {
    const voip::Context ctx = make_context(o);
    voip_cli::Fd fd(::open(o.store.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) throw Failure{"store " + o.store + ": cannot open: " + voip_cli::errno_text()};
    struct stat st {};
    const std::uint64_t size = ::fstat(fd.get(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    // A progress bar only for a person watching a long sweep.
    const bool progress = ::isatty(2) != 0 && size >= (std::uint64_t{64} << 20);
    int shown_percent = -1;

    voip_cli::LineReader reader(fd.get());
    voip_cli::Output out(1);
    voip::SweepTotals totals;
    std::unordered_set<voip::Uuid, UuidHash> seen;
    std::uint64_t n = 0;          // bundles
    std::uint64_t line_no = 0;    // lines, blank ones included (for messages)
    std::string_view line;
    char buf[256];
    for (;;) {
        const auto next = reader.next(line);
        if (next == voip_cli::LineReader::Next::end) break;
        if (next == voip_cli::LineReader::Next::too_long) {
            out.flush();
            corrupt(o.store, line_no, "body_too_large");
        }
        if (next == voip_cli::LineReader::Next::io_error) {
            const std::string reason = voip_cli::errno_text();
            out.flush();
            throw Failure{"store " + o.store + ": read error: " + reason};
        }
        ++line_no;
        if (voip_cli::is_blank_line(line)) continue;
        const auto b = voip::decode_bundle(line);
        if (!b) {
            out.flush();
            corrupt(o.store, line_no - 1, error_text(b.error()));
        }
        if (check_duplicates && !seen.insert(b->uuid).second) {
            out.flush();
            corrupt(o.store, line_no - 1, "uuid " + voip::to_string(b->uuid) + " appears twice");
        }
        ++n;
        const voip::SweepAction a = voip::sweep_action(*b, ctx.today, ctx.policy);
        totals.add(a);
        if (a != voip::SweepAction::none) {
            // {"uuid":"...","action":"renew","expires_on":"...","auto_renew":true,"bundle_type":1}
            char* p = buf;
            const auto put = [&p](std::string_view s) {
                std::memcpy(p, s.data(), s.size());
                p += s.size();
            };
            put(R"({"uuid":")");
            p = voip::write_uuid(p, b->uuid);
            put(R"(","action":")");
            put(voip::name(a));
            put(R"(","expires_on":")");
            p = voip::write_iso_date(p, b->expires_on);
            put(b->auto_renew ? R"(","auto_renew":true,"bundle_type":)" : R"(","auto_renew":false,"bundle_type":)");
            *p++ = static_cast<char>('0' + voip::code(b->bundle_type));
            put("}\n");
            out.put(std::string_view(buf, static_cast<std::size_t>(p - buf)));
            if (out.failed()) throw Failure{"cannot write standard output: " + voip_cli::errno_text(out.error())};
        }
        if (progress && (n & 0xFFFF) == 0) {
            const int percent = static_cast<int>(reader.consumed() * 100 / size);
            if (percent != shown_percent) {
                shown_percent = percent;
                std::fprintf(stderr, "\rsweep: %3d%% (%llu bundles)", percent, static_cast<unsigned long long>(n));
            }
        }
    }
    if (progress) std::fprintf(stderr, "\rsweep: 100%% (%llu bundles)\n", static_cast<unsigned long long>(n));
    voip_cli::JsonOut j(false);
    j.open_object()
        .open_object("summary")
        .date("today", ctx.today)
        .integer("bundles", static_cast<std::int64_t>(totals.total()))
        .integer("none", static_cast<std::int64_t>(totals.none))
        .integer("renew", static_cast<std::int64_t>(totals.renew))
        .integer("lapsed", static_cast<std::int64_t>(totals.lapsed))
        .close_object()
        .close_object();
    out.put(j.text());
    out.put("\n");
    if (!out.flush()) throw Failure{"cannot write standard output: " + voip_cli::errno_text(out.error())};
    return 0;
}

int run_demo() {
    std::string text;
    const int failures = voip_cli::run_demo(text);
    write_stdout(text);
    return failures == 0 ? 0 : 1;
}

// One line, whatever CLI11 or a Failure says.
void usage_error(const std::string& message) {
    std::string line = message;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cerr << "voip-bundle: " << line << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"voip-bundle: what the VoIP Bundle API would answer, from JSON, without a server or a charge"};
    app.set_version_flag("--version", std::string(VOIP_BUNDLE_CLI_VERSION));
    app.require_subcommand(1);
    Options o;

    const auto add_today = [&o](CLI::App* s) {
        s->add_option("--today", o.today, "the day of the request, YYYY-MM-DD (the rules never read a clock)")
            ->required();
    };
    const auto add_month_end = [&o](CLI::App* s) {
        s->add_option("--month-end", o.month_end, "clamp (default) or overflow (PHP's +1 month)");
    };
    const auto add_operation_options = [&](CLI::App* s, bool quote) {
        add_today(s);
        s->add_option("--uuid", o.uuid, "the bundle (update, renew); the new bundle's uuid (create; default random)");
        o.path_options.push_back(s->add_option("--store", o.store, "JSON-lines file of stored bundles"));
        if (!quote) s->add_flag("--commit", o.commit, "write the new state back to --store, atomically");
        o.path_options.push_back(
            s->add_option("--prices", o.prices, R"(price list file {"1": 1500, ...} in minor units per term)"));
        o.path_options.push_back(s->add_option("--balance", o.balance, "the customer's balance in minor units"));
        s->add_flag("--pretty", o.pretty, "the seed's layout instead of one line");
        s->add_flag("--explain", o.explain, "print the failed rule's name on standard error");
        add_month_end(s);
    };

    std::vector<std::pair<CLI::App*, voip::Operation>> operations;
    std::vector<std::pair<CLI::App*, voip::Operation>> quotes;
    const std::pair<const char*, voip::Operation> names[] = {
        {"create", voip::Operation::create}, {"update", voip::Operation::update}, {"renew", voip::Operation::renew}};
    for (const auto& [n, op] : names) {
        CLI::App* s = app.add_subcommand(n, std::string(n) + (op == voip::Operation::renew
                                                                   ? " a bundle"
                                                                   : " a bundle; the request body on standard input"));
        add_operation_options(s, false);
        operations.emplace_back(s, op);
    }
    CLI::App* quote = app.add_subcommand("quote", "what an operation would charge and the new dates; commits nothing");
    quote->require_subcommand(1);
    for (const auto& [n, op] : names) {
        CLI::App* s = quote->add_subcommand(n, std::string("quote ") + n);
        add_operation_options(s, true);
        quotes.emplace_back(s, op);
    }
    CLI::App* status = app.add_subcommand("status", "state, renewal window, next expiry and features of a bundle");
    add_today(status);
    status->add_option("--uuid", o.uuid, "the bundle")->required();
    status->add_option("--store", o.store, "JSON-lines file of stored bundles")->required();
    status->add_flag("--pretty", o.pretty, "the seed's layout instead of one line");
    status->add_flag("--explain", o.explain, "print the failed rule's name on standard error");
    add_month_end(status);
    CLI::App* sweep = app.add_subcommand("sweep", "the daily auto-renew sweep: one line per bundle needing action, then a summary");
    add_today(sweep);
    sweep->add_option("--store", o.store, "JSON-lines file of stored bundles")->required();
    bool check_duplicates = false;
    sweep->add_flag("--check-duplicates", check_duplicates,
                    "stop with exit 2 at a uuid seen before (remembers every uuid: memory grows with the store)");
    add_month_end(sweep);
    CLI::App* demo = app.add_subcommand("demo", "replay every example of the seed page and print each envelope");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --help, --version
    } catch (const CLI::ParseError& e) {
        usage_error(e.what());
        return exit_usage;
    }

    try {
        for (const CLI::Option* opt : o.path_options)
            if (opt->count() > 0 && opt->as<std::string>().empty()) throw Failure{opt->get_name() + " must not be empty"};
        for (const auto& [s, op] : operations)
            if (s->parsed()) return run_operation(op, o, false);
        for (const auto& [s, op] : quotes)
            if (s->parsed()) return run_operation(op, o, true);
        if (status->parsed()) return run_status(o);
        if (sweep->parsed()) return run_sweep(o, check_duplicates);
        if (demo->parsed()) return run_demo();
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
