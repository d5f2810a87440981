// What makes an email, a phone number, a code, a display name or a password acceptable before
// it is sent: the same rules the server applies (docs/accounts-api.md), so the app can say
// what is wrong under the field at once. The server stays the judge; these only spare a trip.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek::account {

inline constexpr std::size_t kEmailMaxBytes = 254;      // RFC 5321 path limit
inline constexpr std::size_t kPasswordMinChars = 12;    // the server's minLength (password-strength answer)
inline constexpr std::size_t kPasswordMaxChars = 128;   // a passphrase, not a file
inline constexpr std::size_t kDisplayNameMaxChars = 60; // code points
inline constexpr std::size_t kCodeDigits = 6;           // SMS, e-mail and TOTP codes
inline constexpr std::size_t kRecoveryCodeMaxChars = 20;

// Leading and trailing ASCII spaces and tabs removed.
std::string trim(std::string_view s);

// One '@' with a non-empty local part (at most 64 bytes) and a dotted domain, no spaces or
// control characters, at most kEmailMaxBytes. Not RFC 5322: what a sign-up form accepts.
bool looksLikeEmail(std::string_view email);

// The E.164 form of a Kazakh (+7, ten digits after it) or Bahraini (+973, eight digits) number
// as people type it: spaces, dashes, dots and parentheses are dropped, "00" stands for "+", and
// Kazakhstan's domestic "8 7xx ..." (eleven digits starting with 8) becomes "+7 7xx ...".
// nullopt for anything else.
std::optional<std::string> normalizePhone(std::string_view typed);

// Exactly six ASCII digits (spaces people put in the middle are dropped first).
std::optional<std::string> normalizeCode(std::string_view typed);

// A recovery code ("abcd-efgh"): letters, digits and dashes, lower-cased, spaces dropped.
std::optional<std::string> normalizeRecoveryCode(std::string_view typed);

// What is wrong with a field's value, for the message under it ("" = nothing).
enum class Problem { None, Required, Invalid, TooShort, TooLong };
Problem emailProblem(std::string_view email);
Problem newPasswordProblem(std::string_view password); // length only; strength is the server's
Problem displayNameProblem(std::string_view name);
Problem phoneProblem(std::string_view typed);
Problem codeProblem(std::string_view typed);

} // namespace dongelek::account
