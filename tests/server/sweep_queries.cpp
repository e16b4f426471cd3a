// The store's two range queries (voip::sweep_ranges' bounds on the index of expires_on) give
// exactly the bundles the library's in-memory sweep acts on, on random stores and days.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
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
