// The account forms' field rules (core/account_rules.hpp): what the app says under a field
// before it sends anything.
#include "core/account_rules.hpp"

#include <catch2/catch.hpp>

using namespace dongelek::account;

TEST_CASE("an email needs one @, a local part and a dotted domain", "[client][rules]")
{
    for (const char* ok : {"aigerim@example.kz", "a.b+c@mail.example.com", "ерлан@пример.kz"}) {
        INFO(ok);
        CHECK(emailProblem(ok) == Problem::None);
    }
    CHECK(emailProblem("  aigerim@example.kz ") == Problem::None); // spaces around are trimmed
    CHECK(emailProblem("") == Problem::Required);
    CHECK(emailProblem("   ") == Problem::Required);
    for (const char* bad : {"aigerim", "@example.kz", "a@b", "a@.kz", "a@b.", "a@@b.kz", "a b@c.kz", "a@b..kz"}) {
        INFO(bad);
        CHECK(emailProblem(bad) == Problem::Invalid);
    }
    CHECK(emailProblem(std::string(250, 'a') + "@b.kz") == Problem::TooLong);
}

TEST_CASE("phone numbers as Kazakhs and Bahrainis type them become E.164", "[client][rules]")
{
    CHECK(normalizePhone("+7 701 123 45 67") == "+77011234567");
    CHECK(normalizePhone("8 (701) 123-45-67") == "+77011234567"); // the domestic spelling
    CHECK(normalizePhone("0077011234567") == "+77011234567");
    CHECK(normalizePhone("+973 3612 3456") == "+97336123456");
    CHECK_FALSE(normalizePhone("+7 701 123 45"));    // too short
    CHECK_FALSE(normalizePhone("+44 20 7946 0958")); // neither market
    CHECK_FALSE(normalizePhone("+973 3612 34567"));
    CHECK_FALSE(normalizePhone("7011234567x"));
    CHECK(phoneProblem("") == Problem::Required);
    CHECK(phoneProblem("12345") == Problem::Invalid);
}

TEST_CASE("codes are six digits, recovery codes letters, digits and dashes", "[client][rules]")
{
    CHECK(normalizeCode("123456") == "123456");
    CHECK(normalizeCode("123 456") == "123456");
    CHECK_FALSE(normalizeCode("12345"));
    CHECK_FALSE(normalizeCode("12a456"));
    CHECK(codeProblem("") == Problem::Required);
    CHECK(codeProblem("99") == Problem::Invalid);
    CHECK(normalizeRecoveryCode("ABCD-efgh") == "abcd-efgh");
    CHECK_FALSE(normalizeRecoveryCode("ab!d-efgh"));
}

TEST_CASE("a new password needs twelve letters, a display name something and at most sixty", "[client][rules]")
{
    CHECK(newPasswordProblem("") == Problem::Required);
    CHECK(newPasswordProblem("short") == Problem::TooShort);
    CHECK(newPasswordProblem("ДвенадцатьБу") == Problem::None);    // twelve letters, 24 bytes
    CHECK(newPasswordProblem("Одиннадцать") == Problem::TooShort); // eleven letters, 22 bytes
    CHECK(newPasswordProblem(std::string(129, 'x')) == Problem::TooLong);
    CHECK(displayNameProblem("  ") == Problem::Required);
    CHECK(displayNameProblem("Айгерім") == Problem::None);
    CHECK(displayNameProblem(std::string(61, 'x')) == Problem::TooLong);
}
