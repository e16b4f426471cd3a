// A policy is made by make_renewal_policy(): three bare ints side by side (which swap
// silently) do not compile.
#include <voip/bundle/renewal_policy.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::RenewalPolicy p{voip::MonthEnd::clamp, 3, 10, 20};
#else
    const voip::RenewalPolicy p =
        voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{3}, voip::DaysBefore{10}, voip::DaysAfter{20})
            .value();
#endif
    return p.term_months() == 3 ? 0 : 1;
}
