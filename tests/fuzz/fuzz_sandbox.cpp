// The sandbox's request handling (server/sandbox.hpp) without the socket, on any bytes.
// An input is up to 8 requests separated by NUL bytes, each "METHOD TARGET\n" then
// "Name: value" lines, a blank line and the body, run in order against a fresh in-memory
// sandbox whose credentials are added to every request whose method line starts with a
// capital letter. Checked after every request:
//   * never a crash, a leak, UB, an uncaught exception or a 500 (a 500 is a bug here: the
//     database is in memory and every input is a request a client could send), but the 500
//     an armed error_before_commit fault answers by design (X-Sandbox-Error fault_injected);
//   * the answer is one of the statuses the routes declare, and its body an envelope whose
//     status_code is the status (but /openapi.json, which is the document);
//   * money is kept: balance + the sum of the events' charges == the configured balance plus
//     the sum of the balances set or added at runtime (POST /sandbox/account).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <config.hpp>
#include <sandbox.hpp>

#include "fuzz_check.hpp"

namespace {

constexpr std::int64_t start_balance = 5000;

voip_sandbox::Config config() {
    auto c = voip_sandbox::parse_config(R"({"accounts": [{"reseller": "r", "user": "u", "password": "p",
        "balance": 5000, "prices": {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}, "customers": ["acme"]}]})");
    FUZZ_CHECK(c.has_value());
    return *c;
}

voip_sandbox::HttpRequest parse(std::string_view text, bool with_credentials) {
    voip_sandbox::HttpRequest r;
    const std::size_t eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    const std::size_t space = line.find(' ');
    r.method = std::string(line.substr(0, space));
    r.target = space == std::string_view::npos ? "/" : std::string(line.substr(space + 1));
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    while (!text.empty() && text.front() != '\n') {
        const std::size_t end = text.find('\n');
        const std::string_view h = text.substr(0, end);
        const std::size_t colon = h.find(':');
        if (colon != std::string_view::npos)
            r.headers.emplace_back(std::string(h.substr(0, colon)),
                                   std::string(h.substr(colon + 1 < h.size() && h[colon + 1] == ' ' ? colon + 2 : colon + 1)));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    if (!text.empty()) r.body = std::string(text.substr(1));
    if (with_credentials) {
        r.headers.emplace_back("X-Auth-Reseller", "r");
        r.headers.emplace_back("X-Auth-User", "u");
        r.headers.emplace_back("X-Auth-Password", "p");
    }
    return r;
}

bool declared(int status) {
    switch (status) {
        case 200: case 201: case 400: case 401: case 402: case 404: case 405: case 413: return true;
        default: return false;
    }
}

void check_money(voip_sandbox::Sandbox& s) {
    voip_sandbox::HttpRequest r{"GET", "/sandbox/account", {{"X-Auth-Reseller", "r"}, {"X-Auth-User", "u"}, {"X-Auth-Password", "p"}}, {}};
    const auto a = s.handle(r);
    FUZZ_CHECK(a.status == 200);
    const auto j = nlohmann::json::parse(a.body);
    FUZZ_CHECK(j["result"]["balance"].get<std::int64_t>() + j["result"]["charged"].get<std::int64_t>() ==
               start_balance + j["result"]["adjusted"].get<std::int64_t>());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const voip_sandbox::Config c = config();
    voip_sandbox::SandboxOptions o;
    o.start_day = date::sys_days{date::year{2018} / 8 / 1};
    o.openapi = "{}";
    o.now_seconds = [] { return std::int64_t{1'700'000'000}; };
    voip_sandbox::Sandbox s(c, o);
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int n = 0; n < 8 && !input.empty(); ++n) {
        const std::size_t nul = input.find('\0');
        const std::string_view one = input.substr(0, nul);
        input = nul == std::string_view::npos ? std::string_view{} : input.substr(nul + 1);
        const bool credentials = !one.empty() && one.front() >= 'A' && one.front() <= 'Z';
        const voip_sandbox::HttpRequest request = parse(one, credentials);
        const voip_sandbox::HttpResponse response = s.handle(request);
        bool fault = false;  // the 500 of an armed error_before_commit fault
        for (const auto& h : response.headers) fault = fault || (h.first == "X-Sandbox-Error" && h.second == "fault_injected");
        fault = fault && response.status == 500;
        FUZZ_CHECK(declared(response.status) || fault);
        if (response.body != "{}") {
            const auto j = nlohmann::json::parse(response.body, nullptr, false);
            FUZZ_CHECK(!j.is_discarded() && j.is_object());
            FUZZ_CHECK(j.contains("result") && j["status_code"] == response.status);
        }
        check_money(s);
    }
    return 0;
}
