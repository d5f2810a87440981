// Versioned schema migrations for the SQLite store: an ordered list of steps, each
// applied once in its own transaction and recorded in schema_migrations.
#pragma once

#include <vector>

namespace dongelek::server::sqlite {

class Connection;

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Every migration in order; versions are strictly increasing and never reused.
const std::vector<Migration>& migrations();

// Applies the pending migrations; idempotent. Returns the schema version afterwards.
int migrate(Connection& c);

} // namespace dongelek::server::sqlite
