// What the property files share: small day helpers, the chain of terms, and property(),
// which runs one rc::check and counts it for the driver (properties.cpp).
// The generators are the library's optional voip/bundle_rapidcheck.hpp (voip::gen and
// rc::Arbitrary); these files only combine them.
#pragma once

#include <voip/bundle.hpp>
#include <voip/bundle_rapidcheck.hpp>

#include <rapidcheck.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "../exhaustive/oracle.hpp"

namespace props {

using namespace voip;

inline int serial(date::sys_days d) { return d.time_since_epoch().count(); }
inline date::sys_days day(int s) { return date::sys_days{date::days{s}}; }

inline const int min_serial = serial(min_day);
inline const int max_serial = serial(max_day);

template <class T>
T arbitrary() {
    return *rc::gen::arbitrary<T>();
}

inline oracle::Ymd ymd(date::sys_days d) {
    const date::year_month_day t{d};
    return {static_cast<int>(t.year()), static_cast<int>(static_cast<unsigned>(t.month())),
            static_cast<int>(static_cast<unsigned>(t.day()))};
}

// The answer is the error `e` (never reads error() of a success).
template <class T>
bool fails_with(const tl::expected<T, Error>& r, Error e) {
    return !r.has_value() && r.error() == e;
}

// A bundle's chain of terms (rules.md 3): created_on, then add_term() from each boundary
// (anchored on created_on in clamp mode, chained in overflow mode) up to the first
// boundary at or after expires_on.
inline std::vector<date::sys_days> chain(const Bundle& b, const RenewalPolicy& p) {
    std::vector<date::sys_days> t{b.created_on()};
    while (t.back() < b.expires_on()) {
        const auto next = add_term(t.back(), CreatedOn{b.created_on()}, p);
        if (!next) break;
        t.push_back(*next);
    }
    return t;
}

// Counts a property and whether it held (properties.cpp prints the tally).
void record(bool held);

template <class Property>
void property(const char* description, Property&& p) {
    record(rc::check(description, std::forward<Property>(p)));
}

// The properties, one function each, in the order properties.cpp runs them.
void generators_make_valid_values();           // generators.cpp
void renewal_in_window_moves_one_term();       // renewal.cpp
void renewal_outside_window_refused();         // renewal.cpp
void window_bounds();                          // states.cpp
void states_partition_days();                  // states.cpp
void anchor_never_drifts();                    // renewal.cpp
void update_keeps_dates_and_bounds_charge();   // charges.cpp
void quote_equals_command();                   // commands.cpp
void create_starts_today();                    // commands.cpp
void sweep_agrees_with_single_calls();         // sweep.cpp
void sweep_forms_agree();                      // sweep.cpp
void envelope_text_round_trips();              // envelopes.cpp
void every_error_has_one_status();             // envelopes.cpp
void handlers_look_up_by_uuid();               // commands.cpp
void charge_in_last_term();                    // charges.cpp
void charge_breakdown_totals();                // charges.cpp
void charge_equals_day_by_day_sum();           // charges.cpp
void funds_check_is_affordable();              // commands.cpp
void envelope_of_any_result();                 // envelopes.cpp
void invalid_bundles_agree();                  // invalid.cpp
void feature_usable_in_service_and_type();     // states.cpp
void uuid_v4_bits();                           // values.cpp
void invalid_inputs_typed_errors();            // invalid.cpp
void equality_field_by_field();                // values.cpp
void uuid_and_date_text_round_trip();          // values.cpp
void off_chain_bundles_are_off_chain();        // off_chain.cpp
void off_chain_states_agree();                 // off_chain.cpp
void off_chain_sweep_agrees();                 // off_chain.cpp
void off_chain_renew_quote_agrees();           // off_chain.cpp

}  // namespace props
