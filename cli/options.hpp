// The options voip-bundle's subcommands share: filled by main.cpp's CLI11 wiring, read by the commands.
#pragma once
#include <string>

namespace voip_cli {

// The options the subcommands share; each subcommand registers the ones it takes.
struct Options {
    std::string today;      // empty: today in `zone`
    std::string zone;       // an IANA time zone name; empty: UTC
    std::string uuid;
    std::string store;
    std::string prices;
    std::string balance;
    std::string month_end;  // empty: not given (the store's header, else clamp)
    bool pretty = false;
    bool explain = false;
    bool commit = false;
};

}  // namespace voip_cli
