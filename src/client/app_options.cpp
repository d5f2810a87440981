// The desktop app's flags: one table drives parsing and --help.

#include "client/app_options.hpp"

#include "core/cli.hpp"
#include "core/limits.hpp"

#include <cstdio>
#include <cstdlib>

namespace dongelek {

namespace {

std::string pathValue(const std::string& v, std::string& out, const char* what)
{
    if (v.empty()) return std::string("must be ") + what;
    out = v;
    return {};
}

const std::vector<cli::Option<StartOptions>>& options()
{
    static const std::vector<cli::Option<StartOptions>> table = {
        {"--server", nullptr, "URL", "API server (default http://localhost:8080)",
         [](const std::string& v, StartOptions& o) -> std::string {
             if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
                 return "must be an http:// or https:// address, e.g. http://localhost:8080";
             o.server = v;
             return {};
         }},
        {"--size", nullptr, "WxH", "window size in points (default 1280x800)",
         [](const std::string& v, StartOptions& o) -> std::string {
             int w = 0, h = 0;
             char rest = 0;
             if (std::sscanf(v.c_str(), "%dx%d%c", &w, &h, &rest) != 2 || w < 200 || h < 200 || w > 16384 ||
                 h > 16384)
                 return "must be WIDTHxHEIGHT from 200x200 to 16384x16384, e.g. 1280x800";
             o.width = w;
             o.height = h;
             return {};
         }},
        {"--url", nullptr, "PATH", "start at this address, e.g. /listing/42 or /?make=3",
         [](const std::string& v, StartOptions& o) -> std::string {
             if (v.empty() || v.front() != '/' || v.size() > limits::kQueryStringMaxBytes)
                 return "must be a site address starting with '/', e.g. /listing/42";
             o.initialUrl = v;
             return {};
         }},
        {"--lang", nullptr, "CODE", "en, ru or kk for this run (over ?lang= in --url, the remembered choice and $LANG)",
         [](const std::string& v, StartOptions& o) -> std::string {
             if (v != "en" && v != "ru" && v != "kk") return "must be en, ru or kk";
             o.lang = v;
             return {};
         }},
        {"--frames", nullptr, "N", "exit after N frames once content (and its photos) is shown, or at the timeout",
         [](const std::string& v, StartOptions& o) { return cli::parseIntIn(v, 1, 1'000'000, o.minFrames); }},
        {"--timeout", nullptr, "SECONDS", "give up waiting for content after this long (default 30)",
         [](const std::string& v, StartOptions& o) -> std::string {
             char* end = nullptr;
             const double s = std::strtod(v.c_str(), &end);
             if (v.empty() || end != v.c_str() + v.size() || !(s >= 0.1 && s <= 3600))
                 return "must be a number of seconds from 0.1 to 3600";
             o.timeoutMs = s * 1000.0;
             return {};
         }},
        {"--screenshot", nullptr, "PNG", "write the last frame as PNG before exiting (implies --frames 1)",
         [](const std::string& v, StartOptions& o) { return pathValue(v, o.screenshotPng, "a file path"); }},
        {"--dump-state", nullptr, "FILE", "write the test hook's state (plus \"items\") as JSON at exit; - = stdout",
         [](const std::string& v, StartOptions& o) { return pathValue(v, o.dumpStatePath, "a file path or -"); }},
        {"--assets", nullptr, "DIR", "fonts and locales (default: the build's asset folder)",
         [](const std::string& v, StartOptions& o) { return pathValue(v, o.assets, "a directory path"); }},
    };
    return table;
}

} // namespace

StartOutcome parseStartOptions(const std::vector<std::string>& args, StartOptions& out, std::string& message)
{
    switch (cli::parse(options(), args, nullptr, out, message)) {
    case cli::Outcome::Help: return StartOutcome::Help;
    case cli::Outcome::Error: return StartOutcome::Error;
    case cli::Outcome::Run: break;
    }
    if (!out.screenshotPng.empty() && out.minFrames <= 0) out.minFrames = 1;
    return StartOutcome::Run;
}

std::string startHelpText()
{
    return "Usage: dongelek [options]\n\nOptions:\n" + cli::optionsHelp(options()) +
           "\nExit codes: 0 closed normally, 1 no window could be opened, 2 bad options.\n";
}

} // namespace dongelek
