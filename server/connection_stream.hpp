// One buffered stream for the whole of a connection, under httplib's request parser
// (http_server.hpp): bytes read ahead belong to the next request, and an answer leaves in one
// send when the connection next waits or closes.
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include "http_server.hpp"

namespace voip_sandbox {

// What the handlers of a connection's request reach through HttpServer's static functions.
struct Connection {
    HeadCheck head;
    bool close = false;
    bool drop = false;  // the answer is not written: the connection just closes
    // Set by the stream when it stops reading a request: its deadline passed (408), or its
    // header section a bound (414, 431). The answer, if none was written yet, says so.
    int refuse = 0;
    std::string_view rule;
    std::size_t written = 0;  // bytes of this request's answer written
    void refuse_with(int status, std::string_view why) noexcept {
        refuse = status;
        rule = why;
    }
};

class ConnectionStream : public httplib::Stream {
public:
    using Clock = std::chrono::steady_clock;

    // `max_body`: a body announced longer is refused by the parser at once, not waited for.
    ConnectionStream(socket_t sock, std::chrono::milliseconds io, std::size_t max_body, Connection& c)
        : sock_(sock), io_(io), max_body_(max_body), c_(c) {}

    bool is_readable() const override;
    bool is_writable() const override { return true; }  // writes are buffered; flush() waits
    // Reads until the request's deadline; nothing more once a bound is passed.
    ssize_t read(char* ptr, std::size_t size) override;
    // Buffered up to 64 KiB; a larger answer leaves the buffer's bytes, then its own. -1 once
    // a send failed or stalled past the write timeout.
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return sock_; }

    // Sends what is buffered; false once a send failed or stalled past the write timeout.
    bool flush();

    // Without waiting: what the socket has is read into the buffer.
    enum class Fill : std::uint8_t { some, none, closed };
    [[nodiscard]] Fill fill();
    [[nodiscard]] bool buffered() const noexcept { return off_ < size_; }
    // A request starts at the first byte buffered: its head is checked from there, and it must
    // arrive whole by `deadline`.
    void start_request(Clock::time_point deadline);
    // Whether the parser can run on what is buffered without waiting for the client: the head
    // has ended and its body (by Content-Length) is buffered too; or the head has ended and
    // its body will not be waited for here (chunked, announced by Expect, too long for the
    // buffer: the parser reads it within the deadline); or the buffer is at its largest.
    [[nodiscard]] bool request_buffered() const noexcept;
    // The started request's head bytes read since the last look are checked: a bound passed
    // refuses the request here, before the parser sees it.
    void check_head();

    // After a refusal: what is written leaves if it can without waiting, and the client's
    // bytes still coming are read and dropped for a moment (drop()), so that the close does
    // not reset the connection before the answer is read.
    void start_linger();
    // Reads and drops what has come; false once the client closed or sent too much.
    [[nodiscard]] bool drop();
    // Between requests, with nothing buffered: a buffer grown past its first size goes.
    void shrink();

private:
    bool wait_more();
    bool send_all(const char* ptr, std::size_t size);
    std::chrono::milliseconds left() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    }

    socket_t sock_;
    std::chrono::milliseconds io_;
    std::size_t max_body_;
    Connection& c_;
    Clock::time_point deadline_ = Clock::now();
    // A head within its bounds (a request line of 8 KiB, 8 KiB of headers) and a body within
    // the payload limit fit; a silent connection has no buffer, a small request 4 KiB.
    static constexpr std::size_t first_buffer = 4 * 1024;
    static constexpr std::size_t largest_buffer = 40 * 1024;
    std::vector<char> buffer_;
    std::size_t checked_ = 0;  // buffer_[off_, checked_) has been fed to the request's HeadCheck
    std::size_t off_ = 0;
    std::size_t size_ = 0;
    static constexpr std::size_t out_limit = 64 * 1024;
    std::vector<char> out_;  // an answer's bytes not sent yet
    bool failed_ = false;    // a send failed: nothing more is sent
    std::size_t dropped_ = 0;
    mutable std::optional<std::pair<std::string, int>> remote_, local_;
};

}  // namespace voip_sandbox
