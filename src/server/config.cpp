// Server settings: one table of options (core/cli.hpp, as the app's flags) drives parsing,
// the environment fallback and --help, so a new setting cannot be added without being documented.

#include "server/config.hpp"

#include "server/features/accounts/abuse_counters.hpp"
#include "server/features/pages/site_origin.hpp"

#include "core/cli.hpp"

#include <filesystem>
#include <thread>

namespace dongelek::server {

namespace {

using cli::parseIntIn;
using Option = cli::Option<ServerConfig>;

const std::vector<Option>& options()
{
    static const std::vector<Option> table = {
        {"--listen", "DONGELEK_LISTEN", "ADDRESS", "address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty() || v.size() > 255) return "must be an IP address or host name";
             c.listenAddress = v;
             return {};
         }},
        {"--port", "DONGELEK_PORT", "PORT", "TCP port (default 8080)",
         [](const std::string& v, ServerConfig& c) { return parseIntIn<std::uint16_t>(v, 1, 65535, c.port); }},
        {"--db", "DONGELEK_DB", "URL",
         "database: sqlite:PATH or a file path (default data/dongelek.sqlite; parent folders are created), "
         "or postgresql://user@host:port/dbname for PostgreSQL",
         [](const std::string& v, ServerConfig& c) -> std::string {
             std::string message;
             if (!parseDatabaseUrl(v, c.databaseKind, c.databasePath, message)) return message;
             c.databaseUrl = v;
             return {};
         }},
        {"--demo-size", "DONGELEK_DEMO_SIZE", "N",
         "demo listings generated when the database has none (default 5000; 0 = none)",
         [](const std::string& v, ServerConfig& c) { return parseIntIn(v, 0, 1'000'000, c.demoSize); }},
        {"--demo-seed", "DONGELEK_DEMO_SEED", "N", "seed of the demo data generator (default 42)",
         [](const std::string& v, ServerConfig& c) { return parseIntIn<std::uint64_t>(v, 0, UINT64_MAX, c.demoSeed); }},
        {"--web-dir", "DONGELEK_WEB_DIR", "DIR",
         "staged web app (index.html + hashed files) served at / (default build/web/dist)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.webDir = v;
             return {};
         }},
        {"--media-dir", "DONGELEK_MEDIA_DIR", "DIR",
         "where rendered photos are stored (default <db dir>/media; data/media with PostgreSQL)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.mediaDir = v;
             return {};
         }},
        {"--locales-dir", "DONGELEK_LOCALES_DIR", "DIR",
         "locale files (manifest.json, en.json, ...) for the HTML pages (default locales)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.localesDir = v;
             return {};
         }},
        {"--tariffs-dir", "DONGELEK_TARIFFS_DIR", "DIR",
         "tariff and partner-bank files (kz_reference.json, ..., banks.json), checked at start and served to "
         "the app (default tariffs; with --locales-dir DIR, the tariffs folder beside DIR)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.tariffsDir = v;
             return {};
         }},
        {"--public-url", "DONGELEK_PUBLIC_URL", "URL",
         "the site's address in canonical links, link previews and sitemaps, e.g. https://dongelek.kz "
         "(default: http:// and each request's Host header, for development)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             std::string message;
             if (!pages::parsePublicUrl(v, c.publicOrigin, message)) return message;
             return {};
         }},
        {"--threads", "DONGELEK_THREADS", "N", "HTTP worker threads (default: number of CPU cores)",
         [](const std::string& v, ServerConfig& c) { return parseIntIn(v, 1, 256, c.threads); }},
        {"--no-cache", "DONGELEK_NO_CACHE", nullptr,
         "turn off the in-memory response cache (for benchmarks); the variable takes 1 or 0",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v == "1" || v == "true")
                 c.cacheEnabled = false;
             else if (v == "0" || v == "false")
                 c.cacheEnabled = true;
             else
                 return "must be 1 or 0";
             return {};
         }},
        {"--smtp-url", "DONGELEK_SMTP_URL", "URL",
         "send mail through this SMTP server: smtp://[user:password@]host:port or smtps://... "
         "(default: none, mails are written to the outbox folder and named in the log)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.rfind("smtp://", 0) != 0 && v.rfind("smtps://", 0) != 0) return "must start with smtp:// or smtps://";
             c.smtpUrl = v;
             return {};
         }},
        {"--mail-from", "DONGELEK_MAIL_FROM", "ADDRESS",
         "the From of every mail (default \"Dongelek <noreply@dongelek.local>\")",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.find('@') == std::string::npos || v.find_first_of("\r\n") != std::string::npos)
                 return "must be an email address";
             c.mailFrom = v;
             return {};
         }},
        {"--mail-outbox", "DONGELEK_MAIL_OUTBOX", "DIR",
         "where mails (.eml) and SMS (.sms.txt) go without --smtp-url / --sms-gateway-url "
         "(default <db dir>/outbox; data/outbox with PostgreSQL)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.mailOutbox = v;
             return {};
         }},
        {"--sms-gateway-url", "DONGELEK_SMS_GATEWAY_URL", "URL",
         "send SMS by POSTing {\"to\",\"text\"} JSON to this HTTP gateway (default: the outbox folder)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) return "must start with http:// or https://";
             c.smsGatewayUrl = v;
             return {};
         }},
        {"--sms-gateway-key", "DONGELEK_SMS_GATEWAY_KEY", "KEY",
         "the gateway's API key, sent as Authorization: Bearer (prefer the variable: flags show in ps)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty() || v.find_first_of("\r\n") != std::string::npos) return "must be one line of text";
             c.smsGatewayKey = v;
             return {};
         }},
        {"--auth-limits", "DONGELEK_AUTH_LIMITS", "LIST",
         "rate limits and lockouts, e.g. signin_ip=30/300,register_ip=10/3600,lock_after=10,lock_seconds=900 "
         "(see docs/security.md for every name and its default)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             accounts::AuthLimits probe;
             std::string error = accounts::parseAuthLimits(v, probe);
             if (!error.empty()) return error;
             c.authLimits = v;
             return {};
         }},
        {"--refresh-reuse-grace", "DONGELEK_REFRESH_REUSE_GRACE", "SECONDS",
         "how long an already rotated refresh token is still accepted, for two tabs refreshing at once "
         "(default 10; 0 = never)",
         [](const std::string& v, ServerConfig& c) { return parseIntIn(v, 0, 300, c.refreshReuseGraceSeconds); }},
        {"--trusted-proxy", "DONGELEK_TRUSTED_PROXY", "ADDRESSES",
         "the reverse proxy's IP addresses (comma-separated): requests from them are counted for the client "
         "address their X-Forwarded-For ends with (limits, sessions, the audit log). Default: none",
         [](const std::string& v, ServerConfig& c) -> std::string {
             c.trustedProxies.clear();
             std::size_t at = 0;
             while (at <= v.size()) {
                 const std::size_t comma = v.find(',', at);
                 const std::string a = v.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
                 if (a.empty() || a.size() > 45 || a.find_first_not_of("0123456789abcdefABCDEF.:") != std::string::npos)
                     return "must be IP addresses separated by commas, e.g. 127.0.0.1,::1";
                 c.trustedProxies.push_back(a);
                 if (comma == std::string::npos) break;
                 at = comma + 1;
             }
             return {};
         }},
        {"--mail-texts", "DONGELEK_MAIL_TEXTS", "DIR", "mail and SMS texts per language (default: the mail folder of --locales-dir)",
         [](const std::string& v, ServerConfig& c) -> std::string {
             if (v.empty()) return "must be a directory path";
             c.mailDir = v;
             return {};
         }},
    };
    return table;
}

} // namespace

