// The store of voip-bundle: scan, lock, symbolic-link resolution and atomic rewrite of a store file.
#include "store.hpp"

#include <cerrno>
#include <functional>
#include <variant>
#include <string_view>

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <voip/bundle_json.hpp>

#include <voip_app/store_line.hpp>

#include "failure.hpp"

namespace voip_cli {

using voip_app::ending_of;
using voip_app::Fd;
using voip_app::header_line;
using voip_app::LineProblem;
using voip_app::LineReader;
using voip_app::month_end_name;
using voip_app::Output;
using voip_app::read_store_line;
using voip_app::StoreHeader;

namespace {

std::string directory_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string base_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Replaces `path` with what `fill` writes to the given descriptor, atomically: the new
// content goes to a temp file in the same directory, is fsynced, then renamed over the
// old file, and the directory is fsynced. On any failure the temp file is removed and the
// old file is untouched; `fill` may also throw a Failure of its own. The new file keeps the old one's permissions (0644 when new,
// less the umask).
void replace_file_atomically(const std::string& path, const std::function<bool(int)>& fill) {
    std::string temp = path + ".tmp.XXXXXX";
    Fd fd(::mkstemp(temp.data()));
    if (!fd.ok()) throw Failure{"cannot create a temp file beside " + path + ": " + errno_text()};
    const auto fail = [&](const std::string& what) {
        const std::string reason = errno_text();
        ::unlink(temp.c_str());
        throw Failure{what + " " + path + ": " + reason};
    };
    struct stat old {};
    mode_t mode = 0644;
    if (::stat(path.c_str(), &old) == 0) {
        mode = old.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = static_cast<mode_t>(0644 & ~mask);
    }
    if (::fchmod(fd.get(), mode) != 0) fail("cannot set the mode of the temp file for");
    bool filled = false;
    try {
        filled = fill(fd.get());
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (!filled) fail("cannot write the temp file for");
    if (::fsync(fd.get()) != 0) fail("cannot fsync the temp file for");
    if (::close(fd.release()) != 0) fail("cannot close the temp file for");
    if (::rename(temp.c_str(), path.c_str()) != 0) fail("cannot rename the temp file over");
    Fd dir(::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.ok()) (void)::fsync(dir.get());  // the rename is durable once the directory is
}

}  // namespace

std::string error_text(voip::Error e) { return std::string(voip::name(e)); }

[[noreturn]] void corrupt(const std::string& path, std::uint64_t line, const LineProblem& problem) {
    const std::string column = problem.column > 0 ? ", column " + std::to_string(problem.column) : "";
    throw Failure{"store " + path + " line " + std::to_string(line + 1) + column + ": " + problem.what};
}

[[noreturn]] void corrupt(const std::string& path, std::uint64_t line, const std::string& why) {
    corrupt(path, line, LineProblem{0, why});
}

voip::MonthEnd month_end_for(const Options& o, const std::optional<voip::MonthEnd>& recorded, const std::string& shown) {
    const voip::MonthEnd asked = o.month_end == "overflow" ? voip::MonthEnd::overflow : voip::MonthEnd::clamp;
    if (!recorded) return asked;
    if (!o.month_end.empty() && asked != *recorded)
        throw Failure{"--month-end " + o.month_end + " conflicts with store " + shown + ", written with month_end " +
                      std::string(month_end_name(*recorded)) + " (its first line): omit --month-end or give " +
                      std::string(month_end_name(*recorded))};
    return *recorded;
}

std::string resolve_store_path(const std::string& path) {
    std::string p = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) {
            if (errno != ENOENT) throw Failure{"store " + path + ": " + errno_text()};
            char dir[PATH_MAX];
            if (::realpath(directory_of(p).c_str(), dir) == nullptr)
                throw Failure{"store " + path + ": directory " + directory_of(p) + ": " + errno_text()};
            const std::string d = dir;
            return (d == "/" ? d : d + "/") + base_name_of(p);
        }
        if (!S_ISLNK(st.st_mode)) {
            char real[PATH_MAX];
            if (::realpath(p.c_str(), real) == nullptr) throw Failure{"store " + path + ": " + errno_text()};
            return real;
        }
        char target[PATH_MAX];
        const ssize_t n = ::readlink(p.c_str(), target, sizeof target - 1);
        if (n < 0) throw Failure{"store " + path + ": cannot read the link: " + errno_text()};
        const std::string t(target, static_cast<std::size_t>(n));
        p = !t.empty() && t[0] == '/' ? t : directory_of(p) + "/" + t;
    }
    throw Failure{"store " + path + ": " + errno_text(ELOOP)};
}

