// Property tests (rapidcheck): the rules' invariants over random bundles, policies,
// prices, balances and days. A plain program rather than doctest (rapidcheck has no doctest
// adapter): every rc::check prints its property, seed and cases; the exit status is the
// verdict. Cases per property come from RC_PARAMS (default below); a failure prints the
// shrunk counterexample and an RC_PARAMS="reproduce=..." line to replay it.
// This file is the driver: the properties live one rule family a file (support.hpp lists
// them) and run here in a fixed order, so a seed gives the same cases from run to run.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "support.hpp"

namespace {

constexpr int default_cases = 1000;

int failures = 0;
int properties = 0;

}  // namespace

void props::record(bool held) {
    ++properties;
    if (!held) ++failures;
}

int main() {
    // The default number of cases per property, unless the caller chose (RC_PARAMS).
    if (std::getenv("RC_PARAMS") == nullptr) setenv("RC_PARAMS", ("max_success=" + std::to_string(default_cases)).c_str(), 1);
    const int cases = rc::detail::configuration().testParams.maxSuccess;

    using namespace props;
    generators_make_valid_values();
    renewal_in_window_moves_one_term();
    renewal_outside_window_refused();
    window_bounds();
    states_partition_days();
    anchor_never_drifts();
    update_keeps_dates_and_bounds_charge();
    quote_equals_command();
    create_starts_today();
    sweep_agrees_with_single_calls();
    sweep_forms_agree();
    envelope_text_round_trips();
    every_error_has_one_status();
    handlers_look_up_by_uuid();
    charge_in_last_term();
    charge_breakdown_totals();
    charge_equals_day_by_day_sum();
    funds_check_is_affordable();
    envelope_of_any_result();
    invalid_bundles_agree();
    feature_usable_in_service_and_type();
    uuid_v4_bits();
    invalid_inputs_typed_errors();
    equality_field_by_field();
    uuid_and_date_text_round_trip();
    off_chain_bundles_are_off_chain();
    off_chain_states_agree();
    off_chain_sweep_agrees();
    off_chain_renew_quote_agrees();

    std::printf("\n%d properties x %d cases = %d cases per run; %d failed\n", properties, cases, properties * cases, failures);
    return failures == 0 ? 0 : 1;
}
