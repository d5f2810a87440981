// The financing API against the real dongelek-server process: the tariff files and partner
// banks served and cached, a broken tariff file stopping the start, loan applications refused
// field by field (each 4xx naming the field), who may read and decide what, the bank's side
// (an administrator with two-factor sign-in) moving an application to approved with the
// engine's payment, illegal transitions, and no personal data in the server's log.
//
// [SECTION] Helpers
// [SECTION] Tariffs and banks
// [SECTION] Applying
// [SECTION] Reading and deciding

#include "api_calls.hpp"
#include "server_process.hpp"
#include "totp_code.hpp"

#include "server/features/finance/finance_service.hpp"

#include "core/finance/loan.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/hmac.h>

#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

using namespace dongelek::test;
using nlohmann::json;
namespace fs = std::filesystem;

// [SECTION] Helpers

namespace {

std::unique_ptr<httplib::Client> clientFor(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_read_timeout(20, 0);
    return c;
}


// An administrator made on the command line, signed in with two-factor sign-in: the access token.
std::string adminToken(httplib::Client& c, const ServerProcess& s)
{
    const std::string password = "the admin keeps a long passphrase";
    const std::string cmd = std::string(DONGELEK_SERVER_BINARY) + " admin create --email root@example.kz --name Root --db '" +
                            s.databaseUrl() + "' --locales-dir " DONGELEK_LOCALES_DIR " --mail-outbox '" +
                            s.outbox().string() + "' >/dev/null 2>&1";
    FILE* p = ::popen(cmd.c_str(), "w");
    REQUIRE(p);
    std::fputs((password + "\n").c_str(), p);
    REQUIRE(WEXITSTATUS(::pclose(p)) == 0);
    const Answer first = call(c, "POST", "/api/v1/auth/login", json{{"email", "root@example.kz"}, {"password", password}}.dump());
    REQUIRE(first.status == 200);
    const std::string token = first.body["accessToken"];
    const Answer setup = call(c, "POST", "/api/v1/me/totp/setup", "", bearer(token));
    REQUIRE(setup.status == 200);
    const std::string secret = setup.body["secret"];
    REQUIRE(call(c, "POST", "/api/v1/me/totp/enable", json{{"code", totpNow(secret)}}.dump(), bearer(token)).status == 200);
    // The enabling code was used; the next step's code signs in.
    const Answer admin = call(c, "POST", "/api/v1/auth/login",
                              json{{"email", "root@example.kz"}, {"password", password}, {"totp", totpNow(secret, 1)}}.dump());
    REQUIRE(admin.status == 200);
    return admin.body["accessToken"];
}

std::string signedIn(httplib::Client& c, const ServerProcess& s, const std::string& email, std::size_t mailsBefore)
{
    return signUp(c, s, email, mailsBefore).body["accessToken"];
}

// The first listing of a country, as the search answers it.
int thisYear()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

// The first listing of `country` whose car every demo bank lends on (at most 7 years old), or
// with `query` the first of that search ("&year_to=2015").
json firstListing(httplib::Client& c, const std::string& country, const std::string& query = {})
{
    const std::string filter = query.empty() ? "&year_from=" + std::to_string(thisYear() - 7) : query;
    const Answer page = call(c, "GET", "/api/v1/listings?country=" + country + filter);
    REQUIRE(page.status == 200);
    REQUIRE_FALSE(page.body["items"].empty());
    return page.body["items"][0];
}

// A valid application for `listing` (30 % down: every demo bank's minimum or more; 48 months).
json application(const json& listing, const json& banks, const std::string& repayment = "annuity")
{
    const std::int64_t price = listing["price"]["amount_minor"];
    const bool bh = listing["country"] == "BH";
    return json{{"listing_id", listing["id"]},
                {"bank_ids", banks},
                {"terms",
                 {{"price_minor", price},
                  {"currency", listing["price"]["currency"]},
                  {"down_payment_minor", dongelek::server::finance::minimumDownPayment(price, 3000)},
                  {"trade_in_minor", 0},
                  {"term_months", 48},
                  {"repayment", repayment}}},
                {"applicant",
                 {{"full_name", "Aliya Nurlanova"},
                  {"phone", bh ? "+973 3600 4321" : "+7 701 555-12-34"},
                  {"email", "aliya@example.kz"},
                  {"national_id", bh ? "850505432" : "850505400777"},
                  {"monthly_income_minor", 80'000'000},
                  {"employment", "self_employed"}}},
                {"consent", true}};
}

} // namespace

// [SECTION] Tariffs and banks

