// voip-bundle's answers on standard output: checked writes, envelope and quote texts, --explain.
#include "answers.hpp"

#include <cerrno>
#include <cstdio>
#include <iostream>

#include <voip/bundle_json.hpp>

#include "failure.hpp"

namespace voip_cli {

void write_stdout(std::string_view text, const char* after) {
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    const int e = errno;
    if (!written || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        std::clearerr(stdout);
        throw Failure{"cannot write standard output: " + errno_text(written ? errno : e) + after};
    }
}

void print(const std::string& text, const char* after) { write_stdout(text + "\n", after); }

std::string envelope_text(const voip::Envelope& e, bool pretty) {
    return voip::to_string(e, voip::WriteOptions{pretty, false});
}

void explain(bool wanted, const voip::Result& r) {
    if (wanted && !r) std::cerr << voip::name(r.error()) << '\n';
}

void add_bundle_members(JsonOut& j, const voip::Bundle& b) {
    j.boolean("auto_renew", b.auto_renew)
        .integer("bundle_type", voip::code(b.bundle_type))
        .date("expires_on", b.expires_on)
        .string("uuid", voip::to_string(b.uuid))
        .date("created_on", b.created_on);
}

std::string quote_text(voip::Operation op, const voip::Result& r, const voip::Context& c, bool pretty) {
    const voip::Envelope e = voip::make_envelope(op, r);
    if (!r) return envelope_text(e, pretty);
    JsonOut j(pretty);
    j.open_object().open_object("result");
    add_bundle_members(j, r->bundle);
    j.integer("charge", r->charge.minor);
    if (c.balance) {
        j.integer("balance", c.balance->minor);
        j.boolean("affordable", !c.prices || r->charge <= *c.balance);
    }
    j.close_object()
        .integer("status_code", voip::code(e.status))
        .string("status_message", voip::status_message(e.status))
        .close_object();
    return j.text();
}

}  // namespace voip_cli
