// A TOTP code as an authenticator app makes it (RFC 6238 with OpenSSL), written apart from the
// server's own code, for API tests that sign an admin in with two-step verification.
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace dongelek::test {

inline std::string base32Decode(const std::string& text)
{
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        buffer = (buffer << 5) | static_cast<unsigned>(alphabet.find(c));
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

inline std::string totpNow(const std::string& base32Secret, int offsetSteps = 0)
{
    const std::string key = base32Decode(base32Secret);
    std::uint64_t step = static_cast<std::uint64_t>(std::time(nullptr) / 30 + offsetSteps);
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i, step >>= 8)
        msg[i] = static_cast<unsigned char>(step & 0xFF);
    unsigned char mac[20];
    unsigned len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), msg, 8, mac, &len);
    const int o = mac[19] & 15;
    const unsigned v = ((mac[o] & 0x7Fu) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3];
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", v % 1000000);
    return buf;
}

} // namespace dongelek::test
