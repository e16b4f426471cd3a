// Every value of every enum of the API, named or not: names and messages are total
// functions. Enums with a fixed underlying type may hold any value of it (a byte read
// from storage, a cast from a wire code), so each is tried over its whole range: 256
// values for the one-byte enums, 65536 for Status.
#include <voip/bundle.hpp>

#include <cstdint>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
    if (!ok && ++failures <= 20) std::fprintf(stderr, "FAIL: %s\n", what.c_str());
}

// Named values (those in [0, count) for 0-based enums, or the listed range) get distinct
// names other than `fallback`; every other value gets `fallback`.
template <class Enum, class Name>
std::size_t every_byte(const char* what, unsigned first, unsigned last, std::string_view fallback, Name name_of) {
    std::set<std::string_view> seen;
    for (unsigned v = 0; v <= 0xFF; ++v) {
        const auto e = static_cast<Enum>(v);
        const std::string_view n = name_of(e);
        const bool named = first <= v && v <= last;
        check(!n.empty(), std::string(what) + " " + std::to_string(v) + ": empty name");
        if (named) {
            check(n != fallback, std::string(what) + " " + std::to_string(v) + " has the fallback name");
            check(seen.insert(n).second, std::string(what) + " name repeated: " + std::string(n));
        } else {
            check(n == fallback, std::string(what) + " " + std::to_string(v) + " is named " + std::string(n));
        }
    }
    return 256;
}

}  // namespace

int main() {
    using namespace voip;
    std::size_t values = 0;
    values += every_byte<Error>("Error", static_cast<unsigned>(first_error), static_cast<unsigned>(last_error),
                                "unknown_error", [](Error e) { return name(e); });
    values += every_byte<State>("State", 0, 3, "invalid", [](State s) { return name(s); });
    values += every_byte<SweepAction>("SweepAction", 0, 2, "unknown", [](SweepAction a) { return name(a); });
    values += every_byte<JsonKind>("JsonKind", 0, 8, "invalid", [](JsonKind k) { return name(k); });
    values += every_byte<Operation>("Operation", 0, 2, "invalid", [](Operation o) { return name(o); });
    values += every_byte<Feature>("Feature", 0, static_cast<unsigned>(feature_count) - 1, "invalid",
                                  [](Feature f) { return name(f); });
    values += every_byte<BundleType>("BundleType", 1, 5, "invalid", [](BundleType t) { return label(t); });

    // Every error has one of the three error statuses; BundleType's ok() is exactly 1..5;
    // MonthEnd prints its name or "invalid".
    for (unsigned v = 0; v <= 0xFF; ++v) {
        const Status s = status(static_cast<Error>(v));
        check(s == Status::bad_request || s == Status::payment_required || s == Status::not_found ||
                  s == Status::internal_server_error,
              "status(Error " + std::to_string(v) + ")");
        check(ok(static_cast<BundleType>(v)) == (v >= 1 && v <= 5), "ok(BundleType " + std::to_string(v) + ")");
        std::ostringstream os;
        os << static_cast<MonthEnd>(v);
        check(os.str() == (v == 0 ? "clamp" : v == 1 ? "overflow" : "invalid"), "MonthEnd " + std::to_string(v));
        check(make_renewal_policy(static_cast<MonthEnd>(v)).has_value() == (v <= 1),
              "make_renewal_policy(MonthEnd " + std::to_string(v) + ")");
    }
    values += 256;

    // Status: every 16-bit value has a message, the seed's five and 500 their own.
    std::set<std::string_view> messages;
    for (unsigned v = 0; v <= 0xFFFF; ++v) {
        const auto s = static_cast<Status>(v);
        const std::string_view m = status_message(s);
        check(code(s) == static_cast<int>(v), "code(Status " + std::to_string(v) + ")");
        const bool seed = v == 200 || v == 201 || v == 400 || v == 402 || v == 404 || v == 500;
        if (seed) check(messages.insert(m).second, "status message repeated: " + std::string(m));
        else check(m == "Bad Request", "Status " + std::to_string(v) + " message " + std::string(m));
    }
    values += 65536;

    std::printf("enums: %zu values checked\n", values);
    if (failures != 0) {
        std::printf("%d failures\n", failures);
        return 1;
    }
    return 0;
}
