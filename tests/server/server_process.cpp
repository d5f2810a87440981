// Process control for the API tests (POSIX: fork/exec, kill, waitpid). The server's
// stderr goes to a file in the temporary folder so a failing test can show it.

#include "server_process.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace dongelek::test {

namespace fs = std::filesystem;

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

namespace {
void writeFile(const fs::path& p, const std::string& body)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << body;
}
} // namespace

ServerProcess::ServerProcess(ServerOptions options) : m_options(std::move(options))
{
    m_dir = fs::temp_directory_path() / ("dk-api-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_database = std::make_unique<TestDatabase>(m_dir);
    if (m_options.withWebApp) {
        std::string filler;
        for (int i = 0; i < 200; ++i)
            filler += "function f" + std::to_string(i) + "() { return " + std::to_string(i) + "; }\n";
        // The shape of the real template: the placeholders the pages fill, the canvas, the boot script.
        writeFile(m_dir / "web/index.html",
                  "<!doctype html><html lang=\"{{LANG}}\"><head><meta charset=\"utf-8\"><title>{{TITLE}}</title>\n"
                  "{{HEAD}}</head><body><canvas id=\"canvas\"></canvas><div id=\"page-content\">{{CONTENT}}</div>"
                  "<script src=\"app.3f2a9c1b.js\"></script></body></html>\n" +
                      std::string(400, ' '));
        writeFile(m_dir / "web/app.3f2a9c1b.js", filler);
        writeFile(m_dir / "web/app.3f2a9c1b.wasm", std::string("\0asm\1\0\0\0", 8) + std::string(3000, '\0'));
        writeFile(m_dir / "web/app.3f2a9c1b.data", std::string(2000, 'd'));
        writeFile(m_dir / "web/fonts/NotoSans.ttf", std::string(1500, 'f'));
        writeFile(m_dir / "web/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        writeFile(m_dir / "web/locales/en.json", "{\"app.title\": \"Dongelek\"}");
    }
    start();
}

ServerProcess::~ServerProcess()
{
    stop();
    m_database.reset(); // after the server has let go of it
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

void ServerProcess::start()
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        std::vector<std::string> args = {DONGELEK_SERVER_BINARY,
                                         "--port",
                                         std::to_string(m_port),
                                         "--db",
                                         m_database->url(),
                                         "--demo-size",
                                         std::to_string(m_options.demoSize),
                                         "--media-dir",
                                         (m_dir / "media").string(),
                                         "--web-dir",
                                         (m_dir / (m_options.withWebApp ? "web" : "no-web")).string(),
                                         "--locales-dir",
                                         DONGELEK_LOCALES_DIR,
                                         "--mail-outbox",
                                         (m_dir / "outbox").string(),
                                         "--threads",
                                         "2"};
        if (!m_options.cache) args.push_back("--no-cache");
        for (const auto& a : m_options.extraArgs)
            args.push_back(a);
        const std::string logPath = (m_dir / "server.log").string();

        m_pid = ::fork();
        if (m_pid == 0) {
            const int fd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            ::dup2(fd, 2);
            std::vector<char*> argv;
            for (auto& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        httplib::Client cli("127.0.0.1", m_port);
        cli.set_connection_timeout(0, 200'000);
        for (int i = 0; i < 600; ++i) { // up to ~60 s (demo generation and the search index included)
            if (auto r = cli.Get("/api/v1/health"); r && r->status == 200) return;
            if (!alive()) break; // e.g. the port was taken meanwhile: try another
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        stop();
    }
    throw std::runtime_error("dongelek-server did not start; its log:\n" + log());
}

bool ServerProcess::alive() const
{
    if (m_pid <= 0) return false;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == 0) return true;
    m_pid = -1; // reaped: never signal this pid again
    return false;
}

std::string ServerProcess::log() const
{
    std::ifstream in(m_dir / "server.log");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int ServerProcess::stop()
{
    if (m_pid <= 0) return -1;
    ::kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return -1;
}

void ServerProcess::restart()
{
    stop();
    start();
}

} // namespace dongelek::test
