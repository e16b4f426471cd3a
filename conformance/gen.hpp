// The conformance vectors' inputs, chosen by kind (gen_*.cpp); generate.cpp evaluates and
// writes them. Every input is made through the library's factories, so it is valid where
// the format says it is.
#pragma once
#include <string>
#include <vector>

#include "codec.hpp"

namespace voip_conformance {

struct Vector {
    std::string kind;
    std::string op;
    Json input;
};
using Vectors = std::vector<Vector>;

void gen_terms(Vectors& out);     // gen_terms.cpp: kind term
void gen_windows(Vectors& out);   // gen_terms.cpp: kinds window, feature, sweep
void gen_charges(Vectors& out);   // gen_charges.cpp: kind charge
void gen_calls(Vectors& out);     // gen_calls.cpp: kind call
void gen_decoding(Vectors& out);  // gen_wire.cpp: kinds decode, envelope
void gen_values(Vectors& out);    // gen_wire.cpp: kind value

// Helpers shared by the gen_*.cpp files.
date::sys_days ymd(int y, unsigned m, unsigned d);
date::sys_days plus(date::sys_days d, int days);
bool in_range(date::sys_days d);
voip::RenewalPolicy policy(voip::MonthEnd m, int term = 1, int before = 3, int after = 5);
// The seed's policy in both month-end modes, and four others (terms of 1, 3 and 12 months, windows 0..27 days).
std::vector<voip::RenewalPolicy> seed_policies();
std::vector<voip::RenewalPolicy> other_policies();
voip::PriceList seed_prices();
voip::Uuid uuid_n(int n);  // a fixed version 4 uuid per n
voip::Bundle bundle(int n, date::sys_days created, date::sys_days expires, int type, bool auto_renew);
// A bundle created on `created` and renewed `renewals` times under p (its expiry on the chain).
voip::Bundle chain_bundle(int n, date::sys_days created, int renewals, const voip::RenewalPolicy& p, int type = 2,
                          bool auto_renew = false);
Json context(date::sys_days today, const voip::RenewalPolicy& p, bool priced, std::optional<std::int64_t> balance);
// Request bodies that break each rule of the strict decoder, and a few odd ones it accepts
// (gen_wire.cpp); bytes, not always UTF-8.
std::vector<std::string> hostile_bodies();
// The days of an update of b under p: its creation, the first term's window and last day,
// the last term's first and last day, and its expiry (gen_charges.cpp).
std::vector<date::sys_days> update_days(const voip::Bundle& b, const voip::RenewalPolicy& p);
// The month ends of a year (and Feb 28 in a leap year, Jan 29 and 30, Mar 30): the days
// whose day of month a later month may lack.
std::vector<date::sys_days> month_end_days(int year);

}  // namespace voip_conformance
