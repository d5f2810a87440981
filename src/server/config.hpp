// Server settings from command-line flags and DONGELEK_* environment variables.
// Flags win over the environment; every bad value is reported naming its flag or variable.
#pragma once

#include "server/db/open_database.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek::server {

using DatabaseKind = db::Engine;

struct ServerConfig {
    std::string listenAddress = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string databaseUrl = "data/dongelek.sqlite"; // as given; may hold a password: log redactDatabaseUrl()
    DatabaseKind databaseKind = DatabaseKind::Sqlite;
    std::string databasePath; // the SQLite file; for PostgreSQL the libpq URL (= databaseUrl)
    int demoSize = 5000;
    std::uint64_t demoSeed = 42;
    std::string webDir = "build/web/dist";
    std::string mediaDir; // default: <database dir>/media, data/media with PostgreSQL
    std::string localesDir = "locales"; // the page text: manifest.json and <lang>.json
    std::string tariffsDir; // tariffs/*.json and banks.json; default: the tariffs folder beside localesDir
    std::string publicOrigin; // "https://dongelek.kz" from --public-url; empty: each request's Host
    int threads = 0;      // 0 until parsed; then hardware concurrency unless set
    bool cacheEnabled = true;
    // Accounts (docs/accounts-api.md, docs/security.md).
    std::string smtpUrl;     // smtp://host:port; empty: mails go to mailOutbox
    std::string mailFrom = "Dongelek <noreply@dongelek.local>";
    std::string mailOutbox;  // default: <database dir>/outbox, data/outbox with PostgreSQL
    std::string smsGatewayUrl; // empty: SMS go to the outbox too
    std::string smsGatewayKey;
    std::string authLimits;    // accounts::parseAuthLimits syntax, checked at parse time
    int refreshReuseGraceSeconds = 10;
    std::vector<std::string> trustedProxies; // --trusted-proxy, repeatable or comma-separated
    std::string mailDir; // mail and SMS texts; default: <locales dir>/mail
};

enum class ConfigOutcome { Run, Help, Error };

// Reads `args` (argv without the program name) over the environment seen through
// `getEnv` (returns nullptr when unset). On Error, `message` names the flag or variable.
ConfigOutcome parseConfig(const std::vector<std::string>& args, const std::function<const char*(const char*)>& getEnv,
                          ServerConfig& out, std::string& message);

// --db values are resolved by db::parseDatabaseUrl (server/db/open_database.hpp): sqlite:PATH,
// sqlite://PATH or a plain path for SQLite, postgresql://... or postgres://... for PostgreSQL.
using db::parseDatabaseUrl;

std::string helpText();

} // namespace dongelek::server
