// The sweep command of voip-bundle: the daily auto-renew sweep, streamed over a store of any size.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <voip_app/files.hpp>
#include <voip_app/json_out.hpp>
#include <voip_app/lines.hpp>
#include <voip_app/store_line.hpp>

#include "commands.hpp"
#include "failure.hpp"
#include "inputs.hpp"
#include "store.hpp"

namespace voip_cli {

using voip_app::Fd;
using voip_app::JsonOut;
using voip_app::LineReader;
using voip_app::Output;
using voip_app::read_store_line;
using voip_app::StoreHeader;
namespace lines = voip_app::lines;

namespace {

// The 16 bytes of a uuid as a hash key.
struct UuidHash {
    std::size_t operator()(const voip::Uuid& u) const noexcept {
        return std::hash<std::string_view>{}(
            std::string_view(reinterpret_cast<const char*>(u.bytes.data()), u.bytes.size()));
    }
};

// The fixed text of a sweep line, from the tables (lines.hpp), made once per sweep:
// {uuid, action, expires_on, auto_renew, bundle_type}: one JSON object a line.
struct LinePieces {
    std::string before_uuid, before_action, before_expiry, before_type_on, before_type_off;
};

LinePieces line_pieces() {
    using voip::schema::Field;
    const auto quoted = [](std::string_view name) { return "\"" + std::string(name) + "\":"; };
    const std::string type = quoted(lines::bundle_name(lines::sweep_bundle_fields[3]));
    const std::string flag = quoted(lines::bundle_name(lines::sweep_bundle_fields[2]));
    static_assert(lines::sweep_bundle_fields[0] == Field::uuid && lines::sweep_bundle_fields[1] == Field::expires_on &&
                  lines::sweep_bundle_fields[2] == Field::auto_renew && lines::sweep_bundle_fields[3] == Field::bundle_type);
    return {"{" + quoted(lines::bundle_name(lines::sweep_bundle_fields[0])) + "\"",
            "\"," + quoted(lines::sweep_action.name) + "\"",
            "\"," + quoted(lines::bundle_name(lines::sweep_bundle_fields[1])) + "\"",
            "\"," + flag + "true," + type, "\"," + flag + "false," + type};
}

}  // namespace

// Streams the store twice through one buffer: memory stays constant whatever its size.
// The first pass checks every line (and, with --check-duplicates, remembers every uuid:
// memory then grows with the store) and prints nothing, so a bad line anywhere is exit 2
// with no action line printed; the second pass prints. Without --check-duplicates a uuid
// stored twice is reported per copy, as it comes.
int run_sweep(const Options& o, bool check_duplicates) {
    voip::Context ctx = make_context(o);
    Fd fd(::open(o.store.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) throw Failure{"store " + o.store + ": cannot open: " + errno_text()};
    struct stat st {};
    const std::uint64_t size = ::fstat(fd.get(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    // A progress bar only for a person watching a long sweep; it spans both passes.
    const bool progress = ::isatty(2) != 0 && size >= (std::uint64_t{64} << 20);
    int shown_percent = -1;

    Output out(1);
    voip::SweepTotals totals;
    std::unordered_set<voip::Uuid, UuidHash> seen;
    std::optional<voip::MonthEnd> recorded;
    std::uint64_t n = 0;  // bundles, in the printing pass
    char buf[256];
    const LinePieces pieces = line_pieces();
    for (int pass = 0; pass < 2; ++pass) {
        const bool printing = pass == 1;
        // The same open file both times: a commit meanwhile renames a new store in, and
        // this descriptor still reads the old one, whole.
        if (printing && ::lseek(fd.get(), 0, SEEK_SET) != 0)
            throw Failure{"store " + o.store + ": cannot read it again: " + errno_text()};
        LineReader reader(fd.get());
        std::uint64_t line_no = 0;  // lines, blank ones included (for messages)
        std::string_view line;
        for (;;) {
            const auto next = reader.next(line);
            if (next == LineReader::Next::end) break;
            if (next == LineReader::Next::too_long) {
                out.flush();
                corrupt(o.store, line_no, "body_too_large (a stored line holds at most 16384 bytes)");
            }
            if (next == LineReader::Next::io_error) {
                const std::string reason = errno_text();
                out.flush();
                throw Failure{"store " + o.store + ": read error: " + reason};
            }
            ++line_no;
            const auto read = read_store_line(line, line_no == 1);
            if (!read) {
                out.flush();
                corrupt(o.store, line_no - 1, read.error());
            }
            if (const auto* h = std::get_if<StoreHeader>(&*read)) recorded = h->month_end;
            const auto* b = std::get_if<voip::Bundle>(&*read);
            if (b == nullptr) continue;
            if (!printing) {
                if (check_duplicates && !seen.insert(b->uuid).second)
                    corrupt(o.store, line_no - 1, "uuid " + voip::to_string(b->uuid) + " appears twice");
            } else {
                ++n;
                const voip::SweepAction a = voip::sweep_action(*b, ctx.today, ctx.policy);
                totals.add(a);
                if (a != voip::SweepAction::none) {
                    char* p = buf;
                    const auto put = [&p](std::string_view s) {
                        std::memcpy(p, s.data(), s.size());
                        p += s.size();
                    };
                    put(pieces.before_uuid);
                    p = voip::write_uuid(p, b->uuid);
                    put(pieces.before_action);
                    put(voip::name(a));
                    put(pieces.before_expiry);
                    p = voip::write_iso_date(p, b->expires_on);
                    put(b->auto_renew ? pieces.before_type_on : pieces.before_type_off);
                    *p++ = static_cast<char>('0' + voip::code(b->bundle_type));
                    put("}\n");
                    out.put(std::string_view(buf, static_cast<std::size_t>(p - buf)));
                    if (out.failed()) throw Failure{"cannot write standard output: " + errno_text(out.error())};
                }
            }
            if (progress && (line_no & 0xFFFF) == 0) {
                const int percent = static_cast<int>((reader.consumed() + (printing ? size : 0)) * 50 / size);
                if (percent != shown_percent) {
                    shown_percent = percent;
                    std::fprintf(stderr, "\rsweep: %3d%% (%s)", percent,
                                 printing ? (std::to_string(n) + " bundles").c_str() : "checking the store");
                }
            }
        }
        if (!printing) {
            seen = {};  // the second pass needs none of it
            ctx.policy.month_end = month_end_for(o, recorded, o.store);
        }
    }
    if (progress) std::fprintf(stderr, "\rsweep: 100%% (%llu bundles)\n", static_cast<unsigned long long>(n));
    using lines::summary_members;
    JsonOut j(false);
    j.open_object()
        .open_object(lines::summary.name)
        .date(summary_members[0].name, ctx.today)
        .integer(summary_members[1].name, static_cast<std::int64_t>(totals.total()))
        .integer(summary_members[2].name, static_cast<std::int64_t>(totals.none))
        .integer(summary_members[3].name, static_cast<std::int64_t>(totals.renew))
        .integer(summary_members[4].name, static_cast<std::int64_t>(totals.lapsed))
        .close_object()
        .close_object();
    out.put(j.text());
    out.put("\n");
    if (!out.flush()) throw Failure{"cannot write standard output: " + errno_text(out.error())};
    return 0;
}

}  // namespace voip_cli
