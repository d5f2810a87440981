// Settings: flags win over DONGELEK_* variables, bad values name their flag or variable,
// and --help documents every option.

#include "server/config.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace dongelek::server;

namespace {
struct Env {
    std::map<std::string, std::string> vars;
    std::function<const char*(const char*)> fn() const
    {
        return [this](const char* name) -> const char* {
            auto it = vars.find(name);
            return it == vars.end() ? nullptr : it->second.c_str();
        };
    }
};

ConfigOutcome parse(const std::vector<std::string>& args, const Env& env, ServerConfig& c, std::string& msg)
{
    return parseConfig(args, env.fn(), c, msg);
}
} // namespace

TEST_CASE("defaults match the documented values", "[server][config]")
{
    ServerConfig c;
    std::string msg;
    REQUIRE(parse({}, Env{}, c, msg) == ConfigOutcome::Run);
    CHECK(c.listenAddress == "127.0.0.1");
    CHECK(c.port == 8080);
    CHECK(c.databasePath == "data/dongelek.sqlite");
    CHECK(c.demoSize == 5000);
    CHECK(c.demoSeed == 42);
    CHECK(c.webDir == "build/web/dist");
    CHECK(c.mediaDir == "data/media");
    CHECK(c.threads >= 1);
    CHECK(c.cacheEnabled);
}

TEST_CASE("flags override environment variables", "[server][config]")
{
    Env env{{{"DONGELEK_PORT", "9000"}, {"DONGELEK_DEMO_SIZE", "10"}, {"DONGELEK_DB", "sqlite:/tmp/x/a.db"}}};
    ServerConfig c;
    std::string msg;
    REQUIRE(parse({"--port", "9100", "--threads=3", "--no-cache"}, env, c, msg) == ConfigOutcome::Run);
    CHECK(c.port == 9100);
    CHECK(c.demoSize == 10);
    CHECK(c.databasePath == "/tmp/x/a.db");
    CHECK(c.mediaDir == "/tmp/x/media");
    CHECK(c.threads == 3);
    CHECK_FALSE(c.cacheEnabled);
}

TEST_CASE("bad values are refused naming the flag or variable", "[server][config]")
{
    ServerConfig c;
    std::string msg;
    CHECK(parse({"--port", "70000"}, Env{}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("--port") != std::string::npos);
    CHECK(parse({"--demo-size", "-1"}, Env{}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("--demo-size") != std::string::npos);
    CHECK(parse({"--threads"}, Env{}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("--threads") != std::string::npos);
    CHECK(parse({"--bogus"}, Env{}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("--bogus") != std::string::npos);
    CHECK(parse({}, Env{{{"DONGELEK_THREADS", "many"}}}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("DONGELEK_THREADS") != std::string::npos);
}

TEST_CASE("database URLs: sqlite forms accepted, PostgreSQL announced without echoing secrets", "[server][config]")
{
    DatabaseKind kind;
    std::string path, msg;
    CHECK(parseDatabaseUrl("sqlite:data/a.db", kind, path, msg));
    CHECK(path == "data/a.db");
    CHECK(parseDatabaseUrl("sqlite:///var/lib/a.db", kind, path, msg));
    CHECK(path == "/var/lib/a.db");
    CHECK(parseDatabaseUrl("plain/file.sqlite", kind, path, msg));
    CHECK(path == "plain/file.sqlite");
    CHECK_FALSE(parseDatabaseUrl("postgres://user:secret@db/x", kind, path, msg));
    CHECK(msg.find("PostgreSQL support arrives in a later release") != std::string::npos);
    CHECK(msg.find("secret") == std::string::npos);
    CHECK_FALSE(parseDatabaseUrl("mysql://db/x", kind, path, msg));
}

TEST_CASE("--help documents every flag and variable", "[server][config]")
{
    ServerConfig c;
    std::string msg;
    CHECK(parse({"--help"}, Env{}, c, msg) == ConfigOutcome::Help);
    const std::string help = helpText();
    for (const char* s :
         {"--listen", "DONGELEK_LISTEN", "--port", "DONGELEK_PORT", "--db", "DONGELEK_DB", "--demo-size",
          "DONGELEK_DEMO_SIZE", "--demo-seed", "DONGELEK_DEMO_SEED", "--web-dir", "DONGELEK_WEB_DIR", "--media-dir",
          "DONGELEK_MEDIA_DIR", "--threads", "DONGELEK_THREADS", "--no-cache", "--help"})
        CHECK(help.find(s) != std::string::npos);
}