TEST_CASE("finance: the tariff files and partner banks are served to anyone, cached for an hour", "[api][finance]")
{
    ServerProcess s(ServerOptions{50, false, true, {}});
    auto c = clientFor(s);
    const Answer t = call(*c, "GET", "/api/v1/finance/tariffs");
    REQUIRE(t.status == 200);
    CHECK(t.header("Cache-Control") == "public, max-age=3600");
    CHECK_FALSE(t.header("ETag").empty());
    for (const char* name : {"kz_reference", "kz_costs", "bh_costs", "kz_insurance", "bh_insurance", "fuel_prices"}) {
        INFO(name);
        REQUIRE(t.body.contains(name));
        CHECK(t.body[name]["file"] == name);
        std::ifstream in(std::string(DONGELEK_TARIFFS_DIR) + "/" + name + ".json");
        CHECK(t.body[name] == json::parse(in));
    }
    CHECK(t.body.size() == 6);
    CHECK(call(*c, "GET", "/api/v1/finance/tariffs", "", {{"If-None-Match", t.header("ETag")}}).status == 304);
    {
        httplib::Headers gz = {{"Accept-Encoding", "gzip"}};
        const httplib::Result r = c->Get("/api/v1/finance/tariffs", gz);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Cache-Control") == "public, max-age=3600");
    }

    const Answer kz = call(*c, "GET", "/api/v1/finance/banks?country=KZ");
    REQUIRE(kz.status == 200);
    CHECK(kz.header("Cache-Control") == "public, max-age=3600");
    REQUIRE(kz.body["banks"].size() == 3);
    for (const json& b : kz.body["banks"]) {
        CHECK(b["country"] == "KZ");
        CHECK(b["currency"] == "KZT");
        CHECK(b["demo"] == true);
        for (const char* field : {"id", "name", "kind", "rate_min_bp", "rate_max_bp", "term_min_months", "term_max_months",
                                  "min_down_payment_bp", "one_time_fee_bp", "monthly_fee_minor", "insurance_required",
                                  "max_car_age_years", "min_monthly_income_minor"})
            CHECK(b.contains(field));
    }
    CHECK(kz.body["banks"][0]["id"] == "dala");
    CHECK(kz.body["banks"][0]["rate_min_bp"] == 1750);
    const Answer bh = call(*c, "GET", "/api/v1/finance/banks?country=BH");
    REQUIRE(bh.body["banks"].size() == 2);
    int murabaha = 0;
    for (const json& b : bh.body["banks"])
        murabaha += b["kind"] == "murabaha" ? 1 : 0;
    CHECK(murabaha >= 1);
    CHECK(call(*c, "GET", "/api/v1/finance/banks").body["banks"].size() == 5);
    for (const char* bad : {"?country=US", "?country=kz", "?country=", "?country=all"}) {
        INFO(bad);
        const Answer a = call(*c, "GET", std::string("/api/v1/finance/banks") + bad);
        CHECK(a.status == 400);
        CHECK(a.field() == "country");
    }
    CHECK(call(*c, "GET", "/api/v1/finance/banks?country=US").body["error"]["message"].get<std::string>().find("US") !=
          std::string::npos);
}

TEST_CASE("finance: the server refuses to start with a broken tariff file, naming the file and the field",
          "[api][finance]")
{
    const fs::path dir = fs::temp_directory_path() / ("dk-broken-tariffs-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(DONGELEK_TARIFFS_DIR))
        fs::copy_file(e.path(), dir / e.path().filename());
    json insurance = json::parse(std::ifstream(dir / "kz_insurance.json"));
    insurance["ogpo"].erase("regions");
    std::ofstream(dir / "kz_insurance.json") << insurance.dump();
    const std::string cmd = std::string(DONGELEK_SERVER_BINARY) + " --port 1 --db 'sqlite:" + (dir / "db.sqlite").string() +
                            "' --locales-dir " DONGELEK_LOCALES_DIR " --tariffs-dir '" + dir.string() + "' 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    const int status = ::pclose(p);
    INFO(out);
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(out.find("kz_insurance.json") != std::string::npos);
    CHECK(out.find("/ogpo/regions") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "db.sqlite")); // refused before touching the database
    fs::remove_all(dir);
}

// [SECTION] Applying

