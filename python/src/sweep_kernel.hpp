// SPDX-License-Identifier: MIT
#pragma once
// The library's column sweep over two columns, compiled apart in sweep_kernel.cpp at -O2
// (setup.py) so that its loops are vectorised like a C++ host's, while the bindings' own
// translation unit stays at -O1 to build quickly. Called with the GIL released.
#include <cstddef>

#include <voip/bundle.hpp>

namespace vb {

// voip::sweep_totals(expires_on, auto_renew, n, day, p).
voip::SweepTotals column_sweep_totals(const date::sys_days* expires_on, const bool* auto_renew, std::size_t n,
                                      date::sys_days day, const voip::RenewalPolicy& p) noexcept;

// out[i] = voip::sweep_action(ExpiresOn{expires_on[i]}, auto_renew[i], day, p).
void column_sweep_actions(const date::sys_days* expires_on, const bool* auto_renew, std::size_t n, date::sys_days day,
                          const voip::RenewalPolicy& p, unsigned char* out) noexcept;

}  // namespace vb
