// What `voip-bundle serve` settles before it serves: the listening address, the database's
// place, the accounts and options, the banner and the credentials file.
#pragma once
#include <optional>
#include <string>

#include <tl/expected.hpp>
#include <voip_app/serve.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

struct Listen {
    std::string host;
    int port = 0;
};

// HOST:PORT ([::1]:PORT for IPv6), or none.
[[nodiscard]] std::optional<Listen> parse_listen(const std::string& text);

// --db as given, or the default: $XDG_STATE_HOME/voip-bundle/sandbox.db, else
// $HOME/.local/state/voip-bundle/sandbox.db (the folders made, mode 0700); or why not.
[[nodiscard]] tl::expected<std::string, std::string> database_path(const std::string& given);

struct Setup {
    Config config;
    SandboxOptions options;
};

// The accounts (--config, or one generated) and the sandbox's options, or why not.
[[nodiscard]] tl::expected<Setup, std::string> setup_of(const voip_app::ServeOptions& o, const std::string& db);

// The start-up lines: where it listens, then the generated account or how many were configured.
void print_banner(const voip_app::ServeOptions& o, const std::string& db, const std::string& url, Sandbox& s);

// http://HOST:PORT, brackets around an IPv6 host.
[[nodiscard]] std::string url_of(const Listen& l, int port);

// {"reseller", "user", "password", "url"} of the first account, written to a temporary file
// of mode 0600 beside `path`, synced and renamed over it: a reader sees all of it or nothing.
// Empty, or why it could not be written.
[[nodiscard]] std::string write_credentials(const std::string& path, const AccountConfig& a, const std::string& url);

}  // namespace voip_sandbox
