// The inputs of voip-bundle's commands: --today/--month-end/--prices/--balance and standard input.
#include "inputs.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdint>

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <voip/bundle_json.hpp>

#include <voip_app/files.hpp>

#include "failure.hpp"
#include "today.hpp"

namespace voip_cli {

using voip_app::Fd;

namespace {

// The whole of a small file, at most `limit` bytes; more is reported as too_large.
enum class ReadResult { ok, cannot_open, too_large, io_error };

ReadResult read_small_file(const std::string& path, std::size_t limit, std::string& out) {
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
bool read_stdin(std::size_t limit, std::string& out) {
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

}  // namespace

voip::Context context_from(const Options& o) {
    const date::sys_days today = request_day(o);
    // Not given: clamp, unless the store's header says otherwise (month_end_for, store.cpp).
    if (!o.month_end.empty() && o.month_end != "clamp" && o.month_end != "overflow")
        throw Failure{"--month-end " + o.month_end + ": want clamp or overflow"};
    std::optional<voip::PriceList> prices;
    std::optional<voip::Money> balance;
    if (!o.prices.empty()) {
        std::string text;
        switch (read_small_file(o.prices, voip::max_body_size, text)) {
            case ReadResult::ok: break;
            case ReadResult::too_large: throw Failure{"--prices " + o.prices + ": body_too_large"};
            case ReadResult::cannot_open:
            case ReadResult::io_error: throw Failure{"--prices " + o.prices + ": cannot read: " + errno_text()};
        }
        const auto p = voip::decode_prices(text);
        if (!p) throw Failure{"--prices " + o.prices + ": " + std::string(voip::name(p.error())) +
                              R"( (want {"1": N, ..., "5": N}, integers in minor units))"};
        prices = *p;
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
        balance = voip::Money{digits_from ? -v : v};
    }
    const auto c = voip::make_context(today, policy_for(o.month_end == "overflow" ? voip::MonthEnd::overflow
                                                                                 : voip::MonthEnd::clamp),
                                      prices, balance);
    if (!c) throw Failure{"--today " + o.today + ": " + std::string(voip::name(c.error()))};
    return *c;
}

std::string read_request_body() {
    std::string body;
    // A person at a terminal would otherwise wait on a prompt that never comes.
    if (::isatty(0) != 0)
        throw Failure{"the request body is read from standard input: echo '{\"" + std::string(voip::schema::request[1].name) +
                      "\": 1}' | voip-bundle ..."};
    if (!read_stdin(voip::max_body_size, body))
        throw Failure{"cannot read the request body from standard input: " + errno_text()};
    return body;
}

}  // namespace voip_cli
