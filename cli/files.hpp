#pragma once
// Files for voip-bundle: a line reader for stores of any size, bounded whole-file reads,
// and atomic replacement (temp file in the same directory, fsync, rename, fsync the
// directory), so a store is never left half written.
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace voip_cli {

// A failure the program reports in one line and exits 2 for.
struct Failure {
    std::string message;
};

inline std::string errno_text() { return std::strerror(errno); }
inline std::string errno_text(int e) { return std::strerror(e); }

// A store line holding only JSON whitespace (an empty line, a trailing "\n\n", a lone
// "\r" of a CRLF file) carries no bundle: readers skip it, a rewrite keeps it as it is.
[[nodiscard]] constexpr bool is_blank_line(std::string_view line) noexcept {
    for (const char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

// An open file descriptor, closed on scope exit.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) noexcept : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const noexcept { return fd_; }
    [[nodiscard]] bool ok() const noexcept { return fd_ >= 0; }
    int release() noexcept {
        const int f = fd_;
        fd_ = -1;
        return f;
    }

private:
    int fd_ = -1;
};

// Reads a file line by line through one large buffer: memory stays constant whatever the
// file's size. Lines are returned without their '\n'; the last line may lack one.
class LineReader {
public:
    static constexpr std::size_t buffer_size = std::size_t{4} << 20;

    explicit LineReader(int fd) : fd_(fd), buf_(new char[buffer_size]) {}

    enum class Next { line, end, too_long, io_error };

    Next next(std::string_view& line) {
        for (;;) {
            if (const void* nl = std::memchr(buf_.get() + begin_, '\n', end_ - begin_)) {
                const auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.get());
                line = std::string_view(buf_.get() + begin_, at - begin_);
                consumed_ += at + 1 - begin_;
                begin_ = at + 1;
                return Next::line;
            }
            if (eof_) {
                if (begin_ == end_) return Next::end;
                line = std::string_view(buf_.get() + begin_, end_ - begin_);
                consumed_ += end_ - begin_;
                begin_ = end_;
                return Next::line;
            }
            if (begin_ == 0 && end_ == buffer_size) return Next::too_long;
            if (begin_ > 0) {  // keep the partial line, refill behind it
                std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
                end_ -= begin_;
                begin_ = 0;
            }
            const ssize_t n = ::read(fd_, buf_.get() + end_, buffer_size - end_);
            if (n < 0) {
                if (errno == EINTR) continue;
                return Next::io_error;
            }
            if (n == 0) eof_ = true;
            end_ += static_cast<std::size_t>(n);
        }
    }

    // Bytes of the file returned so far (for progress).
    [[nodiscard]] std::size_t consumed() const noexcept { return consumed_; }

private:
    int fd_;
    std::unique_ptr<char[]> buf_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::size_t consumed_ = 0;
    bool eof_ = false;
};

inline bool write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Buffered output to a file descriptor.
class Output {
public:
    explicit Output(int fd, std::size_t capacity = std::size_t{1} << 20) : fd_(fd), buf_(capacity, '\0') {}
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() { (void)flush(); }

    void put(std::string_view s) {
        if (buf_.size() - used_ < s.size() && !flush()) return;
        if (s.size() > buf_.size()) {
            if (!failed_) note(write_all(fd_, s.data(), s.size()));
            return;
        }
        std::memcpy(buf_.data() + used_, s.data(), s.size());
        used_ += s.size();
    }
    bool flush() {
        if (used_ > 0 && !failed_) note(write_all(fd_, buf_.data(), used_));
        used_ = 0;
        return !failed_;
    }
    [[nodiscard]] bool failed() const noexcept { return failed_; }
    // The reason of the first failed write (errno is overwritten by whatever runs after).
    [[nodiscard]] int error() const noexcept { return error_; }

private:
    void note(bool written) noexcept {
        if (!written && !failed_) {
            failed_ = true;
            error_ = errno;
        }
    }

    int fd_;
    std::string buf_;
    std::size_t used_ = 0;
    bool failed_ = false;
    int error_ = 0;
};

// The whole of a small file, at most `limit` bytes; more is reported as too_large.
enum class ReadResult { ok, cannot_open, too_large, io_error };

inline ReadResult read_small_file(const std::string& path, std::size_t limit, std::string& out) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) return ReadResult::cannot_open;
    out.clear();
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return ReadResult::io_error;
        }
        if (n == 0) return ReadResult::ok;
        out.append(chunk, static_cast<std::size_t>(n));
        if (out.size() > limit) return ReadResult::too_large;
    }
}

// Standard input, at most limit + 1 bytes (enough to tell a body is too large).
inline bool read_stdin(std::size_t limit, std::string& out) {
    out.clear();
    char chunk[65536];
    while (out.size() <= limit) {
        const ssize_t n = ::read(0, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) break;
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
}

inline std::string directory_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

inline std::string base_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The file a store path really names: symbolic links followed (also a dangling one, whose
// target a create will make), so that a commit replaces the target and leaves the link.
// A path that does not exist resolves through its directory.
inline std::string resolve_store_path(const std::string& path) {
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

// An advisory lock on `<store>.lock` beside the (resolved) store, held for the whole
// read-decide-write of a commit so that concurrent committers run one after another. The
// store itself cannot carry the lock: the rename gives it a new inode, and a waiter would
// hold a lock on the old one. The lock file is never removed (removing it would let two
// processes lock two different inodes of the same name).
class StoreLock {
public:
    explicit StoreLock(const std::string& real_store)
        : path_(real_store + ".lock"), fd_(::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (!fd_.ok()) throw Failure{"cannot open the lock file " + path_ + ": " + errno_text()};
        while (::flock(fd_.get(), LOCK_EX) != 0)
            if (errno != EINTR) throw Failure{"cannot lock " + path_ + ": " + errno_text()};
    }
    // Closing the descriptor releases the lock.

private:
    std::string path_;
    Fd fd_;
};

// Replaces `path` with what `fill` writes to the given descriptor, atomically: the new
// content goes to a temp file in the same directory, is fsynced, then renamed over the
// old file, and the directory is fsynced. On any failure the temp file is removed and the
// old file is untouched; `fill` may also throw a Failure of its own. The new file keeps the old one's permissions (0644 when new,
// less the umask).
inline void replace_file_atomically(const std::string& path, const std::function<bool(int)>& fill) {
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

}  // namespace voip_cli
