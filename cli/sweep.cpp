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

// A sweep line in `buf` (256 bytes hold the longest); returns its end.
char* write_sweep_line(char* buf, const LinePieces& pieces, const voip::Bundle& b, voip::SweepAction a) {
    char* p = buf;
    const auto put = [&p](std::string_view s) {
        std::memcpy(p, s.data(), s.size());
        p += s.size();
    };
    put(pieces.before_uuid);
    p = voip::write_uuid(p, b.uuid());
    put(pieces.before_action);
    put(voip::name(a));
    put(pieces.before_expiry);
    p = voip::write_iso_date(p, b.expires_on());
    put(b.auto_renew() ? pieces.before_type_on : pieces.before_type_off);
    *p++ = static_cast<char>('0' + voip::code(b.bundle_type()));
    put("}\n");
    return p;
}

// The store, opened once for both passes.
Fd open_swept_store(const std::string& store) {
    Fd fd(::open(store.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) throw Failure{"store " + store + ": cannot open: " + errno_text()};
    return fd;
}

// One sweep of one store: what its two passes share.
class StoreSweep {
public:
    StoreSweep(const Options& o, bool check_duplicates)
        : o_(o), check_duplicates_(check_duplicates), ctx_(context_from(o)), fd_(open_swept_store(o.store)) {
        struct stat st {};
        size_ = ::fstat(fd_.get(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
        // A progress bar only for a person watching a long sweep; it spans both passes.
        progress_ = ::isatty(2) != 0 && size_ >= (std::uint64_t{64} << 20);
    }

    // Every line read and checked; the printing pass also prints the action lines.
    void pass(bool printing);
    // The progress bar's end and the summary line.
    void finish();

private:
    // The next line of the store, false at its end; a line too long or a read error is a Failure.
    bool next_line(LineReader& reader, std::string_view& line, std::uint64_t line_no);
    void check(const voip::Bundle& b, std::uint64_t line_no);
    void act(const voip::Bundle& b);
    void show_progress(std::uint64_t consumed, bool printing);

    const Options& o_;
    const bool check_duplicates_;
    voip::Context ctx_;
    Fd fd_;
    std::uint64_t size_ = 0;
    bool progress_ = false;
    int shown_percent_ = -1;
    Output out_{1};
    voip::SweepTotals totals_;
    std::unordered_set<voip::Uuid, UuidHash> seen_;
    std::optional<voip::MonthEnd> recorded_;
    std::uint64_t n_ = 0;  // bundles, in the printing pass
    const LinePieces pieces_ = line_pieces();
};

void StoreSweep::pass(bool printing) {
    // The same open file both times: a commit meanwhile renames a new store in, and
    // this descriptor still reads the old one, whole.
    if (printing && ::lseek(fd_.get(), 0, SEEK_SET) != 0)
        throw Failure{"store " + o_.store + ": cannot read it again: " + errno_text()};
    LineReader reader(fd_.get());
    std::uint64_t line_no = 0;  // lines, blank ones included (for messages)
    std::string_view line;
    while (next_line(reader, line, line_no)) {
        ++line_no;
        const auto read = read_store_line(line, line_no == 1);
        if (!read) {
            out_.flush();
            corrupt(o_.store, line_no - 1, read.error());
        }
        if (const auto* h = std::get_if<StoreHeader>(&*read)) recorded_ = h->month_end;
        const auto* b = std::get_if<voip::Bundle>(&*read);
        if (b == nullptr) continue;
        if (printing)
            act(*b);
        else
            check(*b, line_no);
        if (progress_ && (line_no & 0xFFFF) == 0) show_progress(reader.consumed(), printing);
    }
    if (!printing) {
        seen_ = {};  // the second pass needs none of it
        ctx_ = ctx_.with_policy(policy_for(month_end_for(o_, recorded_, o_.store)));
    }
}

bool StoreSweep::next_line(LineReader& reader, std::string_view& line, std::uint64_t line_no) {
    const auto next = reader.next(line);
    if (next == LineReader::Next::end) return false;
    if (next == LineReader::Next::too_long) {
        out_.flush();
        corrupt(o_.store, line_no, "body_too_large (a stored line holds at most 16384 bytes)");
    }
    if (next == LineReader::Next::io_error) {
        const std::string reason = errno_text();
        out_.flush();
        throw Failure{"store " + o_.store + ": read error: " + reason};
    }
    return true;
}

void StoreSweep::check(const voip::Bundle& b, std::uint64_t line_no) {
    if (check_duplicates_ && !seen_.insert(b.uuid()).second)
        corrupt(o_.store, line_no - 1, "uuid " + voip::to_string(b.uuid()) + " appears twice");
}

void StoreSweep::act(const voip::Bundle& b) {
    ++n_;
    const voip::SweepAction a = voip::sweep_action(b, ctx_);
    totals_.add(a);
    if (a == voip::SweepAction::none) return;
    char buf[256];
    const char* const end = write_sweep_line(buf, pieces_, b, a);
    out_.put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
    if (out_.failed()) throw Failure{"cannot write standard output: " + errno_text(out_.error())};
}

void StoreSweep::show_progress(std::uint64_t consumed, bool printing) {
    const int percent = static_cast<int>((consumed + (printing ? size_ : 0)) * 50 / size_);
    if (percent == shown_percent_) return;
    shown_percent_ = percent;
    std::fprintf(stderr, "\rsweep: %3d%% (%s)", percent,
                 printing ? (std::to_string(n_) + " bundles").c_str() : "checking the store");
}

void StoreSweep::finish() {
    if (progress_) std::fprintf(stderr, "\rsweep: 100%% (%llu bundles)\n", static_cast<unsigned long long>(n_));
    using lines::summary_members;
    JsonOut j(false);
    j.open_object()
        .open_object(lines::summary.name)
        .date(summary_members[0].name, ctx_.today())
        .integer(summary_members[1].name, static_cast<std::int64_t>(totals_.total()))
        .integer(summary_members[2].name, static_cast<std::int64_t>(totals_.none))
        .integer(summary_members[3].name, static_cast<std::int64_t>(totals_.renew))
        .integer(summary_members[4].name, static_cast<std::int64_t>(totals_.lapsed))
        .close_object()
        .close_object();
    out_.put(j.text());
    out_.put("\n");
    if (!out_.flush()) throw Failure{"cannot write standard output: " + errno_text(out_.error())};
}

}  // namespace

// Streams the store twice through one buffer: memory stays constant whatever its size.
// The first pass checks every line (and, with --check-duplicates, remembers every uuid:
// memory then grows with the store) and prints nothing, so a bad line anywhere is exit 2
// with no action line printed; the second pass prints. Without --check-duplicates a uuid
// stored twice is reported per copy, as it comes.
int run_sweep(const Options& o, bool check_duplicates) {
    StoreSweep sweep(o, check_duplicates);
    sweep.pass(false);
    sweep.pass(true);
    sweep.finish();
    return 0;
}

}  // namespace voip_cli
