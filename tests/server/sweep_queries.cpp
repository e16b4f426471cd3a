// The store's two range queries (voip::sweep_ranges' bounds on the index of expires_on) give
// exactly the bundles the library's in-memory sweep acts on, on random stores and days.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <store.hpp>

using namespace voip_sandbox;

namespace {
date::sys_days day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }
}  // namespace

TEST_CASE("due_for_renewal and lapsing select what voip::sweep acts on") {
    std::mt19937_64 gen(20261202);
    for (const voip::RenewalPolicy policy : {voip::RenewalPolicy{}, voip::make_renewal_policy(voip::MonthEnd::overflow, voip::TermMonths{1}, voip::DaysBefore{0}, voip::DaysAfter{0}).value(),
                                             voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{3}, voip::DaysBefore{10}, voip::DaysAfter{20}).value()}) {
        Store store(":memory:");
        const auto account = store.ensure_account("r", "u", voip::Money{0}, day(2018, 8, 1));
        const auto other = store.ensure_account("r", "v", voip::Money{0}, day(2018, 8, 1));
        std::vector<voip::Bundle> bundles;
        std::uniform_int_distribution<int> offset(0, 400);
        for (int i = 0; i < 600; ++i) {
            const date::sys_days created = day(2018, 1, 1) + date::days{offset(gen)};
            const auto expires = voip::first_expiry(created, policy);
            REQUIRE(expires.has_value());
            const auto b = voip::make_bundle(voip::make_uuid_v4(gen), voip::CreatedOn{created}, voip::ExpiresOn{*expires},
                                             static_cast<voip::BundleType>(1 + i % 5),
                                             gen() % 2 ? voip::AutoRenew::on : voip::AutoRenew::off);
            REQUIRE(b.has_value());
            // Every third bundle in the other account: the queries must keep accounts apart.
            if (i % 3 == 0) {
                store.insert(other, StoredBundle{*b, "", created, false});
            } else {
                store.insert(account, StoredBundle{*b, i % 2 ? "acme" : "", created, false});
                bundles.push_back(*b);
            }
        }
        int days_checked = 0;
        for (date::sys_days d = day(2018, 1, 1); d <= day(2019, 6, 1); d += date::days{7}) {
            std::set<voip::Uuid> renew, lapsed;
            const auto totals = voip::sweep(bundles.begin(), bundles.end(), d, policy,
                                            [&](const voip::Bundle& b, voip::SweepAction a) {
                                                (a == voip::SweepAction::renew ? renew : lapsed).insert(b.uuid());
                                            });
            const auto r = voip::sweep_ranges(d, policy);
            REQUIRE(r.has_value());
            std::set<voip::Uuid> got_renew, got_lapsed;
            for (const auto& b : store.due_for_renewal(account, r->renew_first, r->renew_last)) got_renew.insert(b.bundle.uuid());
            for (const auto& b : store.lapsing(account, r->lapsed_before)) got_lapsed.insert(b.bundle.uuid());
            CHECK(got_renew == renew);
            CHECK(got_lapsed == lapsed);
            CHECK(totals.renew == renew.size());
            CHECK(totals.lapsed == lapsed.size());
            ++days_checked;
        }
        CHECK(days_checked == 74);
    }
}

TEST_CASE("a bundle marked lapsed leaves both queries, first_expiry reads the index's first entry") {
    Store store(":memory:");
    const auto account = store.ensure_account("r", "u", voip::Money{0}, day(2018, 8, 1));
    std::mt19937_64 gen(7);
    const auto b = voip::make_bundle(voip::make_uuid_v4(gen), voip::CreatedOn{day(2018, 8, 1)},
                                     voip::ExpiresOn{day(2018, 9, 1)}, voip::BundleType::business, voip::AutoRenew::on);
    REQUIRE(b.has_value());
    store.insert(account, StoredBundle{*b, "", day(2018, 8, 1), false});
    CHECK(store.first_expiry(account, true) == day(2018, 9, 1));
    CHECK(!store.first_expiry(account, false).has_value());
    CHECK(store.lapsing(account, day(2018, 9, 2)).size() == 1);
    store.update(account, StoredBundle{*b, "", day(2018, 8, 1), true});
    CHECK(store.lapsing(account, day(2018, 9, 2)).empty());
    CHECK(store.due_for_renewal(account, day(2018, 8, 1), day(2018, 12, 1)).empty());
    CHECK(!store.first_expiry(account, true).has_value());
}

