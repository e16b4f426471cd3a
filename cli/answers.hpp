// voip-bundle's answers on standard output: checked writes, envelopes, quotes, --explain.
#pragma once
#include <string>
#include <string_view>

#include <voip/bundle.hpp>


namespace voip_cli {

// Standard output that cannot take the answer (a full disk, a closed pipe) is a failure:
// a script must not read exit 0 as "here is the envelope". `after` says what had already
// happened (a commit) so the one line tells the whole story.
void write_stdout(std::string_view text, const char* after = "");

// `text` and a newline, through write_stdout.
void print(const std::string& text, const char* after = "");

std::string envelope_text(const voip::Envelope& e, bool pretty);

// With --explain, the failed rule's name on standard error.
void explain(bool wanted, const voip::Result& r);

// A quote's answer: the envelope's result with the charge, the price list it used (the
// file, or null), the balance (or null) and, with a balance, whether it covers the charge.
std::string quote_text(voip::Operation op, const voip::Result& r, const voip::Context& c, const std::string& prices_file,
                       bool pretty);

// Without --prices nothing is charged: after a 2xx create, update or renew, one line on
// standard error says so (the envelope is the API's and takes no member of the command's).
void note_unpriced(const voip::Result& r, const voip::Context& c);

}  // namespace voip_cli
