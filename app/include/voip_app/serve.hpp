// `voip-bundle serve`: what the command asks of the sandbox. Declared here, below both
// programs, and defined by server/ (serve.cpp), so the command reaches the sandbox through
// this layer and never includes a header of server/. A command built without the sandbox
// does not call it.
#pragma once
#include <string>

namespace voip_app {

struct ServeOptions {
    std::string listen = "127.0.0.1:8080";  // host:port; port 0 takes a free one (printed)
    std::string db;                         // empty: $XDG_STATE_HOME/voip-bundle/sandbox.db; ":memory:"
    std::string config;                     // empty: one generated account, printed
    std::string today;                      // a new account's first day; empty: today in UTC
    int threads = 4096;                     // connections open at once (past them: 503), and threads serving them at most
    int timeout_ms = 5000;                  // an idle connection, or a read or write stalled this long, is cut
    std::string credentials_file;           // written (JSON, mode 0600) once listening; empty: none
};

// The sandbox behind cpp-httplib on loopback. Runs until SIGINT or SIGTERM; returns the
// exit code (2 with one line on stderr for a bad option, configuration or database).
int serve(const ServeOptions& o);

}  // namespace voip_app
