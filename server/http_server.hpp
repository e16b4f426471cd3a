// cpp-httplib's server with a connection loop of the sandbox's own: one buffered stream a
// connection, the raw header section checked, idle waits that see a stop.
#pragma once
// httplib (0.11.4) reads each request of a keep-alive connection through a new stream, so
// the bytes of a pipelined request read ahead with the one before are lost; it drops a
// header line without a colon before anyone sees it, keeps the first of two Content-Length
// headers, ignores a handler's `Connection: close`, and waits out the whole keep-alive
// timeout after a stop. Its per-connection entry (process_and_close_socket) is virtual and
// the request parser (process_request) is open to a subclass, so the loop around them is
// replaced here and the parser kept.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
#include <string>
#include <string_view>
#include <utility>

#include <httplib.h>

#include "event_loop.hpp"

namespace voip_sandbox {

// The bounds of a request's header section, as sent (the request line apart): past either,
// the server stops reading and answers 431.
inline constexpr std::size_t max_header_count = 100;
inline constexpr std::size_t max_header_bytes = 8 * 1024;

// What a request's header section breaks (RFC 9112) that httplib lets through.
enum class HeadError : std::uint8_t {
    none,
    malformed_header_line,        // no colon, a name that is not a token, or not ended by CRLF
    missing_host,                 // HTTP/1.1 without Host (RFC 9112 3.2)
    duplicate_host,               // Host given twice
    invalid_content_length,       // not digits, or two different values (RFC 9112 6.3)
    content_length_with_chunked,  // both framings: the body's end would be ambiguous
};
[[nodiscard]] std::string_view name(HeadError e) noexcept;

// The header section of one request, fed its bytes in order as they arrive.
class HeadCheck {
public:
    // The bytes taken: up to the header section's end, or to a bound passed.
    std::size_t feed(const char* data, std::size_t n);
    [[nodiscard]] bool done() const noexcept { return done_; }
    // The first break in text order, then Host's (known only at the end).
    [[nodiscard]] HeadError error() const noexcept;
    [[nodiscard]] bool has_content_length() const noexcept { return has_length_; }
    [[nodiscard]] std::uint64_t content_length() const noexcept { return length_; }
    [[nodiscard]] bool chunked() const noexcept { return chunked_; }
    // The client waits for `100 Continue` before it sends the body.
    [[nodiscard]] bool expects_continue() const noexcept { return expects_continue_; }
    // The request's method is one whose body the parser reads.
    [[nodiscard]] bool carries_body() const noexcept { return carries_body_; }
    // The status (414, 431) and rule of a size bound passed, 0 while none is; nothing more is
    // fed once one is: the server stops reading there.
    [[nodiscard]] int limit() const noexcept { return limit_; }
    [[nodiscard]] std::string_view limit_rule() const noexcept { return limit_rule_; }

private:
    void end_line();
    void header_line(std::string_view line);
    void limit(int status, std::string_view rule) noexcept;

    std::string line_;
    bool overlong_ = false;  // the line passed httplib's own limit, which refuses it
    bool request_line_ = true;
    bool done_ = false;
    bool http11_ = false;
    int hosts_ = 0;
    bool has_length_ = false;
    bool chunked_ = false;
    bool expects_continue_ = false;
    bool carries_body_ = false;
    std::uint64_t length_ = 0;
    std::size_t bytes_ = 0;  // of the header section, after the request line
    std::size_t lines_ = 0;
    int limit_ = 0;
    std::string_view limit_rule_;
    HeadError error_ = HeadError::none;
};

class HttpServer : public httplib::Server {
public:
    // Installs the post-routing handler that closes a connection whose next request cannot
    // be found: a head httplib refused or that broke a rule here, a body left unread, or a
    // handler's close_after_answer(). Such an answer says `Connection: close`.
    HttpServer();
    ~HttpServer() override;
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // At most this many connections open at once (one more is answered 503 at once), and as
    // many threads: two wait for the connections that have a request, and the event loop
    // starts another only while both are held by slow requests. Before listening.
    void set_connection_cap(std::size_t cap);
    // A connection idle this long between requests is closed; a request must arrive whole
    // (head and body) within `io` of its first byte, else it is answered 408 and the
    // connection closed; a write that makes no progress for `io` fails.
    void set_timeouts(std::chrono::milliseconds idle, std::chrono::milliseconds io);
    // The whole answer (status line to body) of a refusal the connection loop makes itself:
    // 408, 414 and 431 when it stops reading, 503 past the connection cap.
    void set_refusal(std::function<std::string(int status, std::string_view rule)> f) { refusal_ = std::move(f); }
    // stop(), and every connection idle between requests closes at once; requests in flight finish.
    void halt();

    // For a handler: the header section of the request it answers, on this thread's connection.
    [[nodiscard]] static const HeadCheck* current_head() noexcept;
    // For a handler: the connection closes once this answer is written (its body may be unread).
    static void close_after_answer() noexcept;
    // For a handler: the connection closes instead of writing this answer (an injected fault).
    static void drop_answer() noexcept;
    // For the error handler: the status and rule with which the connection loop stopped
    // reading this thread's request ({0, ""} if it did not).
    [[nodiscard]] static std::pair<int, std::string_view> stream_refusal() noexcept;

private:
    struct Link;
    // On the accept loop's thread: the connection is parked until its first bytes.
    bool process_and_close_socket(socket_t sock) override;
    void refuse_connection(socket_t sock) const;
    // On a loop thread, with a connection handed back.
    void serve(std::unique_ptr<Link> link, Wake wake);
    void serve_requests(std::unique_ptr<Link> link, bool last);
    void start_request(Link& link) const;
    void park(std::unique_ptr<Link> link);
    void refuse(std::unique_ptr<Link> link);
    void linger(std::unique_ptr<Link> link);
    void close(std::unique_ptr<Link> link);
    void finish(std::unique_ptr<Link> link);
    // After a stop: waits for the loop's threads and for the requests being finished.
    void drain();

    std::chrono::milliseconds idle_{5000};
    std::chrono::milliseconds io_{5000};
    std::chrono::milliseconds request_{5000};
    std::function<std::string(int, std::string_view)> refusal_;
    std::size_t cap_ = 4096;
    std::atomic<std::size_t> open_{0};  // connections accepted and not closed
    std::mutex finishing_mutex_;
    std::vector<std::thread> finishing_;  // requests in flight at a stop, each answered on its own
    EventLoop loop_;                    // last: its threads stop before the rest goes
};

}  // namespace voip_sandbox
