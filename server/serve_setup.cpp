// The start-up of `voip-bundle serve` (serve_setup.hpp).
#include "serve_setup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <voip/bundle_nlohmann.hpp>

#include "openapi.hpp"

namespace voip_sandbox {

using voip_app::ServeOptions;

std::optional<Listen> parse_listen(const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    Listen l{text.substr(0, colon), 0};
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, l.port);
    if (ec != std::errc{} || end != last || first == last || l.port < 0 || l.port > 65535) return std::nullopt;
    if (l.host.size() > 2 && l.host.front() == '[' && l.host.back() == ']') l.host = l.host.substr(1, l.host.size() - 2);
    return l;
}

namespace {

// mkdir -p with mode 0700 for what it makes; false with errno set when a part cannot be made.
bool make_folders(const std::string& path) {
    for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
        const std::string part = path.substr(0, slash);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        if (slash == std::string::npos) return true;
    }
}

}  // namespace

tl::expected<std::string, std::string> database_path(const std::string& given) {
    if (!given.empty()) return given;
    // The XDG base directories: state kept across restarts that is not the user's documents.
    // Only absolute values count (the specification says to ignore relative ones).
    std::string folder;
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    if (state != nullptr && state[0] == '/') folder = std::string(state) + "/voip-bundle";
    else if (home != nullptr && home[0] == '/') folder = std::string(home) + "/.local/state/voip-bundle";
    else return tl::make_unexpected("no --db, and neither XDG_STATE_HOME nor HOME is an absolute path: give --db FILE");
    if (!make_folders(folder)) return tl::make_unexpected("cannot make " + folder + ": " + std::strerror(errno));
    return folder + "/sandbox.db";
}

tl::expected<Setup, std::string> setup_of(const ServeOptions& o, const std::string& db) {
    Setup setup;
    if (o.config.empty()) {
        setup.config = generated_config();
    } else {
        std::ifstream in(o.config, std::ios::binary);
        if (!in) return tl::make_unexpected("--config " + o.config + ": cannot be read");
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = parse_config(text.str());
        if (!parsed) return tl::make_unexpected("--config " + o.config + ": " + parsed.error());
        setup.config = std::move(*parsed);
    }
    setup.options.db = db;
    setup.options.openapi = std::string(openapi_text());
    if (!o.today.empty()) {
        const auto day = voip::parse_iso_date(o.today);
        if (!day)
            return tl::make_unexpected("--today " + o.today + ": " + std::string(voip::name(day.error())) +
                                       " (want YYYY-MM-DD)");
        setup.options.start_day = *day;
    }
    // The real time that ages idempotency keys, fixed at this many seconds since 1970, for
    // the test of their 24 hours (docs/testing.md); an environment variable, not an option,
    // since no user of the sandbox has a reason to set it.
    if (const char* now = std::getenv("VOIP_SANDBOX_TEST_NOW")) {
        const std::string_view text(now);
        std::int64_t seconds = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || seconds < 0)
            return tl::make_unexpected("VOIP_SANDBOX_TEST_NOW=" + std::string(text) + ": not a count of seconds");
        setup.options.now_seconds = [seconds] { return seconds; };
    }
    return setup;
}

std::string url_of(const Listen& l, int port) {
    const bool v6 = l.host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + l.host + "]" : l.host) + ':' + std::to_string(port);
}

void print_banner(const ServeOptions& o, const std::string& db, const std::string& url, Sandbox& s) {
    std::ostringstream out;
    out << "voip-bundle sandbox " << VOIP_BUNDLE_CLI_VERSION << " listening on " << url << " (database " << db << ", "
        << o.threads << " threads); stop with Ctrl-C\n";
    if (s.config().generated) {
        const AccountConfig& a = s.config().accounts.front();
        const nlohmann::json prices = a.prices;
        out << "account (generated, kept in the database; give --config FILE for your own):\n"
            << "  X-Auth-Reseller: " << a.reseller << "\n  X-Auth-User: " << a.user
            << "\n  X-Auth-Password: " << a.password << "\n  balance " << a.balance.minor << ", prices " << prices.dump()
            << ", customers (X-Auth-For): " << a.customers.front() << ", today " << voip::to_iso_string(s.today(0)) << '\n'
            << "try: curl -s -H 'X-Auth-Reseller: " << a.reseller << "' -H 'X-Auth-User: " << a.user
            << "' -H 'X-Auth-Password: " << a.password << "' " << url << "/sandbox/account\n";
    } else {
        out << s.config().accounts.size() << " account(s) from " << o.config << '\n';
    }
    std::cout << out.str() << std::flush;
}

std::string write_credentials(const std::string& path, const AccountConfig& a, const std::string& url) {
    const std::string text =
        nlohmann::ordered_json{{"reseller", a.reseller}, {"user", a.user}, {"password", a.password}, {"url", url}}.dump() +
        '\n';
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return "--credentials-file " + path + ": " + std::strerror(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == text.size() && ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(written ? errno : saved);
        ::unlink(temporary.c_str());
        return "--credentials-file " + path + ": " + why;
    }
    return {};
}

}  // namespace voip_sandbox