StoreLock::StoreLock(const std::string& real_store)
    : path_(real_store + ".lock"), fd_(::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (!fd_.ok()) throw Failure{"cannot open the lock file " + path_ + ": " + errno_text()};
    while (::flock(fd_.get(), LOCK_EX) != 0)
        if (errno != EINTR) throw Failure{"cannot lock " + path_ + ": " + errno_text()};
}

StoreScan scan_store(const std::string& path, const std::string& shown, const std::optional<voip::Uuid>& wanted,
                     bool may_be_missing) {
    StoreScan s;
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) {
        if (may_be_missing && errno == ENOENT) return s;
        throw Failure{"store " + shown + ": cannot open: " + errno_text()};
    }
    s.exists = true;
    LineReader reader(fd.get());
    std::string_view line;
    for (;;) {
        switch (reader.next(line)) {
            case LineReader::Next::line: break;
            case LineReader::Next::end: return s;
            case LineReader::Next::too_long: corrupt(shown, s.lines, "body_too_large");
            case LineReader::Next::io_error: throw Failure{"store " + shown + ": read error: " + errno_text()};
        }
        const auto read = read_store_line(line, s.lines == 0);
        if (!read) corrupt(shown, s.lines, read.error());
        if (const auto* h = std::get_if<StoreHeader>(&*read)) s.month_end = h->month_end;
        const auto* b = std::get_if<voip::Bundle>(&*read);
        if (b == nullptr) {
            ++s.lines;
            continue;
        }
        if (wanted && b->uuid() == *wanted) {
            if (s.found) corrupt(shown, s.lines, "uuid " + voip::to_string(*wanted) + " appears twice");
            s.found = *b;
            s.found_line = s.lines;
        }
        ++s.lines;
    }
}

void commit_store(const std::string& path, const StoreScan& scan, std::optional<std::uint64_t> replace,
                  const voip::Bundle& b, voip::MonthEnd month_end) {
    const std::string encoded = voip::encode_bundle(b);
    replace_file_atomically(path, [&](int out_fd) {
        Output out(out_fd);
        std::string_view last_ending = "\n";
        if (!scan.exists || scan.lines == 0) {  // a new store: it records its policy first
            out.put(header_line(month_end));
            out.put("\n");
        }
        if (scan.exists) {
            Fd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!in.ok()) throw Failure{"store " + path + ": cannot reopen to commit: " + errno_text()};
            LineReader reader(in.get());
            std::string_view line;
            std::uint64_t n = 0;
            for (;;) {
                const auto next = reader.next(line);
                if (next == LineReader::Next::end) break;
                if (next == LineReader::Next::io_error)
                    throw Failure{"store " + path + ": read error while committing: " + errno_text()};
                if (next != LineReader::Next::line)
                    throw Failure{"store " + path + ": changed while being committed (a writer without " + path + ".lock?)"};
                last_ending = ending_of(line);
                out.put(replace && n == *replace ? std::string_view(encoded) : line);
                // the line's '\r', if any, is part of `line`; the replacement takes it back
                out.put(replace && n == *replace ? last_ending : std::string_view("\n"));
                ++n;
            }
            if (n != scan.lines)
                throw Failure{"store " + path + ": changed while being committed (a writer without " + path + ".lock?)"};
        }
        if (!replace) {
            out.put(encoded);
            out.put(last_ending);
        }
        if (!out.flush()) {
            errno = out.error();  // the write's own reason, for the message
            return false;
        }
        return true;
    });
}

}  // namespace voip_cli
