// The --db URL forms, in one place for the config parser, main and the tests. PostgreSQL
// URLs are checked with libpq's own parser, so a typo fails at start-up naming --db.

#include "server/db/open_database.hpp"

#include "server/db/postgres.hpp"
#include "server/db/sqlite.hpp"

#include <libpq-fe.h>

namespace dongelek::server::db {

namespace {
bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}
bool isPostgresUrl(std::string_view url)
{
    return startsWith(url, "postgresql://") || startsWith(url, "postgres://");
}
} // namespace

bool parseDatabaseUrl(const std::string& url, Engine& engine, std::string& location, std::string& message)
{
    if (isPostgresUrl(url)) {
        char* error = nullptr;
        PQconninfoOption* opts = PQconninfoParse(url.c_str(), &error);
        if (!opts) {
            // libpq's message quotes the offending part, which may be the password:
            // keep only our own words.
            PQfreemem(error);
            message = "is not a valid PostgreSQL URL; expected postgresql://user@host:port/dbname";
            return false;
        }
        PQconninfoFree(opts);
        engine = Engine::Postgres;
        location = url;
        return true;
    }
    if (startsWith(url, "postgres:") || startsWith(url, "postgresql:")) {
        message = "PostgreSQL URLs start with postgresql:// (postgresql://user@host:port/dbname)";
        return false;
    }
    std::string p = url;
    if (startsWith(url, "sqlite:")) {
        p = url.substr(7);
        if (p.rfind("//", 0) == 0) p = p.substr(2); // sqlite:///abs/path and sqlite://rel/path
    } else if (const auto scheme = url.find("://"); scheme != std::string::npos) {
        message = "unsupported database scheme '" + url.substr(0, scheme) +
                  "'; use sqlite:PATH or postgresql://user@host:port/dbname";
        return false;
    }
    if (p.empty()) {
        message = "must name a database file, e.g. sqlite:data/dongelek.sqlite";
        return false;
    }
    if (p == ":memory:") {
        // Each worker has its own connection, and in-memory databases are per connection.
        message = "in-memory databases are not supported; give a file path";
        return false;
    }
    engine = Engine::Sqlite;
    location = p;
    return true;
}

std::string redactDatabaseUrl(std::string_view url)
{
    return isPostgresUrl(url) ? postgres::redactUrl(url) : std::string(url);
}

std::unique_ptr<Database> openDatabase(Engine engine, const std::string& location)
{
    return engine == Engine::Postgres ? postgres::openDatabase(location) : sqlite::openDatabase(location);
}

std::unique_ptr<Database> openDatabase(const std::string& url)
{
    Engine engine = Engine::Sqlite;
    std::string location, message;
    if (!parseDatabaseUrl(url, engine, location, message))
        throw StorageError("the database URL " + message); // not echoed: it may hold a password
    return openDatabase(engine, location);
}

} // namespace dongelek::server::db
