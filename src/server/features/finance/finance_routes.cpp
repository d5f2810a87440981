// The financing routes. Tariffs and banks are rendered once (plain and gzip) and answered
// with Cache-Control: public, max-age=3600 and an ETag; applications are one user's data:
// Cache-Control: no-store. Bodies are read here with their JSON types checked (400 naming
// the field); what the values mean is the service's to judge (422 naming the field).

#include "server/features/finance/finance_routes.hpp"

#include "server/features/finance/finance_files.hpp"
#include "server/features/finance/finance_json.hpp"
#include "server/features/finance/finance_service.hpp"
#include "server/http/json_body.hpp"
#include "server/http/representations.hpp"

#include "core/url.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>

namespace dongelek::server::finance {

namespace {

using nlohmann::json;

constexpr std::size_t kApplicationBody = 16 * 1024;
constexpr std::size_t kStatusBody = 4096;
constexpr std::size_t kTextMax = 4096; // the service judges lengths below this (422); above is a 400
constexpr std::size_t kBankIdMaxBytes = 64;
constexpr std::int64_t kMaxId = 9'000'000'000'000'000'000;
constexpr std::int64_t kAnyMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kAnyMax = std::numeric_limits<std::int64_t>::max();
constexpr const char* kPublicHour = "public, max-age=3600";

// [SECTION] Rendered once

struct Rendered {
    BodyPtr plain, gzip;
};

Rendered render(const std::string& text)
{
    return Rendered{makeBody(text, false), makeBody(text, true)};
}

Response publicHour(const Request& req, const Rendered& r)
{
    const BodyPtr& b = req.acceptsGzip() ? r.gzip : r.plain;
    return representation(req, std::shared_ptr<const std::string>(b, &b->bytes),
                          RepresentationInfo{kJsonType, kPublicHour, b->gzipped, b->etag});
}

std::string banksJson(const std::vector<Bank>& banks)
{
    json list = json::array();
    for (const Bank& b : banks)
        list.push_back(toJson(b));
    return json{{"banks", std::move(list)}}.dump();
}

Response noStore(int status, const json& body)
{
    return Response::privateJson(status, body.dump());
}

// [SECTION] Reading bodies

// A required string: absent or null is a 400; its length is left to the service.
std::string requiredText(const JsonBody& b, std::string_view name, const std::string& prefix)
{
    if (!b.has(name))
        throw ClientError(400, "missing_field", prefix + std::string(name), prefix + std::string(name) + " is required");
    return b.optionalText(name, kTextMax).value_or("");
}

std::vector<std::string> readBankIds(std::string_view body)
{
    const json root = json::parse(body, nullptr, false); // JsonBody accepted it already
    const auto it = root.find("bank_ids");
    if (it == root.end() || it->is_null()) throw ClientError(400, "missing_field", "bank_ids", "bank_ids is required");
    if (!it->is_array())
        throw ClientError(400, "invalid_field", "bank_ids", "bank_ids must be an array of bank ids, e.g. [\"dala\"]");
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string field = "bank_ids[" + std::to_string(i) + "]";
        const json& v = (*it)[i];
        if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > kBankIdMaxBytes)
            throw ClientError(400, "invalid_field", field, field + " must be a bank id, e.g. \"dala\"");
        ids.push_back(v.get<std::string>());
    }
    return ids;
}

ApplicationRequest readApplication(std::string_view body)
{
    JsonBody b(body, {"listing_id", "bank_ids", "terms", "applicant", "consent"});
    ApplicationRequest r;
    r.listingId = b.integer("listing_id", 1, kMaxId);
    r.bankIds = readBankIds(body);
    const JsonBody t = b.object("terms", {"price_minor", "currency", "down_payment_minor", "trade_in_minor",
                                          "term_months", "repayment"});
    r.terms.priceMinor = t.integer("price_minor", kAnyMin, kAnyMax);
    r.terms.currency = requiredText(t, "currency", "terms.");
    r.terms.downPaymentMinor = t.integer("down_payment_minor", kAnyMin, kAnyMax);
    r.terms.tradeInMinor = t.has("trade_in_minor") ? t.integer("trade_in_minor", kAnyMin, kAnyMax) : 0;
    r.terms.termMonths = t.integer("term_months", kAnyMin, kAnyMax);
    r.terms.repayment = requiredText(t, "repayment", "terms.");
    const JsonBody a = b.object("applicant", {"full_name", "phone", "email", "national_id", "monthly_income_minor",
                                              "employment"});
    r.applicant.fullName = requiredText(a, "full_name", "applicant.");
    r.applicant.phone = requiredText(a, "phone", "applicant.");
    r.applicant.email = a.optionalText("email", kTextMax).value_or("");
    r.applicant.nationalId = requiredText(a, "national_id", "applicant.");
    r.applicant.monthlyIncomeMinor = a.integer("monthly_income_minor", kAnyMin, kAnyMax);
    r.applicant.employment = requiredText(a, "employment", "applicant.");
    r.consent = b.optionalBool("consent").value_or(false);
    return r;
}