TEST_CASE("finance: bad applications are refused, each naming the field", "[api][finance]")
{
    ServerProcess s(ServerOptions{80, false, true, {}});
    auto c = clientFor(s);
    const json kz = firstListing(*c, "KZ");
    const json good = application(kz, {"dala", "steppe"});
    CHECK(call(*c, "POST", "/api/v1/finance/applications", good.dump()).status == 401);
    const std::string alice = signedIn(*c, s, "alice@example.kz", 0);

    const auto refused = [&](const json& body, int status, const std::string& code, const std::string& field) {
        INFO(body.dump());
        const Answer a = call(*c, "POST", "/api/v1/finance/applications", body.dump(), bearer(alice));
        CHECK(a.status == status);
        CHECK(a.code() == code);
        CHECK(a.field() == field);
        CHECK(a.header("Cache-Control") == "no-store");
        return a.body.contains("error") ? a.body["error"].value("message", "") : std::string();
    };
    json b = good;
    b.erase("consent");
    refused(b, 422, "consent_required", "consent");
    b["consent"] = false;
    refused(b, 422, "consent_required", "consent");
    b = good;
    b["terms"]["term_months"] = 72; // Dala takes 6..84 months, Steppe 12..60
    CHECK(refused(b, 422, "term_out_of_range", "terms.term_months").find("steppe") != std::string::npos);
    b = good;
    b["terms"]["down_payment_minor"] = b["terms"]["price_minor"].get<std::int64_t>() / 20; // 5 %
    CHECK(refused(b, 422, "down_payment_too_small", "terms.down_payment_minor").find("dala") != std::string::npos);
    // The banks' rules about the car and the applicant: Tumar lends on cars up to 7 years old and
    // to incomes from 250,000 ₸ a month.
    b = application(kz, {"dala", "tumar"});
    b["applicant"]["monthly_income_minor"] = 20'000'000; // 200,000 ₸: enough for Dala, not for Tumar
    CHECK(refused(b, 422, "income_below_minimum", "applicant.monthly_income_minor").find("tumar") != std::string::npos);
    const json old = firstListing(*c, "KZ", "&year_to=" + std::to_string(thisYear() - 8));
    b = application(old, {"tumar"});
    b["terms"]["term_months"] = 48;
    CHECK(refused(b, 422, "car_too_old", "bank_ids[0]").find("7 years") != std::string::npos);
    b = good;
    b["applicant"]["national_id"] = "12345";
    refused(b, 422, "invalid_national_id", "applicant.national_id");
    b["applicant"]["national_id"] = "850505432"; // a Bahraini CPR for a car in Kazakhstan
    refused(b, 422, "invalid_national_id", "applicant.national_id");
    b = good;
    b["bank_ids"] = {"dala", "kaspi_gold"};
    CHECK(refused(b, 422, "unknown_bank", "bank_ids[1]").find("kaspi_gold") != std::string::npos);
    b["bank_ids"] = {"pearl"};
    refused(b, 422, "bank_country", "bank_ids[0]");
    b["bank_ids"] = {"dala", "steppe", "tumar", "pearl", "sadaf", "dala"};
    refused(b, 422, "invalid_field", "bank_ids");
    b = good;
    b["terms"]["price_minor"] = kz["price"]["amount_minor"].get<std::int64_t>() - 100'000;
    refused(b, 422, "price_mismatch", "terms.price_minor");
    b = good;
    b["terms"]["currency"] = "BHD";
    refused(b, 422, "currency_mismatch", "terms.currency");
    b = good;
    b["terms"]["repayment"] = "murabaha";
    refused(b, 422, "repayment_mismatch", "terms.repayment");
    b = good;
    b["listing_id"] = 9'999'999;
    refused(b, 422, "listing_unavailable", "listing_id");
    b = good;
    b["applicant"]["phone"] = "call me";
    refused(b, 422, "invalid_field", "applicant.phone");
    b = good;
    b["applicant"]["email"] = "aliya@";
    refused(b, 422, "invalid_field", "applicant.email");
    b = good;
    b["applicant"]["monthly_income_minor"] = 1'000'000'000'000'001;
    refused(b, 422, "invalid_field", "applicant.monthly_income_minor");
    // Malformed: not JSON, wrong types, unknown or missing fields (400).
    {
        const Answer a = call(*c, "POST", "/api/v1/finance/applications", "{\"listing_id\": 1,", bearer(alice));
        CHECK(a.status == 400);
        CHECK(a.code() == "invalid_json");
    }
    b = good;
    b["terms"]["term_months"] = "sixty";
    refused(b, 400, "invalid_field", "terms.term_months");
    b = good;
    b["bank_ids"] = "dala";
    refused(b, 400, "invalid_field", "bank_ids");
    b = good;
    b["applicant"]["salary"] = 1;
    refused(b, 400, "unknown_field", "applicant.salary");
    b = good;
    b["applicant"].erase("national_id");
    refused(b, 400, "missing_field", "applicant.national_id");
    // Oversized: more than 16 KB.
    b = good;
    b["applicant"]["full_name"] = std::string(17 * 1024, 'a');
    {
        const httplib::Result r = c->Post("/api/v1/finance/applications", bearer(alice), b.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 413);
        CHECK(json::parse(r->body)["error"]["field"] == "body");
        c = clientFor(s);
    }
    // Nothing was written by any of these.
    CHECK(call(*c, "GET", "/api/v1/finance/applications", "", bearer(alice)).body["applications"].empty());

    // The good one, then the same again: 409 naming the bank with the open application.
    const Answer created = call(*c, "POST", "/api/v1/finance/applications", good.dump(), bearer(alice));
    REQUIRE(created.status == 201);
    REQUIRE(created.body["applications"].size() == 2);
    json again = good;
    again["bank_ids"] = {"tumar", "steppe"};
    CHECK(refused(again, 409, "application_open", "bank_ids[1]").find("steppe") != std::string::npos);
    CHECK(call(*c, "GET", "/api/v1/finance/applications", "", bearer(alice)).body["applications"].size() == 2);
    CHECK(s.alive());
}

