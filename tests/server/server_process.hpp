// Runs the real dongelek-server binary for API tests: a temporary database, media and
// web folder, a free port, startup wait on /api/v1/health, and a clean stop.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace dongelek::test {

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
    const std::filesystem::path& dir() const { return m_dir; }
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
    int m_port = 0;
    mutable pid_t m_pid = -1; // -1 once stopped or reaped
};

} // namespace dongelek::test
