// Versioned schema migrations for both engines: one ordered list of steps, each with its
// SQLite and its PostgreSQL SQL, applied once in its own transaction and recorded in
// schema_migrations.
#pragma once

#include <vector>

namespace dongelek::server::db {
class Connection;
class Database;
} // namespace dongelek::server::db

namespace dongelek::server::schema {

struct Migration {
    int version;
    const char* name;
    const char* sqlite;   // SQL for SQLite
    const char* postgres; // the same step for PostgreSQL
};

// Every migration in order; versions are strictly increasing and never reused. A
// released step is never edited: changes go into a new step, on both engines.
const std::vector<Migration>& migrations();

// Applies the pending migrations; idempotent, and safe when several processes start at
// once (SQLite: each step under BEGIN IMMEDIATE and re-checked inside; PostgreSQL: a
// session advisory lock around the whole run). Returns the schema version afterwards.
int migrate(db::Connection& c);
int migrate(db::Database& database);

} // namespace dongelek::server::schema
