// The accounts API's wire format as the app reads it: each golden fixture (written from the
// server's real answers, tests/fixtures/api) parses with core's readers and writes back unchanged,
// so a renamed or retyped field on either side fails here.
#include "core/accounts_json.hpp"

#include "../fixtures/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using nlohmann::json;

namespace {
template <typename T> T roundTrips(const char* name)
{
    INFO(name);
    const json fixture = test::readFixture(name);
    T value;
    REQUIRE_NOTHROW(fixture.get_to(value));
    CHECK(json(value) == fixture);
    return value;
}
} // namespace

TEST_CASE("every account answer's fixture is read and written back unchanged", "[client][wire][accounts]")
{
    const User user = roundTrips<User>("account_user.json");
    CHECK(user.role == AccountRole::Buyer);
    CHECK(user.phone == std::optional<std::string>("+77011234567"));
    const AuthTokens tokens = roundTrips<AuthTokens>("auth_tokens.json");
    CHECK(tokens.expiresIn == 300);
    CHECK_FALSE(tokens.user.phone); // null
    const SessionList sessions = roundTrips<SessionList>("account_sessions.json");
    REQUIRE(sessions.sessions.size() == 2);
    CHECK(sessions.sessions[0].current);
    const PasswordStrength strength = roundTrips<PasswordStrength>("password_strength.json");
    CHECK(strength.minLength == 12);
    const TotpSetup setup = roundTrips<TotpSetup>("totp_setup.json");
    CHECK(setup.qr.valid());
    CHECK(setup.qr.dark(0, 0));
    CHECK_FALSE(setup.qr.dark(7, 0));
    CHECK(roundTrips<RecoveryCodes>("recovery_codes.json").recoveryCodes.size() == 2);
    CHECK(roundTrips<PasswordChanged>("password_changed.json").endedSessions == 2);
    CHECK(roundTrips<EndedSessions>("ended_sessions.json").endedSessions == 1);
    CHECK(roundTrips<StatusReply>("status_reply.json").status == "verification_sent");
}

TEST_CASE("an answer with a role or a QR the app cannot use is refused, not half-read", "[client][wire][accounts]")
{
    json user = test::readFixture("account_user.json");
    user["role"] = "superuser";
    User u;
    CHECK_THROWS(user.get_to(u));
    json setup = test::readFixture("totp_setup.json");
    setup["qr"]["size"] = 22;
    TotpSetup t;
    CHECK_THROWS(setup.get_to(t));
}

TEST_CASE("request bodies leave unset optional fields out (the server refuses unknown ones, not missing ones)",
          "[client][wire][accounts]")
{
    CHECK(json(LoginRequest{"a@b.kz", "pw", std::nullopt}) == json{{"email", "a@b.kz"}, {"password", "pw"}});
    CHECK(json(ProfilePatch{std::nullopt, std::string("kk")}) == json{{"language", "kk"}});
    CHECK(json(StrengthRequest{"pw", std::nullopt, std::nullopt}) == json{{"password", "pw"}});
    CHECK(json(PhoneLoginRequest{"+77011234567", "123456", std::nullopt}) ==
          json{{"phone", "+77011234567"}, {"code", "123456"}});
}
