#include "server/features/accounts/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace dongelek::server::accounts {

void initCrypto()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
    });
}

std::string hashPassword(std::string_view password, const PasswordHashCost& cost)
{
    initCrypto();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opsLimit, cost.memLimitBytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return out;
}

bool verifyPassword(std::string_view encodedHash, std::string_view password)
{
    initCrypto();
    const std::string h(encodedHash); // NUL-terminated for libsodium
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void burnPasswordCheck(std::string_view password)
{
    // A fixed hash of a random password at today's cost: verifying against it takes as long as a real check.
    static const std::string decoy = hashPassword(randomToken(16));
    (void)verifyPassword(decoy, password);
}

std::string randomBytes(std::size_t n)
{
    initCrypto();
    std::string out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

std::string randomToken(std::size_t bytes)
{
    return base64UrlEncode(randomBytes(bytes));
}

std::string randomDigits(int n)
{
    initCrypto();
    std::string out;
    for (int i = 0; i < n; ++i)
        out += static_cast<char>('0' + randombytes_uniform(10));
    return out;
}

std::string sha256Hex(std::string_view data)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string hmacSha256(std::string_view key32, std::string_view message)
{
    if (key32.size() != crypto_auth_hmacsha256_KEYBYTES) throw std::invalid_argument("HMAC-SHA256 key must be 32 bytes");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           reinterpret_cast<const unsigned char*>(key32.data()));
    return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

bool constantTimeEquals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base64UrlEncode(std::string_view bytes)
{
    initCrypto();
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::optional<std::string> base64UrlDecode(std::string_view text)
{
    initCrypto();
    std::string out(text.size(), '\0');
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

std::string seal(std::string_view key32, std::string_view plaintext)
{
    if (key32.size() != crypto_secretbox_KEYBYTES) throw std::invalid_argument("secretbox key must be 32 bytes");
    std::string out = randomBytes(crypto_secretbox_NONCEBYTES);
    out.resize(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
    auto* nonce = reinterpret_cast<const unsigned char*>(out.data());
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(out.data()) + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nonce,
                          reinterpret_cast<const unsigned char*>(key32.data()));
    return base64UrlEncode(out);
}

std::optional<std::string> unseal(std::string_view key32, std::string_view sealed)
{
    if (key32.size() != crypto_secretbox_KEYBYTES) return std::nullopt;
    const std::optional<std::string> raw = base64UrlDecode(sealed);
    if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
    std::string out(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()), bytes + crypto_secretbox_NONCEBYTES,
                                   raw->size() - crypto_secretbox_NONCEBYTES, bytes,
                                   reinterpret_cast<const unsigned char*>(key32.data())) != 0)
        return std::nullopt;
    return out;
}

// [SECTION] TOTP

namespace {
constexpr const char* kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

std::string base32Encode(std::string_view bytes)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 5) {
            out += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::string> base32Decode(std::string_view text)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char ch : text) {
        if (ch == '=' || ch == ' ' || ch == '-') continue;
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        const char* p = std::char_traits<char>::find(kBase32, 32, ch);
        if (!p) return std::nullopt;
        buffer = (buffer << 5) | static_cast<unsigned>(p - kBase32);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

std::string totpCode(std::string_view secret, std::int64_t step)
{
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xFF);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    if (!HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter, sizeof counter, mac, &macLen) ||
        macLen < 20)
        throw std::runtime_error("HMAC-SHA1 failed");
    const int offset = mac[macLen - 1] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::string code = std::to_string(binary % 1000000);
    return std::string(6 - code.size(), '0') + code;
}

} // namespace dongelek::server::accounts
