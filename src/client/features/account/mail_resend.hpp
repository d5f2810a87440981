// "Send the mail again" for the verification mail, with the wait between sends: 60 s after each
// send (the server's cooldown, so the button does not invite a 429), or as long as a 429's
// Retry-After says. Used by "check your mail" and by an expired verification link.
#pragma once

#include "client/api_client.hpp"
#include "client/features/account/account_form.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace dongelek::account {

class MailResend {
public:
    static constexpr const char* kUrl = "/api/v1/auth/resend-verification";
    static constexpr double kCooldownMs = 60'000;

    // Checks the address, then sends (nothing while sending or waiting).
    void send(ApiClient& api, const std::string& email, double nowMs, std::function<double()> clock);
    const FormState& form() const { return m_form; }
    int sent() const { return m_sent; } // mails sent again since the screen opened
    // Seconds until the button may be pressed again (0 = now).
    int waitSeconds(double nowMs) const { return m_form.waitSeconds(nowMs); }
    void reset()
    {
        m_form = {};
        m_sent = 0;
        ++m_generation; // an answer still under way belongs to the old screen
    }

private:
    FormState m_form;
    int m_sent = 0;
    std::uint64_t m_generation = 0;
};

} // namespace dongelek::account
