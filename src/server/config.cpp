// Server settings: one table of options drives parsing, the environment fallback and
// --help, so a new setting cannot be added without being documented.

#include "server/config.hpp"

#include <charconv>
#include <filesystem>
#include <thread>

namespace dongelek::server {

namespace {

// [SECTION] Value parsers (each returns an error text, empty on success)

template <typename Int> std::string parseIntIn(const std::string& text, Int lo, Int hi, Int& out)
{
    Int value{};
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty() || value < lo || value > hi)
        return "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    out = value;
    return {};
}

struct Option {
    const char* flag;  // "--port"
    const char* env;   // "DONGELEK_PORT", nullptr when the option has no variable
    const char* value; // value placeholder for --help, nullptr for a switch
    const char* help;
    std::function<std::string(const std::string& value, ServerConfig&)> apply;
};

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

    // Environment first, so flags applied afterwards win.
    for (const Option& o : options()) {
        if (!o.env) continue;
        const char* v = getEnv(o.env);
        if (!v) continue;
        if (std::string err = o.apply(v, out); !err.empty()) {
            message = std::string(o.env) + " " + err;
            return ConfigOutcome::Error;
        }
    }

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") return ConfigOutcome::Help;
        std::string name = arg, value;
        bool hasValue = false;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            hasValue = true;
        }
        const Option* option = nullptr;
        for (const Option& o : options())
            if (name == o.flag) option = &o;
        if (!option) {
            message = "unknown option '" + name + "' (see --help)";
            return ConfigOutcome::Error;
        }
        if (!option->value) {
            if (hasValue) {
                message = name + " takes no value";
                return ConfigOutcome::Error;
            }
            value = "1";
        } else if (!hasValue) {
            if (i + 1 >= args.size()) {
                message = name + " needs a value: " + name + " " + option->value;
                return ConfigOutcome::Error;
            }
            value = args[++i];
        }
        if (std::string err = option->apply(value, out); !err.empty()) {
            message = name + " " + err;
            return ConfigOutcome::Error;
        }
    }

    if (out.threads == 0) out.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (out.mediaDir.empty() && out.databaseKind == DatabaseKind::Postgres) out.mediaDir = "data/media";
    if (out.mediaDir.empty()) {
        const std::filesystem::path parent = std::filesystem::path(out.databasePath).parent_path();
        out.mediaDir = (parent.empty() ? std::filesystem::path("media") : parent / "media").string();
    }
    return ConfigOutcome::Run;
}

std::string helpText()
{
    std::string s = "dongelek-server " DONGELEK_VERSION " - the Dongelek car marketplace API and web server\n\n"
                    "Usage: dongelek-server [options]\n\n"
                    "Options (a flag wins over its environment variable):\n";
    for (const Option& o : options()) {
        std::string left = std::string("  ") + o.flag + (o.value ? std::string(" ") + o.value : "");
        if (left.size() < 22) left.resize(22, ' ');
        s += left + " " + o.help + "\n";
        if (o.env) s += std::string(23, ' ') + "env: " + o.env + "\n";
    }
    std::string help = "  --help";
    help.resize(22, ' ');
    s += help + " show this text\n\n"
                "Exit codes: 0 stopped normally, 1 startup failure, 2 bad settings.\n";
    return s;
}

} // namespace dongelek::server