// [SECTION] Parsing

ConfigOutcome parseConfig(const std::vector<std::string>& args, const std::function<const char*(const char*)>& getEnv,
                          ServerConfig& out, std::string& message)
{
    out = ServerConfig{};
    parseDatabaseUrl(out.databaseUrl, out.databaseKind, out.databasePath, message);

    switch (cli::parse(options(), args, getEnv, out, message)) {
    case cli::Outcome::Help: return ConfigOutcome::Help;
    case cli::Outcome::Error: return ConfigOutcome::Error;
    case cli::Outcome::Run: break;
    }

    if (out.threads == 0) out.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (out.mediaDir.empty() && out.databaseKind == DatabaseKind::Postgres) out.mediaDir = "data/media";
    if (out.mediaDir.empty()) {
        const std::filesystem::path parent = std::filesystem::path(out.databasePath).parent_path();
        out.mediaDir = (parent.empty() ? std::filesystem::path("media") : parent / "media").string();
    }
    if (out.mailDir.empty()) out.mailDir = (std::filesystem::path(out.localesDir) / "mail").string();
    if (out.tariffsDir.empty()) {
        // Beside the locales, as in the repository: "locales" gives "tariffs", /srv/x/locales/ /srv/x/tariffs.
        std::string locales = out.localesDir;
        while (locales.size() > 1 && locales.back() == '/')
            locales.pop_back();
        const std::filesystem::path parent = std::filesystem::path(locales).parent_path();
        out.tariffsDir = (parent.empty() ? std::filesystem::path("tariffs") : parent / "tariffs").string();
    }
    if (out.mailOutbox.empty() && out.databaseKind == DatabaseKind::Postgres) out.mailOutbox = "data/outbox";
    if (out.mailOutbox.empty()) {
        const std::filesystem::path parent = std::filesystem::path(out.databasePath).parent_path();
        out.mailOutbox = (parent.empty() ? std::filesystem::path("outbox") : parent / "outbox").string();
    }
    return ConfigOutcome::Run;
}

std::string helpText()
{
    return "dongelek-server " DONGELEK_VERSION " - the Dongelek car marketplace API and web server\n\n"
           "Usage: dongelek-server [options]\n"
           "       dongelek-server admin create --email EMAIL --name NAME [options]\n"
           "         (makes an admin account; the password is read from the first line of standard input)\n\n"
           "Options (a flag wins over its environment variable):\n" +
           cli::optionsHelp(options()) + "\nExit codes: 0 stopped normally, 1 startup failure, 2 bad settings.\n";
}

} // namespace dongelek::server
