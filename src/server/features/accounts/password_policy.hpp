// What a new password must be: 12 to 128 characters (ASVS 2.1.1, 2.1.2; any characters,
// no composition rules) and hard to guess by the zxcvbn estimator (libzxcvbn from Debian),
// which also knows the user's own email and name.
#pragma once

#include <string>
#include <vector>

namespace dongelek::server::accounts {

struct PasswordVerdict {
    int score = 0;            // 0..4, zxcvbn's scale (log10 of guesses: <3, <6, <8, <10, more)
    double entropyBits = 0.0; // zxcvbn's estimate
    bool tooShort = false;
    bool tooLong = false;
    bool acceptable = false;
    std::string problem; // English, for the error message; empty when acceptable
};

inline constexpr int kMinPasswordChars = 12;
inline constexpr int kMaxPasswordChars = 128;
inline constexpr int kMinPasswordScore = 3;

PasswordVerdict judgePassword(const std::string& password, const std::vector<std::string>& userInputs);

} // namespace dongelek::server::accounts
