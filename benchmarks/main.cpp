// The benchmark binary's entry: shared inputs, start-up checks (no timing of wrong
// answers), and the month-arithmetic disagreement counts written into the JSON context.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "common.hpp"

namespace bench {

const std::vector<date::sys_days>& sample_days() {
    static const auto v = [] {
        std::vector<date::sys_days> r;
        const date::sys_days first{date::year{2000} / 1 / 1};
        const date::sys_days last{date::year{2100} / 12 / 31};
        std::mt19937 gen(5);
        std::uniform_int_distribution<int> offset(0, (last - first).count());
        for (std::size_t i = 0; i < ring; ++i) r.push_back(first + date::days{offset(gen)});
        // Month ends are where the rules differ: make sure some are in the ring.
        r[0] = date::sys_days{date::year{2024} / 1 / 31};
        r[1] = date::sys_days{date::year{2023} / 1 / 31};
        r[2] = date::sys_days{date::year{2024} / 2 / 29};
        r[3] = date::sys_days{date::year{2023} / 8 / 31};
        return r;
    }();
    return v;
}

const std::vector<std::string>& sample_date_texts() {
    static const auto v = [] {
        std::vector<std::string> r;
        for (const auto d : sample_days()) r.push_back(voip::to_iso_string(d));
        return r;
    }();
    return v;
}

const std::vector<voip::Uuid>& sample_uuids() {
    static const auto v = [] {
        std::vector<voip::Uuid> r;
        std::mt19937_64 gen(7);
        for (std::size_t i = 0; i < ring; ++i) r.push_back(voip::make_uuid_v4(gen));
        return r;
    }();
    return v;
}

const std::vector<std::string>& sample_uuid_texts() {
    static const auto v = [] {
        std::vector<std::string> r;
        for (std::size_t i = 0; i < ring; ++i) {
            std::string s = voip::to_string(sample_uuids()[i]);
            if (i % 2 == 1)
                for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
            r.push_back(s);
        }
        return r;
    }();
    return v;
}

voip::Bundle seed_bundle() {
    return *voip::make_bundle(*voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"),
                              voip::CreatedOn{date::sys_days{date::year{2018} / 8 / 1}},
                              voip::ExpiresOn{date::sys_days{date::year{2018} / 9 / 1}}, voip::BundleType::business,
                              voip::AutoRenew::on);
}

}  // namespace bench

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    const std::pair<const char*, std::string (*)()> checks[] = {
        {"dates", bench::check_dates},         {"uuids", bench::check_uuids},
        {"envelopes", bench::check_envelopes}, {"decoders", bench::check_decoders},
        {"end_to_end", bench::check_end_to_end}, {"sweep", bench::check_sweep},
    };
    for (const auto& [what, check] : checks) {
        const std::string problem = check();
        if (!problem.empty()) {
            std::fprintf(stderr, "start-up check '%s' failed, nothing timed: %s\n", what, problem.c_str());
            return 1;
        }
    }

    const auto n = bench::count_disagreements();
    std::fprintf(stderr,
                 "month arithmetic, days 2000-01-01..2100-12-31 (%ld): first expiry differs from the library's "
                 "clamp rule on %ld days with the bare date clamp, %ld with Boost months, %ld with mktime; "
                 "after 12 chained renewals on %ld / %ld / %ld days\n",
                 n.days, n.date_clamp, n.boost, n.mktime, n.chained_date, n.chained_boost, n.chained_mktime);
    benchmark::AddCustomContext("month_days_tried", std::to_string(n.days));
    benchmark::AddCustomContext("month_disagree_date_clamp", std::to_string(n.date_clamp));
    benchmark::AddCustomContext("month_disagree_boost", std::to_string(n.boost));
    benchmark::AddCustomContext("month_disagree_mktime", std::to_string(n.mktime));
    benchmark::AddCustomContext("month_disagree_chained12_date_clamp", std::to_string(n.chained_date));
    benchmark::AddCustomContext("month_disagree_chained12_boost", std::to_string(n.chained_boost));
    benchmark::AddCustomContext("month_disagree_chained12_mktime", std::to_string(n.chained_mktime));
    benchmark::AddCustomContext("strict_decoder", bench::have_strict_decoder() ? "yes" : "no");
    benchmark::AddCustomContext("compiler", __VERSION__);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
