// Descriptor-level file I/O for voip-bundle: the line reader's refills and the buffered writes.
#include <voip_app/files.hpp>

#include <cerrno>
#include <cstring>

#include <sys/types.h>
#include <unistd.h>

namespace voip_app {

namespace {

bool write_all(int fd, const char* p, std::size_t n) {
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

}  // namespace

LineReader::Next LineReader::next(std::string_view& line) {
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

void Output::put(std::string_view s) {
    if (buf_.size() - used_ < s.size() && !flush()) return;
    if (s.size() > buf_.size()) {
        if (!failed_) note(write_all(fd_, s.data(), s.size()));
        return;
    }
    std::memcpy(buf_.data() + used_, s.data(), s.size());
    used_ += s.size();
}

bool Output::flush() {
    if (used_ > 0 && !failed_) note(write_all(fd_, buf_.data(), used_));
    used_ = 0;
    return !failed_;
}

void Output::note(bool written) noexcept {
    if (!written && !failed_) {
        failed_ = true;
        error_ = errno;
    }
}

}  // namespace voip_app
