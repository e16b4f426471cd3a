// SPDX-License-Identifier: MIT
// See sweep_kernel.hpp: the column sweep at -O2, calling the library and nothing else.
#include "sweep_kernel.hpp"

namespace vb {

voip::SweepTotals column_sweep_totals(const date::sys_days* expires_on, const bool* auto_renew, std::size_t n,
                                      date::sys_days day, const voip::RenewalPolicy& p) noexcept {
    return voip::sweep_totals(expires_on, auto_renew, n, day, p);
}

void column_sweep_actions(const date::sys_days* expires_on, const bool* auto_renew, std::size_t n, date::sys_days day,
                          const voip::RenewalPolicy& p, unsigned char* out) noexcept {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(voip::sweep_action(voip::ExpiresOn{expires_on[i]}, auto_renew[i], day, p));
}

}  // namespace vb
