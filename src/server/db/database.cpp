// The engine-neutral parts of the database layer: the connection pool, the cached data
// version and write transactions. Engines live in sqlite.cpp and postgres.cpp.

#include "server/db/database.hpp"

#include <chrono>

namespace dongelek::server::db {

namespace {
// Same SQL on both engines (RETURNING: SQLite 3.35+, PostgreSQL).
constexpr const char* kBumpVersionSql = "UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version";
constexpr const char* kReadVersionSql = "SELECT version FROM data_version WHERE id = 1";

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

std::string_view toString(Engine engine)
{
    return engine == Engine::Postgres ? "postgresql" : "sqlite";
}

// [SECTION] Pool

Database::Database(Engine engine, std::string name, Opener open)
    : m_engine(engine), m_name(std::move(name)), m_open(std::move(open))
{
}

Database::Lease::~Lease()
{
    if (m_conn) m_database->release(std::move(m_conn));
}

Database::Lease Database::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto c = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(c));
        }
    }
    return Lease(*this, m_open());
}

void Database::release(std::unique_ptr<Connection> c)
{
    bool keep = false;
    try {
        keep = c->reusable();
    } catch (...) {
        // A connection that cannot even answer that is not worth keeping.
    }
    if (!keep) return; // closed here, outside the lock
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(c));
}

// [SECTION] Data version

void Database::raiseVersion(std::uint64_t version)
{
    std::uint64_t current = m_version.load(std::memory_order_acquire);
    while (version > current && !m_version.compare_exchange_weak(current, version, std::memory_order_acq_rel)) {
    }
}

std::uint64_t Database::refreshDataVersion()
{
    auto c = acquire();
    Statement& s = c->prepare(kReadVersionSql);
    const std::uint64_t v = s.step() ? static_cast<std::uint64_t>(s.columnInt64(0)) : 0;
    s.reset();
    raiseVersion(v);
    m_refreshedAtNs.store(nowNs(), std::memory_order_release);
    return m_version.load(std::memory_order_acquire);
}

std::uint64_t Database::dataVersion()
{
    const std::int64_t now = nowNs();
    if (now - m_refreshedAtNs.load(std::memory_order_acquire) < kDataVersionMaxAgeMs * 1'000'000)
        return m_version.load(std::memory_order_acquire);
    // One caller re-reads the table; the others keep answering from the cached value
    // meanwhile instead of queueing for connections.
    if (m_refreshing.exchange(true, std::memory_order_acq_rel)) return m_version.load(std::memory_order_acquire);
    try {
        refreshDataVersion();
    } catch (const StorageError&) {
        // No table yet (before migrations) or the database is unreachable: keep the
        // cached value and try again after the next interval, not on every request.
        m_refreshedAtNs.store(now, std::memory_order_release);
    }
    m_refreshing.store(false, std::memory_order_release);
    return m_version.load(std::memory_order_acquire);
}

void Database::noteCommittedVersion(std::uint64_t version)
{
    raiseVersion(version);
}

// [SECTION] Write transaction

WriteTransaction::WriteTransaction(Database::Lease& lease, Visibility visibility)
    : m_lease(lease), m_visibility(visibility)
{
    m_lease->begin();
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open) return;
    try {
        m_lease->rollback();
    } catch (...) {
        // The error that got us here is the one worth reporting; a connection that cannot
        // roll back reports itself as not reusable and leaves the pool.
    }
}

std::uint64_t WriteTransaction::commit()
{
    if (m_visibility == Visibility::Private) {
        m_lease->commit();
        m_open = false;
        return m_lease.database().dataVersion();
    }
    Statement& bump = m_lease->prepare(kBumpVersionSql);
    if (!bump.step()) throw StorageError("data_version has no row; the schema is not migrated");
    const auto version = static_cast<std::uint64_t>(bump.columnInt64(0));
    bump.reset();
    m_lease->commit();
    m_open = false;
    m_lease.database().noteCommittedVersion(version);
    return version;
}

} // namespace dongelek::server::db
