// voip-bundle's commands, one file each (operation, status, sweep, demo.cpp); each returns the exit code.
#pragma once
#include <voip/bundle.hpp>

#include "options.hpp"

namespace voip_cli {

// create, update, renew (quote: the same, never committing and without a funds check).
int run_operation(voip::Operation op, const Options& o, bool quote);

// State, renewal window, next expiry and features of one stored bundle.
int run_status(const Options& o);

// The daily auto-renew sweep over a store: one line per bundle needing action, a summary.
int run_sweep(const Options& o, bool check_duplicates);

// Every example of the seed page replayed; exit 1 if any answer differs from the seed's.
int run_demo();

}  // namespace voip_cli