// A clock move reads a day's bundles a few at a time (due_after from the last key taken,
// lapsing's first rows again once those are marked): the pieces are the whole list, in order.
TEST_CASE("due_after and lapsing with a limit read the sweep's order in pieces") {
    Store store(":memory:");
    const auto account = store.ensure_account("r", "u", voip::Money{0}, day(2018, 8, 1));
    std::mt19937_64 gen(11);
    for (int i = 0; i < 150; ++i) {
        const auto b = voip::make_bundle(voip::make_uuid_v4(gen), voip::CreatedOn{day(2018, 8, 1)},
                                         voip::ExpiresOn{day(2018, 9, 1) + date::days{i % 3}}, voip::BundleType::business,
                                         i % 4 ? voip::AutoRenew::on : voip::AutoRenew::off);
        REQUIRE(b.has_value());
        store.insert(account, StoredBundle{*b, i % 2 ? "acme" : "", day(2018, 8, 1), false});
    }
    const auto key = [](const StoredBundle& b) {
        return SweepKey{b.bundle.expires_on(), voip::to_string(b.bundle.uuid()), b.customer};
    };
    const auto text = [&key](const StoredBundle& b) {
        const SweepKey k = key(b);
        return std::to_string(k.expires_on.time_since_epoch().count()) + ' ' + k.uuid + ' ' + k.customer;
    };
    std::vector<std::string> whole, pieces;
    for (const auto& b : store.due_for_renewal(account, day(2018, 8, 25), day(2018, 9, 5))) whole.push_back(text(b));
    CHECK(std::is_sorted(whole.begin(), whole.end()));
    for (SweepKey after{day(2018, 8, 25), {}, {}};;) {
        const auto rows = store.due_after(account, after, day(2018, 9, 5), 7);
        for (const auto& b : rows) pieces.push_back(text(b));
        if (rows.size() < 7) break;
        after = key(rows.back());
    }
    CHECK(whole.size() == 112);
    CHECK(pieces == whole);

    std::vector<std::string> lapsed;
    for (;;) {
        const auto rows = store.lapsing(account, day(2018, 9, 10), 9);
        for (StoredBundle b : rows) {
            lapsed.push_back(text(b));
            b.lapsed = true;
            store.update(account, b);
        }
        if (rows.size() < 9) break;
    }
    CHECK(lapsed.size() == 150);
    CHECK(std::is_sorted(lapsed.begin(), lapsed.end()));
}

TEST_CASE("the sweep mark is kept with the clock and cleared by a reset") {
    Store store(":memory:");
    const auto account = store.ensure_account("r", "u", voip::Money{0}, day(2018, 8, 1));
    CHECK(!store.sweep_mark(account).has_value());
    store.set_progress(account, day(2018, 9, 1), SweepMark{day(2018, 9, 2), {day(2018, 9, 5), "a", "acme"}});
    CHECK(store.account(account).today == day(2018, 9, 1));
    const auto mark = store.sweep_mark(account);
    REQUIRE(mark.has_value());
    CHECK(mark->day == day(2018, 9, 2));
    CHECK(mark->after.expires_on == day(2018, 9, 5));
    CHECK(mark->after.uuid == "a");
    CHECK(mark->after.customer == "acme");
    store.reset(account);
    CHECK(!store.sweep_mark(account).has_value());
    store.set_progress(account, day(2018, 9, 3), std::nullopt);
    CHECK(!store.sweep_mark(account).has_value());
    CHECK(store.account(account).today == day(2018, 9, 3));
}
