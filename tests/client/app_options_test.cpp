// The desktop app's flags: defaults, both spellings, and a bad value names its flag (exit 2).
#include "client/app_options.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

namespace {
StartOutcome parse(const std::vector<std::string>& args, StartOptions& o, std::string& msg)
{
    return parseStartOptions(args, o, msg);
}
} // namespace

TEST_CASE("app flags: defaults and both spellings", "[client][options]")
{
    StartOptions o;
    std::string msg;
    REQUIRE(parse({}, o, msg) == StartOutcome::Run);
    CHECK(o.server == "http://localhost:8080");
    CHECK(o.width == 1280);
    CHECK(o.height == 800);
    CHECK(o.initialUrl == "/");
    CHECK(o.minFrames == 0);

    REQUIRE(parse({"--server", "http://127.0.0.1:9000", "--size=390x844", "--url", "/listing/42", "--lang", "kk",
                   "--frames", "60", "--timeout", "2.5", "--dump-state", "-"},
                  o, msg) == StartOutcome::Run);
    CHECK(o.server == "http://127.0.0.1:9000");
    CHECK(o.width == 390);
    CHECK(o.height == 844);
    CHECK(o.initialUrl == "/listing/42");
    CHECK(o.lang == "kk");
    CHECK(o.minFrames == 60);
    CHECK(o.timeoutMs == 2500);
    CHECK(o.dumpStatePath == "-");

    StartOptions shot;
    REQUIRE(parse({"--screenshot", "out.png"}, shot, msg) == StartOutcome::Run);
    CHECK(shot.minFrames == 1); // a screenshot needs a last frame
    CHECK(parse({"--help"}, shot, msg) == StartOutcome::Help);
}

TEST_CASE("app flags: every bad value names its flag", "[client][options]")
{
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--size", "big"}, "--size must be WIDTHxHEIGHT"},
        {{"--size", "1280x800x2"}, "--size must be WIDTHxHEIGHT"},
        {{"--size", "10x10"}, "--size must be WIDTHxHEIGHT"},
        {{"--frames", "many"}, "--frames must be a whole number"},
        {{"--frames", "-3"}, "--frames must be a whole number"},
        {{"--timeout", "soon"}, "--timeout must be a number of seconds"},
        {{"--lang", "de"}, "--lang must be en, ru or kk"},
        {{"--url", "listing/5"}, "--url must be a site address"},
        {{"--server", "localhost:8080"}, "--server must be an http://"},
        {{"--frames"}, "--frames needs a value: --frames N"},
        {{"--fullscreen"}, "unknown option '--fullscreen'"},
    };
    for (const auto& [args, expected] : cases) {
        INFO(args.front());
        StartOptions o;
        std::string msg;
        CHECK(parse(args, o, msg) == StartOutcome::Error);
        CHECK(msg.rfind(expected, 0) == 0);
    }
}

TEST_CASE("app flags: --help lists every flag", "[client][options]")
{
    const std::string help = startHelpText();
    for (const char* flag : {"--server", "--size", "--url", "--lang", "--frames", "--timeout", "--screenshot",
                             "--dump-state", "--assets", "--help"})
        CHECK(help.find(flag) != std::string::npos);
}
