#pragma once
// Shared inputs and the start-up checks of the benchmark binary. Every benchmark of the
// library has its peers in the same binary; inputs are the same arrays for all of them.
#include <cstddef>
#include <string>
#include <vector>

#include <date/date.h>

#include <voip/bundle.hpp>

namespace bench {

// How many distinct inputs each per-call benchmark cycles through: enough that the branch
// predictor cannot learn one input, few enough to stay in L1.
inline constexpr std::size_t ring = 256;

// "Today" of every benchmark: a fixed day, so runs are comparable.
inline constexpr date::sys_days today = date::sys_days{date::year{2026} / 11 / 27};

// `ring` days spread over 2000..2100 (a fixed LCG: the same in every run).
const std::vector<date::sys_days>& sample_days();
// The same days as "YYYY-MM-DD" text.
const std::vector<std::string>& sample_date_texts();
// `ring` random v4 UUIDs and their text, half of it upper case (the API accepts both).
const std::vector<voip::Uuid>& sample_uuids();
const std::vector<std::string>& sample_uuid_texts();

// The seed's create example: bundle 0fba8c48-99fc-4727-8ca7-c847376da415, type 1,
// auto-renew on, created 2018-08-01, expires 2018-09-01.
voip::Bundle seed_bundle();

// Start-up checks, each returns an empty string when fine, else what went wrong; main()
// refuses to time anything when one fails (a fast wrong answer is not a result).
std::string check_dates();
std::string check_uuids();
std::string check_envelopes();
std::string check_decoders();
std::string check_end_to_end();
std::string check_sweep();  // builds the 10-million store (~330 MB)

// Month arithmetic: over every day of 2000..2100, how often each peer's "+1 month"
// disagrees with the library's clamp rule; written to the JSON context by main().
struct Disagreements {
    long days = 0;             // days tried
    long date_clamp = 0;       // bare date-library clamp (must be 0: same rule)
    long boost = 0;            // boost::gregorian::date + months(1)
    long mktime = 0;           // std::tm with tm_mon + 1, normalised by mktime
    long chained_date = 0;     // the 12th renewal, chained from the old expiry, date clamp
    long chained_boost = 0;    // ... boost month add
    long chained_mktime = 0;   // ... mktime normalisation
};
Disagreements count_disagreements();

// Whether the strict decoder (voip/bundle_json.hpp) was compiled in.
bool have_strict_decoder();

}  // namespace bench
