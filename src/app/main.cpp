// Dongelek app entry point (web and desktop): parses the desktop flags, creates the ImGui
// context and the platform window, builds the App and hands its frame to the platform loop.

#include "app/app.hpp"
#include "platform/clipboard.hpp"
#include "platform/http.hpp"
#include "platform/window.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#ifndef DONGELEK_ASSET_DIR
#define DONGELEK_ASSET_DIR "assets"
#endif

namespace {

void usage()
{
    std::printf(
        "Usage: dongelek [options]\n"
        "  --server URL       API server (default http://localhost:8080)\n"
        "  --size WxH         window size in points (default 1280x800)\n"
        "  --url PATH         start at this route, e.g. /listing/42 or /?make=3\n"
        "  --lang CODE        en, ru or kk\n"
        "  --frames N         exit after N frames once content (and its photos) is shown, or at the timeout\n"
        "  --timeout SECONDS  give up waiting for content after this long (default 30)\n"
        "  --screenshot PNG   write the last frame as PNG before exiting (with --frames)\n"
        "  --dump-state FILE  write the test hook's state (plus \"items\") as JSON before exiting; - = stdout\n"
        "  --assets DIR       fonts and locales (default: the build's asset folder)\n");
}

// The App outlives main() on the web, where the browser keeps calling its frame.
std::unique_ptr<dongelek::App> g_app;

} // namespace

int main(int argc, char** argv)
{
    dongelek::AppOptions options;
    dongelek::platform::InitOptions window;
    std::string server = "http://localhost:8080";
    std::string assets = DONGELEK_ASSET_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else if (arg == "--server" && hasValue) server = argv[++i];
        else if (arg == "--size" && hasValue) {
            int w = 0, h = 0;
            if (std::sscanf(argv[++i], "%dx%d", &w, &h) == 2 && w > 0 && h > 0) {
                window.width = w;
                window.height = h;
            }
        } else if (arg == "--url" && hasValue) options.initialUrl = argv[++i];
        else if (arg == "--lang" && hasValue) options.lang = argv[++i];
        else if (arg == "--frames" && hasValue) options.minFrames = std::atoi(argv[++i]);
        else if (arg == "--timeout" && hasValue) options.timeoutMs = std::atof(argv[++i]) * 1000.0;
        else if (arg == "--screenshot" && hasValue) options.screenshotPng = argv[++i];
        else if (arg == "--dump-state" && hasValue) options.dumpStatePath = argv[++i];
        else if (arg == "--assets" && hasValue) assets = argv[++i];
        else {
            std::fprintf(stderr, "dongelek: unknown or incomplete option %s\n", arg.c_str());
            usage();
            return 2;
        }
    }
    if (!options.screenshotPng.empty() && options.minFrames <= 0) options.minFrames = 1;
    dongelek::platform::setServerBase(server);
    dongelek::platform::setAssetDir(assets);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // nothing to persist between runs
    std::string error;
    if (!dongelek::platform::init(window, &error)) {
        std::fprintf(stderr, "dongelek: %s\n", error.c_str());
        return 1;
    }
    dongelek::platform::installClipboard();
    g_app = std::make_unique<dongelek::App>(options);
    if (!dongelek::platform::run([] { return g_app->frame(); })) return 0; // web: the browser runs the loop

    g_app.reset();
    dongelek::platform::shutdown();
    ImGui::DestroyContext();
    return 0;
}
