// voip-bundle's answers on standard output: checked writes, envelope and quote texts, --explain.
#include "answers.hpp"

#include <cerrno>
#include <cstdio>
#include <iostream>

#include <voip/bundle_json.hpp>

#include <voip_app/lines.hpp>
#include <voip_app/result_members.hpp>

#include "failure.hpp"

namespace voip_cli {

using voip_app::add_bundle_members;
using voip_app::close_envelope;
using voip_app::JsonOut;
namespace lines = voip_app::lines;

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
    return voip::to_string(e, voip::WriteOptions{pretty ? voip::Layout::pretty : voip::Layout::compact});
}

void explain(bool wanted, const voip::Result& r) {
    if (wanted && !r) std::cerr << voip::name(r.error()) << '\n';
}

std::string quote_text(voip::Operation op, const voip::Result& r, const voip::Context& c, const std::string& prices_file,
                       bool pretty) {
    const voip::Envelope e = voip::make_envelope(op, r);
    if (!r) return envelope_text(e, pretty);
    JsonOut j(pretty);
    j.open_object().open_object(voip::schema::envelope[0].name);
    add_bundle_members(j, r->bundle);
    j.integer(lines::quote[0].name, r->charge.minor);
    if (c.prices()) j.any_text(lines::quote[1].name, prices_file);
    else j.null(lines::quote[1].name);
    if (c.balance()) {
        j.integer(lines::quote[2].name, c.balance()->minor);
        j.boolean(lines::quote[3].name, voip::affordable(r->charge, c));
    } else {
        j.null(lines::quote[2].name);
    }
    close_envelope(j, e.status());
    return j.text();
}

void note_unpriced(const voip::Result& r, const voip::Context& c) {
    if (r && !c.prices()) std::cerr << "voip-bundle: note: no --prices given: nothing was charged\n";
}

}  // namespace voip_cli
