// From a --db value to an open Database: "sqlite:PATH", "sqlite://PATH" or a plain path
// open the embedded SQLite file; "postgresql://..." or "postgres://..." a PostgreSQL server.
#pragma once

#include "server/db/database.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace dongelek::server::db {

// Resolves `url` to an engine and what it opens (the SQLite file path, or the libpq URL).
// Returns false with a message for anything else; the message never repeats a password.
bool parseDatabaseUrl(const std::string& url, Engine& engine, std::string& location, std::string& message);

// `url` safe to log: a PostgreSQL URL with its password replaced by "***"; a path as is.
std::string redactDatabaseUrl(std::string_view url);

// Opens the database (no migrations: see schema/migrations.hpp). Throws StorageError.
std::unique_ptr<Database> openDatabase(Engine engine, const std::string& location);
std::unique_ptr<Database> openDatabase(const std::string& url);

} // namespace dongelek::server::db
