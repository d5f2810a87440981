// Command-line options from one table: `--flag value`, `--flag=value`, switches, environment
// fallbacks (flags win) and the --help text, so an option cannot be added without being
// documented, and a bad value is always reported naming its flag or variable. Used by the
// server (server/config.cpp) and the app (app/main.cpp).
#pragma once

#include <charconv>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace dongelek::cli {

template <typename Config> struct Option {
    const char* flag;  // "--port"
    const char* env;   // "DONGELEK_PORT", nullptr when the option has no variable
    const char* value; // value placeholder for --help, nullptr for a switch (applied with "1")
    const char* help;
    // Stores the value in the config; returns what is wrong with it ("must be ..."), "" when fine.
    std::function<std::string(const std::string& value, Config&)> apply;
};

enum class Outcome { Run, Help, Error };

// "must be a whole number from LO to HI" unless `text` is one; stores it in `out` otherwise.
template <typename Int> std::string parseIntIn(const std::string& text, Int lo, Int hi, Int& out)
{
    Int value{};
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty() || value < lo || value > hi)
        return "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    out = value;
    return {};
}

// Applies the environment (through `getEnv`, nullptr when unset), then `args` (argv without
// the program name). On Error, `message` names the flag or variable and what is wrong.
template <typename Config>
Outcome parse(const std::vector<Option<Config>>& table, const std::vector<std::string>& args,
              const std::function<const char*(const char*)>& getEnv, Config& out, std::string& message)
{
    // Environment first, so flags applied afterwards win.
    for (const Option<Config>& o : table) {
        if (!o.env || !getEnv) continue;
        const char* v = getEnv(o.env);
        if (!v) continue;
        if (std::string err = o.apply(v, out); !err.empty()) {
            message = std::string(o.env) + " " + err;
            return Outcome::Error;
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") return Outcome::Help;
        std::string name = arg, value;
        bool hasValue = false;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            hasValue = true;
        }
        const Option<Config>* option = nullptr;
        for (const Option<Config>& o : table)
            if (name == o.flag) option = &o;
        if (!option) {
            message = "unknown option '" + name + "' (see --help)";
            return Outcome::Error;
        }
        if (!option->value) {
            if (hasValue) {
                message = name + " takes no value";
                return Outcome::Error;
            }
            value = "1";
        } else if (!hasValue) {
            if (i + 1 >= args.size()) {
                message = name + " needs a value: " + name + " " + option->value;
                return Outcome::Error;
            }
            value = args[++i];
        }
        if (std::string err = option->apply(value, out); !err.empty()) {
            message = name + " " + err;
            return Outcome::Error;
        }
    }
    return Outcome::Run;
}

// The options part of --help: one line per flag, its variable below it, then --help itself.
template <typename Config> std::string optionsHelp(const std::vector<Option<Config>>& table)
{
    std::string s;
    for (const Option<Config>& o : table) {
        std::string left = std::string("  ") + o.flag + (o.value ? std::string(" ") + o.value : "");
        if (left.size() < 22) left.resize(22, ' ');
        s += left + " " + o.help + "\n";
        if (o.env) s += std::string(23, ' ') + "env: " + o.env + "\n";
    }
    std::string help = "  --help";
    help.resize(22, ' ');
    return s + help + " show this text\n";
}

} // namespace dongelek::cli
