// Money: integer minor units, decimal text, sums and pro rata shares.
#include <voip/bundle.hpp>

#include <cstdint>
#include <iostream>
#include <limits>
#include <string>

int main() {
    using voip::Money;
    using voip::MinorDigits;
    std::cout << voip::to_decimal_string(Money{1234}) << ' '                   // cents, the default
              << voip::to_decimal_string(Money{1234}, MinorDigits{0}) << ' '   // no minor unit
              << voip::to_decimal_string(Money{1234}, MinorDigits{3}) << ' '   // mills
              << voip::to_decimal_string(Money{-5}) << ' '
              << voip::to_decimal_string(Money{0}) << ' '
              << voip::to_decimal_string(Money{7}, MinorDigits{4}) << '\n';
    std::cout << voip::to_decimal_string(voip::max_amount) << '\n';
    std::cout << voip::to_decimal_string(Money{std::numeric_limits<std::int64_t>::min()}) << '\n';

    // Into a buffer of max_decimal_size characters; no NUL is written.
    char buf[voip::max_decimal_size];
    char* end = voip::write_decimal(buf, Money{-123456}, MinorDigits{2});
    std::cout << std::string(buf, end) << " (" << (end - buf) << " characters)\n";

    // Sums, differences and comparisons; operator<< prints minor units.
    Money m{1500};
    m -= Money{900};
    std::cout << m << ' ' << (m + Money{58}) << ' ' << -m << ' ' << std::boolalpha << (m < Money{601}) << '\n';
    std::cout << "ok(-1): " << voip::ok(Money{-1}) << ", ok_balance(-1): " << voip::ok_balance(Money{-1}) << '\n';

    // amount x part / whole, rounded half up: 600 x 15 / 31 = 290.32; 1 x 1 / 2 = 0.5.
    std::cout << voip::pro_rata(Money{600}, 15, 31) << ' ' << voip::pro_rata(Money{1}, 1, 2) << ' '
              << voip::pro_rata(Money{600}, 40, 31) << ' ' << voip::pro_rata(Money{600}, 1, 0) << '\n';
}