StatusChange readStatus(std::string_view body)
{
    JsonBody b(body, {"status", "offer"});
    StatusChange c;
    c.status = requiredText(b, "status", "");
    if (b.has("offer")) {
        const JsonBody o = b.object("offer", {"rate_bp", "term_months", "note"});
        OfferRequest offer;
        offer.rateBp = o.integer("rate_bp", kAnyMin, kAnyMax);
        offer.termMonths = o.integer("term_months", kAnyMin, kAnyMax);
        offer.note = o.optionalText("note", kNoteMaxChars).value_or("");
        c.offer = std::move(offer);
    }
    return c;
}

Caller callerOf(const Request& req)
{
    const Principal& p = req.user();
    return Caller{p.userId, p.role == Role::Admin && p.secondFactor};
}

// ?all=1 and ?limit=N of the list.
std::pair<bool, int> readListQuery(std::string_view rawQuery)
{
    bool all = false;
    int limit = kListDefault;
    if (const std::optional<std::string> v = queryParam(rawQuery, "all")) {
        if (*v == "1" || *v == "true")
            all = true;
        else if (*v != "0" && *v != "false")
            throw ClientError(badParameter("all", "all must be 1 or 0"));
    }
    if (const std::optional<std::string> v = queryParam(rawQuery, "limit")) {
        const bool digits = !v->empty() && v->size() <= 3 && v->find_first_not_of("0123456789") == std::string::npos;
        const int n = digits ? std::stoi(*v) : 0;
        if (n < 1 || n > kListMax)
            throw ClientError(badParameter("limit", "limit must be 1 to " + std::to_string(kListMax)));
        limit = n;
    }
    return {all, limit};
}

} // namespace

std::vector<Route> financeRoutes(FinanceService& service, const FinanceFiles& files)
{
    const Rendered tariffs = render(files.tariffsJson);
    const Rendered allBanks = render(banksJson(files.banks.all()));
    const std::map<std::string, Rendered> banksOf = {
        {"KZ", render(banksJson(files.banks.inCountry(Country::KZ)))},
        {"BH", render(banksJson(files.banks.inCountry(Country::BH)))},
    };

    std::vector<Route> routes;
    routes.push_back(Route{{Method::Get}, "/api/v1/finance/tariffs", Access::Public, kNoBody,
                           "the tariff files the app computes costs and insurance from, as one object",
                           [tariffs](const Request& req) -> Reply { return publicHour(req, tariffs); }});
    routes.push_back(Route{{Method::Get}, "/api/v1/finance/banks", Access::Public, kNoBody,
                           "the partner banks and their conditions; country=KZ or BH (all when absent)",
                           [allBanks, banksOf](const Request& req) -> Reply {
                               const std::optional<std::string> country = queryParam(req.rawQuery, "country");
                               if (!country) return publicHour(req, allBanks);
                               const auto it = banksOf.find(*country);
                               if (it == banksOf.end())
                                   throw ClientError(badParameter(
                                       "country", "country must be KZ or BH, not \"" + country->substr(0, 20) + "\""));
                               return publicHour(req, it->second);
                           }});
    routes.push_back(Route{{Method::Post}, "/api/v1/finance/applications", Access::SignedIn, kApplicationBody,
                           "apply for a loan on a listing to 1..5 partner banks at once (one application per bank)",
                           [&service](const Request& req) -> Reply {
                               const ApplicationRequest r = readApplication(req.body);
                               return noStore(201, toJson(service.apply(req.user().userId, r)));
                           }});
    routes.push_back(Route{{Method::Get}, "/api/v1/finance/applications", Access::SignedIn, kNoBody,
                           "the caller's loan applications, newest first (all=1: everyone's, administrators only)",
                           [&service](const Request& req) -> Reply {
                               const auto [all, limit] = readListQuery(req.rawQuery);
                               return noStore(200, toJson(service.list(callerOf(req), all, limit)));
                           }});
    routes.push_back(Route{{Method::Get}, "/api/v1/finance/applications/{id:id}", Access::SignedIn, kNoBody,
                           "one loan application: its applicant's or, for administrators, anyone's",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, toJson(service.get(callerOf(req), req.params.id("id"))));
                           }});
    routes.push_back(Route{{Method::Put}, "/api/v1/finance/applications/{id:id}/status", Access::Admin, kStatusBody,
                           "the bank's decision: {status: in_review|approved|declined, offer?} (administrators)",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, toJson(service.changeStatus(req.params.id("id"), readStatus(req.body))));
                           }});
    return routes;
}

} // namespace dongelek::server::finance
