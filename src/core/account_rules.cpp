// Field rules of the accounts forms (see account_rules.hpp).

#include "core/account_rules.hpp"

#include "core/utf8.hpp"

#include <cctype>

namespace dongelek::account {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool allDigits(std::string_view s)
{
    for (char c : s)
        if (!isDigit(c)) return false;
    return !s.empty();
}
} // namespace

std::string trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

bool looksLikeEmail(std::string_view email)
{
    if (email.empty() || email.size() > kEmailMaxBytes || !utf8::isValid(email)) return false;
    for (unsigned char c : email)
        if (c <= 0x20 || c == 0x7F) return false; // spaces and control characters
    const auto at = email.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64) return false;
    if (email.find('@') != at) return false; // one '@' only (quoted local parts are not for sign-up forms)
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.') return false;
    if (domain.find("..") != std::string_view::npos) return false;
    return true;
}

std::optional<std::string> normalizePhone(std::string_view typed)
{
    std::string s;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') continue;
        if (c == '+' && s.empty()) {
            s += c;
            continue;
        }
        if (!isDigit(c)) return std::nullopt;
        s += c;
    }
    if (s.rfind("00", 0) == 0) s = "+" + s.substr(2);
    if (s.size() == 11 && s[0] == '8') s = "+7" + s.substr(1); // domestic Kazakh spelling
    if (s.rfind("+973", 0) == 0) return s.size() == 12 && allDigits(s.substr(1)) ? std::optional(s) : std::nullopt;
    if (s.rfind("+7", 0) == 0) return s.size() == 12 && allDigits(s.substr(1)) ? std::optional(s) : std::nullopt;
    return std::nullopt;
}

std::optional<std::string> normalizeCode(std::string_view typed)
{
    std::string s;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (!isDigit(c)) return std::nullopt;
        s += c;
    }
    if (s.size() != kCodeDigits) return std::nullopt;
    return s;
}

std::optional<std::string> normalizeRecoveryCode(std::string_view typed)
{
    std::string s;
    for (char c : typed) {
        if (c == ' ') continue;
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u) && c != '-') return std::nullopt;
        s += static_cast<char>(std::tolower(u));
    }
    if (s.size() < 4 || s.size() > kRecoveryCodeMaxChars) return std::nullopt;
    return s;
}

Problem emailProblem(std::string_view email)
{
    const std::string t = trim(email);
    if (t.empty()) return Problem::Required;
    if (t.size() > kEmailMaxBytes) return Problem::TooLong;
    return looksLikeEmail(t) ? Problem::None : Problem::Invalid;
}

Problem newPasswordProblem(std::string_view password)
{
    if (password.empty()) return Problem::Required;
    const std::size_t n = utf8::length(password);
    if (n < kPasswordMinChars) return Problem::TooShort;
    if (n > kPasswordMaxChars) return Problem::TooLong;
    return Problem::None;
}

Problem displayNameProblem(std::string_view name)
{
    const std::string t = trim(name);
    if (t.empty()) return Problem::Required;
    if (!utf8::isValid(t)) return Problem::Invalid;
    return utf8::length(t) > kDisplayNameMaxChars ? Problem::TooLong : Problem::None;
}

Problem phoneProblem(std::string_view typed)
{
    if (trim(typed).empty()) return Problem::Required;
    return normalizePhone(typed) ? Problem::None : Problem::Invalid;
}

Problem codeProblem(std::string_view typed)
{
    if (trim(typed).empty()) return Problem::Required;
    return normalizeCode(typed) ? Problem::None : Problem::Invalid;
}

} // namespace dongelek::account
