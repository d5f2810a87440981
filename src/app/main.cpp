// Dongelek app entry point (web and desktop): parses the desktop flags (client/app_options), creates the ImGui
// context and the platform window, builds the App and hands its frame to the platform loop.

#include "app/app.hpp"
#include "client/app_options.hpp"
#include "platform/clipboard.hpp"
#include "platform/http.hpp"
#include "platform/window.hpp"
#include "ui/imgui_renderer.hpp"

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

// The App outlives main() on the web, where the browser keeps calling its frame.
std::unique_ptr<dongelek::App> g_app;

} // namespace

int main(int argc, char** argv)
{
    dongelek::StartOptions start;
    std::string message;
    switch (dongelek::parseStartOptions(std::vector<std::string>(argv + 1, argv + argc), start, message)) {
    case dongelek::StartOutcome::Help:
        std::fputs(dongelek::startHelpText().c_str(), stdout);
        return 0;
    case dongelek::StartOutcome::Error:
        std::fprintf(stderr, "dongelek: %s\n", message.c_str());
        return 2;
    case dongelek::StartOutcome::Run:
        break;
    }
    dongelek::AppOptions options;
    options.initialUrl = start.initialUrl;
    options.lang = start.lang;
    options.minFrames = start.minFrames;
    options.timeoutMs = start.timeoutMs;
    options.screenshotPng = start.screenshotPng;
    options.dumpStatePath = start.dumpStatePath;
    dongelek::platform::InitOptions window;
    window.width = start.width;
    window.height = start.height;
    dongelek::platform::setServerBase(start.server);
    dongelek::platform::setAssetDir(start.assets.empty() ? std::string(DONGELEK_ASSET_DIR) : start.assets);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // nothing to persist between runs
    std::string error;
    if (!dongelek::platform::init(window, &error)) {
        std::fprintf(stderr, "dongelek: %s\n", error.c_str());
        return 1;
    }
    dongelek::ui::initImGuiRenderer();
    dongelek::platform::installClipboard();
    // Start-up in steps, each a task of its own on the web (the GL context above, the font
    // atlas, its upload and the shaders, the app, its first frame), so no single task keeps
    // the page from answering for long.
    dongelek::platform::runSoon([options] {
        dongelek::App::buildFonts();
        dongelek::platform::runSoon([options] {
            dongelek::App::uploadFonts();
            dongelek::platform::runSoon([options] {
                g_app = std::make_unique<dongelek::App>(options);
                if (!dongelek::platform::run([] { return g_app->frame(); })) return; // web: the browser runs the loop
                g_app.reset();
                dongelek::ui::shutdownImGuiRenderer();
                dongelek::platform::shutdown();
                ImGui::DestroyContext();
            });
        });
    });
    return 0; // natively after the window closed; on the web at once, and the steps run after
}
