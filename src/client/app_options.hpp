// The app's command-line flags (the desktop build; the web app has none), from one table in
// the style of the server's settings (core/cli.hpp): a bad value names its flag.
#pragma once

#include <string>
#include <vector>

namespace dongelek {

struct StartOptions {
    std::string server = "http://localhost:8080";
    int width = 1280; // window size in points
    int height = 800;
    std::string initialUrl = "/";
    std::string lang;          // overrides ?lang=
    int minFrames = 0;         // > 0: exit after this many frames once the content is on screen
    double timeoutMs = 30000;  // ...or after this long, whatever is on screen
    std::string screenshotPng; // written from the last frame (implies --frames 1)
    std::string dumpStatePath; // the test hook's state + "items" as JSON at exit, "-" = stdout
    std::string assets;        // fonts and locales; "" = the build's asset folder
};

enum class StartOutcome { Run, Help, Error };

// Reads `args` (argv without the program name). On Error, `message` names the flag.
StartOutcome parseStartOptions(const std::vector<std::string>& args, StartOptions& out, std::string& message);
std::string startHelpText();

} // namespace dongelek
