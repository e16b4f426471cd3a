// Descriptor-level file I/O for the command and the sandbox: an owned descriptor, a line reader, buffered output.
#pragma once
// The line reader keeps memory constant whatever a store's size; the store fuzz target
// (tests/fuzz/fuzz_store.cpp) reads through it as the command does.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

namespace voip_app {

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

    Next next(std::string_view& line);

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

// Buffered output to a file descriptor.
class Output {
public:
    explicit Output(int fd, std::size_t capacity = std::size_t{1} << 20) : fd_(fd), buf_(capacity, '\0') {}
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() { (void)flush(); }

    void put(std::string_view s);
    bool flush();
    [[nodiscard]] bool failed() const noexcept { return failed_; }
    // The reason of the first failed write (errno is overwritten by whatever runs after).
    [[nodiscard]] int error() const noexcept { return error_; }

private:
    void note(bool written) noexcept;

    int fd_;
    std::string buf_;
    std::size_t used_ = 0;
    bool failed_ = false;
    int error_ = 0;
};

}  // namespace voip_app
