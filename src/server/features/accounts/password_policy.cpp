#include "server/features/accounts/password_policy.hpp"

#include "core/utf8.hpp"

#include <zxcvbn.h>

#include <cmath>

namespace dongelek::server::accounts {

PasswordVerdict judgePassword(const std::string& password, const std::vector<std::string>& userInputs)
{
    PasswordVerdict v;
    const std::size_t chars = utf8::length(password);
    v.tooShort = chars < static_cast<std::size_t>(kMinPasswordChars);
    v.tooLong = chars > static_cast<std::size_t>(kMaxPasswordChars);
    if (!v.tooLong) {
        std::vector<const char*> dict;
        for (const std::string& s : userInputs)
            if (!s.empty()) dict.push_back(s.c_str());
        dict.push_back(nullptr);
        v.entropyBits = ZxcvbnMatch(password.c_str(), dict.data(), nullptr);
        const double log10Guesses = v.entropyBits * std::log10(2.0);
        v.score = log10Guesses < 3 ? 0 : log10Guesses < 6 ? 1 : log10Guesses < 8 ? 2 : log10Guesses < 10 ? 3 : 4;
    }
    if (v.tooShort)
        v.problem = "the password must have at least " + std::to_string(kMinPasswordChars) + " characters";
    else if (v.tooLong)
        v.problem = "the password may have at most " + std::to_string(kMaxPasswordChars) + " characters";
    else if (v.score < kMinPasswordScore)
        v.problem = "the password is too easy to guess (a common word, name, pattern or your own details): "
                    "add more unrelated words";
    v.acceptable = v.problem.empty();
    return v;
}

} // namespace dongelek::server::accounts
