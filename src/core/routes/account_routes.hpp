// The account feature's addresses, all under /account: sign-in (password or phone code),
// registration, "check your mail", the links mails point to (verify, reset), the forgotten
// password form, and the signed-in pages (profile, security, sessions). Each parses its own
// query; a trailing slash is accepted.
#pragma once

#include "core/route.hpp"

#include <string>
#include <string_view>

namespace dongelek {

// Where a signed-out user goes back to after signing in: a site-relative app address. Anything
// that could leave the site or loop ("//host", "https://...", backslashes, control characters,
// the sign-in and registration pages themselves) gives "".
std::string safeReturnPath(std::string_view next);

struct SignInRoute {
    static constexpr const char* kPath = "/account/sign-in";
    enum class Method { Password, Phone };
    Method method = Method::Password;
    std::string next; // a safeReturnPath, "" = the account page

    static bool claims(const AppUrl& url);
    static SignInRoute parse(const AppUrl& url);
    std::string url() const; // "/account/sign-in?with=phone&next=%2Faccount%2Fsessions"
};

struct RegisterRoute {
    static constexpr const char* kPath = "/account/register";
    std::string next;

    static bool claims(const AppUrl& url);
    static RegisterRoute parse(const AppUrl& url);
    std::string url() const;
};

// The token of a mail link: URL-safe characters only, at most kTokenMaxBytes; "" otherwise.
inline constexpr std::size_t kTokenMaxBytes = 512;
std::string mailToken(const AppUrl& url);

struct VerifyRoute {
    static constexpr const char* kPath = "/account/verify";
    std::string token;

    static bool claims(const AppUrl& url);
    static VerifyRoute parse(const AppUrl& url);
    std::string url() const;
};

struct ResetRoute {
    static constexpr const char* kPath = "/account/reset";
    std::string token;

    static bool claims(const AppUrl& url);
    static ResetRoute parse(const AppUrl& url);
    std::string url() const;
};

// Addresses without parameters.
struct FixedRoute {
    const char* path;
    bool claims(const AppUrl& url) const;
    std::string url() const { return path; }
};
inline constexpr FixedRoute kCheckMailRoute{"/account/check-mail"};
inline constexpr FixedRoute kForgotRoute{"/account/forgot"};
inline constexpr FixedRoute kProfileRoute{"/account"};
inline constexpr FixedRoute kSecurityRoute{"/account/security"};
inline constexpr FixedRoute kSessionsRoute{"/account/sessions"};

// Whether `path` is `route` itself or `route` + "/".
bool samePath(std::string_view path, std::string_view route);

} // namespace dongelek
