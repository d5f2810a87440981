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

TEST_CASE("database URLs: sqlite forms and PostgreSQL URLs, secrets never echoed", "[server][config]")
{
    DatabaseKind kind;
    std::string path, msg;
    CHECK(parseDatabaseUrl("sqlite:data/a.db", kind, path, msg));
    CHECK(kind == DatabaseKind::Sqlite);
    CHECK(path == "data/a.db");
    CHECK(parseDatabaseUrl("sqlite:///var/lib/a.db", kind, path, msg));
    CHECK(path == "/var/lib/a.db");
    CHECK(parseDatabaseUrl("plain/file.sqlite", kind, path, msg));
    CHECK(path == "plain/file.sqlite");

    CHECK(parseDatabaseUrl("postgres://user:secret@db/x", kind, path, msg));
    CHECK(kind == DatabaseKind::Postgres);
    CHECK(path == "postgres://user:secret@db/x"); // handed to libpq as is
    CHECK(parseDatabaseUrl("postgresql://dongelek@127.0.0.1:5432/dongelek?sslmode=disable", kind, path, msg));
    CHECK(kind == DatabaseKind::Postgres);

    msg.clear();
    CHECK_FALSE(parseDatabaseUrl("postgres:user:secret@db", kind, path, msg)); // no "//"
    CHECK(msg.find("postgresql://") != std::string::npos);
    CHECK(msg.find("secret") == std::string::npos);
    CHECK_FALSE(parseDatabaseUrl("postgresql://user:secret@db/x?nonsense_option=1", kind, path, msg));
    CHECK(msg.find("secret") == std::string::npos);
    CHECK_FALSE(parseDatabaseUrl("mysql://db/x", kind, path, msg));
    CHECK_FALSE(parseDatabaseUrl("sqlite:", kind, path, msg));
    CHECK_FALSE(parseDatabaseUrl("sqlite::memory:", kind, path, msg));
}

TEST_CASE("the database flag and DONGELEK_DB choose PostgreSQL, and photos then default to data/media",
          "[server][config]")
{
    ServerConfig c;
    std::string msg;
    REQUIRE(parse({"--db", "postgresql://app:pw@db.local:5433/market"}, Env{}, c, msg) == ConfigOutcome::Run);
    CHECK(c.databaseKind == DatabaseKind::Postgres);
    CHECK(c.databaseUrl == "postgresql://app:pw@db.local:5433/market");
    CHECK(c.databasePath == c.databaseUrl);
    CHECK(c.mediaDir == "data/media");

    REQUIRE(parse({}, Env{{{"DONGELEK_DB", "postgres://app@db/market"}}}, c, msg) == ConfigOutcome::Run);
    CHECK(c.databaseKind == DatabaseKind::Postgres);
    CHECK(c.mediaDir == "data/media");

    REQUIRE(parse({"--db", "postgres://app@db/market", "--media-dir", "/srv/media"}, Env{}, c, msg) ==
            ConfigOutcome::Run);
    CHECK(c.mediaDir == "/srv/media");

    // A flag wins over the variable, in both directions.
    REQUIRE(parse({"--db", "sqlite:x/y.db"}, Env{{{"DONGELEK_DB", "postgres://app@db/market"}}}, c, msg) ==
            ConfigOutcome::Run);
    CHECK(c.databaseKind == DatabaseKind::Sqlite);
    CHECK(c.mediaDir == "x/media");

    CHECK(parse({"--db", "postgres:app:topsecret@db"}, Env{}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("--db") != std::string::npos);
    CHECK(msg.find("topsecret") == std::string::npos);
    CHECK(parse({}, Env{{{"DONGELEK_DB", "postgresql://app:topsecret@db/x?bogus=1"}}}, c, msg) == ConfigOutcome::Error);
    CHECK(msg.find("DONGELEK_DB") != std::string::npos);
    CHECK(msg.find("topsecret") == std::string::npos);
}

// Named without a leading "--": Catch would read the name as its own option, and
// ctest's run of "--help ..." printed Catch's help and passed without running the case.
TEST_CASE("help documents every flag and variable", "[server][config]")
{
    ServerConfig c;
    std::string msg;
    CHECK(parse({"--help"}, Env{}, c, msg) == ConfigOutcome::Help);
    const std::string help = helpText();
    for (const char* s :
         {"--listen", "DONGELEK_LISTEN", "--port", "DONGELEK_PORT", "--db", "DONGELEK_DB", "--demo-size",
          "DONGELEK_DEMO_SIZE", "--demo-seed", "DONGELEK_DEMO_SEED", "--web-dir", "DONGELEK_WEB_DIR", "--media-dir",
          "DONGELEK_MEDIA_DIR", "--threads", "DONGELEK_THREADS", "--no-cache", "--help", "postgresql://"})
        CHECK(help.find(s) != std::string::npos);
}
