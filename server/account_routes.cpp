// The control API's accounts: the balance set or topped up at runtime.
#include <limits>

#include <voip/bundle_nlohmann.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {

using nlohmann::ordered_json;

// A member that must be an amount in minor units: an integer in [0, max_amount]. None with
// the refusal's name: `bad` for what is no non-negative integer, amount_out_of_range above.
tl::expected<voip::Money, std::string_view> amount_of(const ordered_json& v, std::string_view bad) {
    if (!v.is_number_integer()) return tl::make_unexpected(bad);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(voip::max_amount.minor))
        return tl::make_unexpected(voip::name(voip::Error::amount_out_of_range));
    const std::int64_t n = v.get<std::int64_t>();
    if (n < 0) return tl::make_unexpected(bad);
    if (!voip::ok(voip::Money{n})) return tl::make_unexpected(voip::name(voip::Error::amount_out_of_range));
    return voip::Money{n};
}

}  // namespace

// {"balance": N} sets the balance, {"add": N} tops it up; an event records the change, so
// balance = start - charges + amounts holds event by event.
HttpResponse Sandbox::set_balance(const Caller& c, const HttpRequest& request) {
    auto parsed = json_object(request.body);
    if (!parsed) return std::move(parsed.error());
    const ordered_json& body = *parsed;
    const bool set = body.contains("balance");
    if (body.size() != 1 || !(set || body.contains("add"))) return refusal(400, "balance_body");
    const auto amount = amount_of(body.begin().value(), "balance_body");
    if (!amount) return refusal(400, amount.error());
    const AccountState s = store_.account(c.id);
    const voip::Money after = set ? *amount : voip::Money{s.balance.minor + amount->minor};
    if (!voip::ok(after)) return refusal(400, voip::name(voip::Error::amount_out_of_range));
    store_.adjust(c.id, s.balance,
                  Event{0, s.today, std::nullopt, c.customer, set ? EventKind::balance_set : EventKind::balance_added,
                        voip::Money{0}, after});
    return account(c);
}

}  // namespace voip_sandbox
