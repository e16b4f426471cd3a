// Money: integer minor units, decimal text, sums and pro rata shares.
#include <voip/bundle.hpp>

#include <cstdint>
#include <iostream>
#include <limits>
#include <string>

int main() {
    using voip::Money;
    using voip::MinorDigits;
    const auto show = [](const auto& r) {
        if (r) std::cout << *r;
        else std::cout << r.error();
    };
    using voip::minor_digits;
    std::cout << voip::to_decimal_string(Money{1234}) << ' '                    // cents, the default
              << voip::to_decimal_string(Money{1234}, minor_digits<0>) << ' '   // no minor unit
              << voip::to_decimal_string(Money{1234}, minor_digits<3>) << ' '   // mills
              << voip::to_decimal_string(Money{-5}) << ' '
              << voip::to_decimal_string(Money{0}) << ' '
              << voip::to_decimal_string(Money{7}, minor_digits<4>) << '\n';
    // A count read at run time is checked: [0, 18].
    const auto read = voip::make_minor_digits(19);
    std::cout << "make_minor_digits(19): " << (read ? "ok" : voip::name(read.error())) << '\n';
    std::cout << voip::to_decimal_string(voip::max_amount) << '\n';
    std::cout << voip::to_decimal_string(Money{std::numeric_limits<std::int64_t>::min()}) << '\n';

    // Into a buffer of max_decimal_size characters; no NUL is written.
    char buf[voip::max_decimal_size];
    char* end = voip::write_decimal(buf, Money{-123456}, MinorDigits{});
    std::cout << std::string(buf, end) << " (" << (end - buf) << " characters)\n";

    // Sums and differences are checked (never wrap); operator<< prints minor units.
    const Money m = voip::subtract(Money{1500}, Money{900}).value();
    std::cout << m << ' ';
    show(voip::add(m, Money{58}));
    std::cout << ' ';
    show(voip::subtract(Money{0}, m));
    std::cout << ' ';
    show(voip::add(voip::max_amount, Money{1}));
    std::cout << ' ' << std::boolalpha << (m < Money{601}) << '\n';
    std::cout << "ok(-1): " << voip::ok(Money{-1}) << ", ok_balance(-1): " << voip::ok_balance(Money{-1}) << '\n';

    // amount x part / whole, rounded half up: 600 x 15 / 31 = 290.32; 1 x 1 / 2 = 0.5.
    // A part beyond the whole or a whole of 0 days is an error, not a number.
    const char* separator = "";
    for (const auto& r : {voip::pro_rata(Money{600}, 15, 31), voip::pro_rata(Money{1}, 1, 2),
                          voip::pro_rata(Money{600}, 40, 31), voip::pro_rata(Money{600}, 1, 0)}) {
        std::cout << separator;
        show(r);
        separator = " ";
    }
    std::cout << '\n';
}
