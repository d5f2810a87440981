// Calls of the JSON API for API tests: a request with its answer parsed, bearer headers,
// deliveries read from the outbox, and a verified, signed-in user made through the real
// sign-up (register, the mailed link, sign-in).
#pragma once

#include "server_process.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dongelek::test {

using nlohmann::json;

inline const std::string kPassword = "correct horse battery staple";

struct Answer {
    int status = 0;
    json body;
    httplib::Headers headers;
    std::string header(const std::string& name) const
    {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string code() const { return body.contains("error") ? body["error"].value("code", "") : ""; }
    std::string field() const { return body.contains("error") ? body["error"].value("field", "") : ""; }
};

inline Answer call(httplib::Client& c, const std::string& method, const std::string& path, const std::string& body = "",
            httplib::Headers headers = {}, const char* contentType = "application/json")
{
    httplib::Result r = method == "GET"      ? c.Get(path.c_str(), headers)
                        : method == "DELETE" ? c.Delete(path.c_str(), headers)
                        : method == "PATCH"  ? c.Patch(path.c_str(), headers, body, contentType)
                        : method == "PUT"    ? c.Put(path.c_str(), headers, body, contentType)
                                             : c.Post(path.c_str(), headers, body, contentType);
    INFO(method << " " << path);
    REQUIRE(r);
    Answer a;
    a.status = r->status;
    a.headers = r->headers;
    if (!r->body.empty()) a.body = json::parse(r->body, nullptr, false);
    return a;
}

inline httplib::Headers bearer(const std::string& token)
{
    return {{"Authorization", "Bearer " + token}};
}

inline std::string base64Decode(const std::string& in)
{
    static const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int val = 0, bits = -8;
    for (char c : in) {
        const std::size_t p = chars.find(c);
        if (p == std::string::npos) continue;
        val = (val << 6) + static_cast<int>(p);
        bits += 6;
        if (bits >= 0) {
            out += static_cast<char>((val >> bits) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

// The plain-text part of a delivered message (base64, as the server writes it).
inline std::string plainText(const std::string& raw)
{
    // The outbox keeps CRLF; the SMTP server's maildir stores LF.
    const std::string message = std::regex_replace(raw, std::regex("\r\n"), "\n");
    const std::size_t part = message.find("Content-Type: text/plain");
    REQUIRE(part != std::string::npos);
    const std::size_t start = message.find("\n\n", part);
    const std::size_t end = message.find("--", start);
    return base64Decode(message.substr(start + 2, end - start - 2));
}

inline std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Waits for `n` files in `dir` (deliveries run in the background) and returns them oldest first.
inline std::vector<std::string> waitForFiles(const std::filesystem::path& dir, std::size_t n, const std::string& suffix = "")
{
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 200; ++i) {
        files.clear();
        if (std::filesystem::exists(dir))
            for (const auto& e : std::filesystem::directory_iterator(dir))
                if (e.is_regular_file() && (suffix.empty() || e.path().string().size() >= suffix.size()) &&
                    e.path().string().compare(e.path().string().size() - suffix.size(), suffix.size(), suffix) == 0 &&
                    e.path().extension() != ".tmp")
                    files.push_back(e.path());
        if (files.size() >= n) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(files.size() >= n);
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const std::filesystem::path& f : files)
        out.push_back(readFile(f));
    return out;
}

inline std::string linkToken(const std::string& text, const std::string& path)
{
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex("/account/" + path + "\\?token=([A-Za-z0-9_-]+)")));
    return m[1];
}

// Registers `email`, confirms it with the mailed link (the outbox's .eml number mailsBefore + 1)
// and signs in; the answer's body has the accessToken.
inline Answer signUp(httplib::Client& c, const ServerProcess& s, const std::string& email, std::size_t mailsBefore)
{
    REQUIRE(call(c, "POST", "/api/v1/auth/register",
                 json{{"email", email}, {"password", kPassword}, {"displayName", "Test"}, {"role", "buyer"},
                      {"language", "en"}}
                     .dump())
                .status == 202);
    const auto mails = waitForFiles(s.outbox(), mailsBefore + 1, ".eml");
    REQUIRE(call(c, "POST", "/api/v1/auth/verify-email",
                 json{{"token", linkToken(plainText(mails.back()), "verify")}}.dump())
                .status == 200);
    Answer login = call(c, "POST", "/api/v1/auth/login", json{{"email", email}, {"password", kPassword}}.dump());
    REQUIRE(login.status == 200);
    return login;
}

} // namespace dongelek::test