// [SECTION] Reading and deciding

TEST_CASE("finance: applications are their applicant's, and the bank's side decides them", "[api][finance]")
{
    ServerProcess s(ServerOptions{80, false, true, {}});
    auto c = clientFor(s);
    const std::string alice = signedIn(*c, s, "alice@example.kz", 0);
    const std::string bolat = signedIn(*c, s, "bolat@example.kz", 1);
    const json bh = firstListing(*c, "BH");

    const Answer created =
        call(*c, "POST", "/api/v1/finance/applications", application(bh, {"sadaf"}, "murabaha").dump(), bearer(alice));
    REQUIRE(created.status == 201);
    CHECK(created.header("Cache-Control") == "no-store");
    const json murabaha = created.body["applications"][0];
    CHECK(murabaha["bank_id"] == "sadaf");
    CHECK(murabaha["bank_name"] == "Sadaf Islamic Finance");
    CHECK(murabaha["listing_id"] == bh["id"]);
    CHECK(murabaha["listing_title"] == bh["title"]);
    CHECK(murabaha["status"] == "submitted");
    CHECK(murabaha["offer"].is_null());
    CHECK(murabaha["terms"]["repayment"] == "murabaha");
    CHECK(murabaha["terms"]["monthly_payment_minor"].get<std::int64_t>() > 0);
    CHECK(murabaha["applicant"]["national_id"] == "850505432");
    CHECK(murabaha["applicant"]["employment"] == "self_employed");
    CHECK(murabaha["created_at"].get<std::string>().size() == 20);

    const Answer loan = call(*c, "POST", "/api/v1/finance/applications", application(bh, {"pearl"}).dump(), bearer(alice));
    REQUIRE(loan.status == 201);
    const json pearl = loan.body["applications"][0];
    const std::int64_t id = pearl["id"];
    const std::string path = "/api/v1/finance/applications/" + std::to_string(id);

    // Alice's, newest first; out of Bolat's reach (404, as if it did not exist).
    const Answer mine = call(*c, "GET", "/api/v1/finance/applications", "", bearer(alice));
    REQUIRE(mine.body["applications"].size() == 2);
    CHECK(mine.body["applications"][0]["id"] == id);
    CHECK(mine.header("Cache-Control") == "no-store");
    CHECK(call(*c, "GET", path, "", bearer(alice)).body == pearl);
    CHECK(call(*c, "GET", "/api/v1/finance/applications", "").status == 401);
    CHECK(call(*c, "GET", "/api/v1/finance/applications", "", bearer(bolat)).body["applications"].empty());
    const Answer steal = call(*c, "GET", path, "", bearer(bolat));
    CHECK(steal.status == 404);
    CHECK(steal.body.dump().find("850505432") == std::string::npos);
    CHECK(call(*c, "GET", "/api/v1/finance/applications/999999", "", bearer(alice)).status == 404);
    CHECK(call(*c, "GET", "/api/v1/finance/applications?all=1", "", bearer(bolat)).status == 403);
    CHECK(call(*c, "GET", "/api/v1/finance/applications?limit=0", "", bearer(alice)).field() == "limit");
    const Answer status = call(*c, "PUT", path + "/status", json{{"status", "in_review"}}.dump(), bearer(bolat));
    CHECK(status.status == 403);
    CHECK(call(*c, "PUT", path + "/status", json{{"status", "in_review"}}.dump(), bearer(alice)).status == 403);
    CHECK(call(*c, "PUT", path + "/status", json{{"status", "in_review"}}.dump()).status == 401);

    // The bank's side: an administrator signed in with two-factor sign-in.
    const std::string admin = adminToken(*c, s);
    const auto put = [&](const json& body) { return call(*c, "PUT", path + "/status", body.dump(), bearer(admin)); };
    const json offer = {{"rate_bp", 690}, {"term_months", 36}, {"note", "Insurance with a partner insurer"}};
    const Answer early = put(json{{"status", "approved"}, {"offer", offer}});
    CHECK(early.status == 409);
    CHECK(early.code() == "invalid_transition");
    CHECK(early.field() == "status");
    CHECK(early.body["error"]["message"].get<std::string>().find("submitted") != std::string::npos);
    CHECK(put(json{{"status", "in_review"}, {"offer", offer}}).status == 422);
    CHECK(put(json{{"status", "pending"}}).field() == "status");
    const Answer review = put(json{{"status", "in_review"}});
    REQUIRE(review.status == 200);
    CHECK(review.body["status"] == "in_review");
    CHECK(review.body["offer"].is_null());
    const Answer noOffer = put(json{{"status", "approved"}});
    CHECK(noOffer.status == 422);
    CHECK(noOffer.code() == "offer_required");
    CHECK(put(json{{"status", "approved"}, {"offer", {{"rate_bp", 690}}}}).field() == "offer.term_months");
    const Answer approved = put(json{{"status", "approved"}, {"offer", offer}});
    REQUIRE(approved.status == 200);
    CHECK(approved.body["status"] == "approved");
    CHECK(approved.body["offer"]["rate_bp"] == 690);
    CHECK(approved.body["offer"]["term_months"] == 36);
    CHECK(approved.body["offer"]["note"] == "Insurance with a partner insurer");
    // The offer's payment, computed here with the core engine on the application's terms and Pearl's fees.
    dongelek::finance::LoanInput in;
    in.currency = dongelek::Currency::BHD;
    in.priceMinor = pearl["terms"]["price_minor"];
    in.downPayment = dongelek::finance::Share::amount(pearl["terms"]["down_payment_minor"].get<std::int64_t>());
    in.termMonths = 36;
    in.annualRateBp = 690;
    in.oneTimeFee = dongelek::finance::Share::percentBp(100); // Pearl Coast Bank's 1 %
    in.insurancePerYearMinor = 0;
    const auto expected = dongelek::finance::computeLoan(in);
    REQUIRE(expected.ok());
    CHECK(approved.body["offer"]["monthly_payment_minor"] == expected.schedule.summary.monthlyPayment);
    // And the payment when applying: the same engine at Pearl's lowest rate (5.50 %) over 48 months.
    in.termMonths = 48;
    in.annualRateBp = 550;
    CHECK(pearl["terms"]["monthly_payment_minor"] == dongelek::finance::computeLoan(in).schedule.summary.monthlyPayment);
    CHECK(pearl["terms"]["rate_bp"] == 550);

    // Approved is final.
    const Answer late = put(json{{"status", "declined"}});
    CHECK(late.status == 409);
    CHECK(late.body["error"]["message"].get<std::string>().find("approved") != std::string::npos);
    CHECK(call(*c, "PUT", "/api/v1/finance/applications/999999/status", json{{"status", "in_review"}}.dump(),
               bearer(admin))
              .status == 404);
    // The applicant sees the offer; the administrator sees everyone's, with the applicant's details.
    CHECK(call(*c, "GET", path, "", bearer(alice)).body["offer"]["monthly_payment_minor"] ==
          approved.body["offer"]["monthly_payment_minor"]);
    const Answer all = call(*c, "GET", "/api/v1/finance/applications?all=1", "", bearer(admin));
    REQUIRE(all.status == 200);
    CHECK(all.body["applications"].size() == 2);
    CHECK(call(*c, "GET", path, "", bearer(admin)).body["applicant"]["full_name"] == "Aliya Nurlanova");
    // Declined straight from submitted.
    const std::string other = "/api/v1/finance/applications/" + std::to_string(murabaha["id"].get<std::int64_t>());
    CHECK(call(*c, "PUT", other + "/status", json{{"status", "declined"}}.dump(), bearer(admin)).body["status"] ==
          "declined");

    // Personal data never reaches the log.
    const std::string log = s.log();
    for (const char* secret : {"850505432", "Aliya", "3600 4321", "aliya@example.kz"}) {
        INFO(secret);
        CHECK(log.find(secret) == std::string::npos);
    }
    CHECK(s.alive());
}
