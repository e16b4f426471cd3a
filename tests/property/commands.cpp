// Properties (rapidcheck) of the commands as a caller meets them: create, quote_* against the
// command, the funds check, handle_*'s lookup by uuid.
#include "support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace props {

void quote_equals_command() {
    property("quote_* equals what create/update/renew then do when funds suffice, 402 when short", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const bool priced = *rc::gen::arbitrary<bool>();
        std::optional<PriceList> prices;
        if (priced) prices = *gen::prices();
        const Context ctx = make_context(*gen::day_near(b.expires_on(), p), p, prices).value();
        const Request req = *gen::request();
        const Uuid id = *gen::uuid();
        const int which = *rc::gen::inRange(0, 3);
        const auto quote = [&](const Context& k) {
            return which == 0 ? quote_create(req, id, k) : which == 1 ? quote_update(b, req, k) : quote_renew(b, k);
        };
        const auto command = [&](const Context& k) {
            return which == 0 ? create(req, id, k) : which == 1 ? update(b, req, k) : renew(b, k);
        };
        const Result q = quote(ctx);
        // Without a balance the command is the quote.
        RC_ASSERT((command(ctx) == q));
        if (!q) return;
        if (!priced) RC_ASSERT(q->charge == Money{0});
        // Funds exactly enough, or more: the same decision.
        const Context rich =
            *ctx.with_balance(Money{std::min(q->charge.minor + *rc::gen::inRange<std::int64_t>(0, 1000), max_amount.minor)});
        RC_ASSERT((quote(rich) == q));
        RC_ASSERT((command(rich) == q));
        // One minor unit short: 402 when there is a price list and something to pay;
        // nothing is checked without a price list, and a zero charge never fails.
        const Context poor = *ctx.with_balance(Money{q->charge.minor - 1 - *rc::gen::inRange<std::int64_t>(0, 1000)});
        const Result s = command(poor);
        if (priced && q->charge == Money{0}) {
            RC_ASSERT((s == q));
        } else if (priced && which == 0) {
            // Create: the seed's create answers only 201 or 400, so short funds are a 400.
            RC_ASSERT(fails_with(s, Error::insufficient_funds_on_create));
            RC_ASSERT(status(s.error()) == Status::bad_request);
        } else if (priced) {
            RC_ASSERT(fails_with(s, Error::insufficient_funds));
            RC_ASSERT(status(s.error()) == Status::payment_required);
        } else {
            RC_ASSERT((s == q));
        }
    });
}

void create_starts_today() {
    property("create starts today, expires one term later, and charges the type's price", [] {
        std::optional<PriceList> prices;
        if (*rc::gen::arbitrary<bool>()) prices = *gen::prices();
        const Context ctx = make_context(*gen::day(), *gen::policy(), prices).value();
        const Request req = *gen::request();
        const auto r = create(req, *gen::uuid(), ctx);
        const oracle::Ymd t = ymd(ctx.today());
        const oracle::Ymd expect = ctx.policy().month_end() == MonthEnd::clamp ? oracle::add_clamped(t, ctx.policy().term_months(), t.d)
                                                                           : oracle::add_overflow(t, ctx.policy().term_months());
        if (expect.y > 9999) {
            RC_ASSERT(fails_with(r, Error::date_out_of_range));
            return;
        }
        RC_ASSERT(r.has_value());
        RC_ASSERT(r->bundle.created_on() == ctx.today());
        RC_ASSERT(ymd(r->bundle.expires_on()) == expect);
        RC_ASSERT(r->bundle.bundle_type() == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew() == req.auto_renew);
        RC_ASSERT(r->charge == (ctx.prices() ? (*ctx.prices()->at(req.bundle_type)) : Money{0}));
    });
}

// handle_* take a decoded Uuid and Request: malformed uuid text and bodies (400) are the JSON
// layer's, tested in tests/json.
void handlers_look_up_by_uuid() {
    property("handle_* look the bundle up by its uuid: 404 -> window/state -> 402", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const Context ctx = *gen::context(*gen::day_near(b.expires_on(), p), p);
        const bool known = *rc::gen::inRange(0, 4) != 0;
        Uuid asked = b.uuid();
        if (!known) asked.bytes[*rc::gen::inRange<std::size_t>(0, 16)] ^= static_cast<std::uint8_t>(*rc::gen::inRange(1, 256));
        const Request req = *gen::request();
        const auto find = [&](const Uuid& u) -> const Bundle* { return u == b.uuid() ? &b : nullptr; };

        const Result up = handle_update(asked, req, find, ctx);
        if (!known) RC_ASSERT(fails_with(up, Error::unknown_bundle));
        else RC_ASSERT((up == update(b, req, ctx)));
        // Out of service is reported before short funds.
        if (known && ctx.today() >= b.expires_on()) RC_ASSERT(fails_with(up, Error::not_in_service));

        const Result rn = handle_renew(asked, find, ctx);
        if (!known) RC_ASSERT(fails_with(rn, Error::unknown_bundle));
        else RC_ASSERT((rn == renew(b, ctx)));
        // Outside the window is reported before short funds.
        if (known && !renewal_window(b, p).contains(ctx.today())) RC_ASSERT(fails_with(rn, Error::outside_renewal_window));
    });
}

void funds_check_is_affordable() {
    property("the funds check of create/update/renew is affordable(charge, context)", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        Context ctx = *gen::context(*gen::day_near(b.expires_on(), p), p);
        const Request req = *gen::request();
        const Uuid id = *gen::uuid();
        const int which = *rc::gen::inRange(0, 3);
        const auto quote = [&](const Context& k) {
            return which == 0 ? quote_create(req, id, k) : which == 1 ? quote_update(b, req, k) : quote_renew(b, k);
        };
        const auto command = [&](const Context& k) {
            return which == 0 ? create(req, id, k) : which == 1 ? update(b, req, k) : renew(b, k);
        };
        const Result first = quote(ctx);
        if (first && ctx.prices() && *rc::gen::arbitrary<bool>())  // a balance at the edge of the charge
            ctx = *ctx.with_balance(Money{std::max(first->charge.minor + *rc::gen::inRange<std::int64_t>(-1, 2), -max_amount.minor)});
        const Result q = quote(ctx);
        const Result r = command(ctx);
        if (!q) {
            RC_ASSERT((r == q));
            return;
        }
        const bool can_pay = !ctx.prices() || !ctx.balance() || q->charge.minor <= 0 || q->charge <= *ctx.balance();
        RC_ASSERT(affordable(q->charge, ctx) == can_pay);
        if (affordable(q->charge, ctx)) RC_ASSERT((r == q));
        else RC_ASSERT(fails_with(r, which == 0 ? Error::insufficient_funds_on_create : Error::insufficient_funds));
    });
}

}  // namespace props
