// Runs the real dongelek-server binary for API tests: a fresh database on the engine the
// run targets (DONGELEK_TEST_DB), temporary media and web folders, a free port, startup
// wait on /api/v1/health, and a clean stop.
#pragma once

#include "test_database.hpp"

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dongelek::test {

// A TCP port on 127.0.0.1 that was free a moment ago (for servers the tests start).
int freePort();

struct ServerOptions {
    int demoSize = 400;
    bool withWebApp = true; // a temporary web dir with index.html and hashed files
    bool cache = true;
    std::vector<std::string> extraArgs;
};

class ServerProcess {
public:
    explicit ServerProcess(ServerOptions options = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return m_port; }
    // The --db the server runs on: a SQLite file in dir(), or a PostgreSQL database of its
    // own on the test cluster (dropped by the destructor).
    const std::string& databaseUrl() const { return m_database->url(); }
    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path outbox() const { return m_dir / "outbox"; } // mails and SMS without SMTP / a gateway
    bool alive() const;      // the process still runs
    std::string log() const; // everything it wrote to stderr

    // Stops with SIGTERM and waits; returns the exit status (or -1).
    int stop();
    // Starts again on the same database (for restart tests).
    void restart();

private:
    void start();

    ServerOptions m_options;
    std::filesystem::path m_dir;
    std::unique_ptr<TestDatabase> m_database;
    int m_port = 0;
    mutable pid_t m_pid = -1; // -1 once stopped or reaped
};

} // namespace dongelek::test
