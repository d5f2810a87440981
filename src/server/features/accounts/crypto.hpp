// The accounts feature's cryptography, all from maintained libraries: libsodium (Argon2id,
// random bytes, SHA-256, HMAC-SHA256, secretbox, base64, constant-time compare) and OpenSSL
// (HMAC-SHA1, which TOTP authenticator apps use). Nothing here is hand-rolled crypto.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek::server::accounts {

// Initializes libsodium once (thread-safe, idempotent). Throws when it cannot.
void initCrypto();

// Argon2id cost (docs/security.md says why): 2 passes over 19 MiB, ASVS 2.4.1's floor.
struct PasswordHashCost {
    unsigned long long opsLimit = 2;
    std::size_t memLimitBytes = 19u << 20;
};
// libsodium's self-describing "$argon2id$v=19$m=19456,t=2,p=1$..." string.
std::string hashPassword(std::string_view password, const PasswordHashCost& cost = {});
bool verifyPassword(std::string_view encodedHash, std::string_view password);
// Costs the same time as a verification, for answers about accounts that do not exist.
void burnPasswordCheck(std::string_view password);

// `bytes` random bytes as unpadded base64url (32 bytes -> 43 characters).
std::string randomToken(std::size_t bytes = 32);
// `n` random decimal digits ("042817").
std::string randomDigits(int n);
std::string randomBytes(std::size_t n);

std::string sha256Hex(std::string_view data);
// HMAC-SHA256 with a 32-byte key, as raw bytes.
std::string hmacSha256(std::string_view key32, std::string_view message);
bool constantTimeEquals(std::string_view a, std::string_view b);

std::string base64UrlEncode(std::string_view bytes);
std::optional<std::string> base64UrlDecode(std::string_view text);

// Authenticated encryption with a 32-byte key (XSalsa20-Poly1305): nonce + box, base64url.
std::string seal(std::string_view key32, std::string_view plaintext);
std::optional<std::string> unseal(std::string_view key32, std::string_view sealed);

// [SECTION] TOTP (RFC 6238 with RFC 4226's HOTP: HMAC-SHA1, 6 digits, 30 s steps)
std::string base32Encode(std::string_view bytes); // RFC 4648, no padding
std::optional<std::string> base32Decode(std::string_view text);
// The 6-digit code of `secret` (raw bytes) for time step `step` (Unix time / 30).
std::string totpCode(std::string_view secret, std::int64_t step);

} // namespace dongelek::server::accounts
