// The listing module's extras: insight, similar cars and the seller's other listings asked once
// the details arrive; "Show phone" with its 429 wait; the report; the price in the buyer's
// currency; the contact links; and the texture cache's eviction policy.

#include "client_harness.hpp"

#include "client/features/listing/listing_text.hpp"
#include "ui/texture_cache_policy.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace dongelek;
using namespace dongelek::test;

namespace {

std::string detailsWithSeller(std::int64_t id, std::int64_t sellerId)
{
    auto j = nlohmann::json::parse(detailsJson(id));
    j["seller"]["id"] = sellerId;
    return j.dump();
}

Strings englishStrings()
{
    Strings s;
    s.load("en", "", R"({"listing.price.approx": "≈ {price}", "format.price.KZT": "{amount} ₸", "format.price.BHD": "BD {amount}",
               "format.group_separator": ",", "format.decimal_separator": ".",
               "listing.contact.message": "Hello! I'm interested in your {car} on Dongelek: {link}",
               "listing.insight.based_on.one": "based on {count} similar car",
               "listing.insight.based_on.other": "based on {count} similar cars",
               "listing.history.change": "{sign}{percent}%"})");
    return s;
}

// Opens listing 42 (seller 7) and answers its details.
void openListing(ClientHarness& h)
{
    h.start("/listing/42");
    h.reply(h.http.last("/api/v1/listings/42"), 200, detailsWithSeller(42, 7));
}

} // namespace

TEST_CASE("the listing's insight, similar cars and the seller's other listings are asked once the details arrive",
          "[client][listing]")
{
    ClientHarness h;
    h.start("/listing/42");
    CHECK(h.http.count("/api/v1/listings/42/") == 0); // nothing before the details (the seller's id is in them)
    h.reply(h.http.last("/api/v1/listings/42"), 200, detailsWithSeller(42, 7));
    CHECK(h.http.count("/api/v1/listings/42/insight") == 1);
    CHECK(h.http.count("/api/v1/listings/42/similar") == 1);
    REQUIRE(h.http.count("/api/v1/sellers/7/listings") == 1);
    CHECK(h.http.urls("/api/v1/sellers/")[0] == "/api/v1/sellers/7/listings?except=42&page_size=6");

    PriceInsight in;
    in.rating = DealRating::Good;
    in.available = true;
    in.estimate = {1'300'000'000, Currency::KZT};
    in.comparables = 12;
    h.reply(h.http.last("/api/v1/listings/42/insight"), 200, nlohmann::json(in).dump());
    h.reply(h.http.last("/api/v1/listings/42/similar"), 200, pageJson(8, 1, 8, 100));
    h.reply(h.http.last("/api/v1/sellers/7/listings"), 200, pageJson(2, 1, 2, 200, 6));
    REQUIRE(h.listing().insight.status() == Status::Ready);
    CHECK(h.listing().insight.value().rating == DealRating::Good);
    CHECK(h.listing().similar.value().items.size() == 8);
    CHECK(h.listing().sellerListings.value().items.size() == 2);

    // Another listing drops them and asks its own; Back returns without asking again.
    h.openListing(43);
    CHECK_FALSE(h.listing().insight.has());
    h.reply(h.http.last("/api/v1/listings/43"), 200, detailsWithSeller(43, 7));
    CHECK(h.http.count("/api/v1/listings/43/insight") == 1);
    CHECK(h.http.count("/api/v1/sellers/7/listings?except=43") == 1);
}

TEST_CASE("an insight that fails is asked again by Retry, the others are not", "[client][listing]")
{
    ClientHarness h;
    openListing(h);
    h.reply(h.http.last("/api/v1/listings/42/insight"), 500, errorJson("internal"));
    h.reply(h.http.last("/api/v1/listings/42/similar"), 200, pageJson(1, 1, 1, 100));
    CHECK(h.listing().insight.status() == Status::Error);
    h.listingModule.retry();
    CHECK(h.http.count("/api/v1/listings/42/insight") == 2);
    CHECK(h.http.count("/api/v1/listings/42/similar") == 1);
}

TEST_CASE("Show phone posts the channel and shows the number, a 429 waits as Retry-After says", "[client][listing]")
{
    ClientHarness h;
    openListing(h);
    h.listingModule.revealContact(ContactChannel::WhatsApp);
    const std::size_t i = h.http.last("/api/v1/listings/42/contact");
    CHECK(h.http.request(i).method == "POST");
    CHECK(nlohmann::json::parse(h.http.request(i).body) == nlohmann::json{{"channel", "whatsapp"}});
    h.listingModule.revealContact(ContactChannel::Phone); // already under way: not twice
    CHECK(h.http.count("/api/v1/listings/42/contact") == 1);

    SECTION("answered")
    {
        h.reply(i, 200, R"({"phone":"+7 701 234 56 78","whatsapp":"https://wa.me/77012345678","telegram":"https://t.me/+77012345678"})");
        REQUIRE(h.listing().contact.reveal.status() == Status::Ready);
        CHECK(h.listing().contact.reveal.value().phone == "+7 701 234 56 78");
        h.listingModule.revealContact(ContactChannel::Phone); // shown: nothing more to ask
        CHECK(h.http.count("/api/v1/listings/42/contact") == 1);
    }
    SECTION("rate limited")
    {
        h.http.answer(i, 429, errorJson("rate_limited"), {}, {{"Retry-After", "120"}});
        h.frame(0);
        REQUIRE(h.listing().contact.reveal.status() == Status::Error);
        CHECK(h.listing().contact.reveal.error().kind == ErrorKind::RateLimited);
        CHECK(h.listingModule.contactWaitSeconds(h.now) == 120);
        CHECK(h.listingModule.nextUpdateAt().value() == Approx(h.now + 120'000));
        h.listingModule.revealContact(ContactChannel::Phone);
        CHECK(h.http.count("/api/v1/listings/42/contact") == 1); // not during the wait
        h.runUntil(h.now + 60'000);
        CHECK(h.listingModule.contactWaitSeconds(h.now) == 60);
        h.runUntil(h.now + 60'001);
        CHECK(h.listingModule.contactWaitSeconds(h.now) == 0);
        CHECK_FALSE(h.listingModule.nextUpdateAt().has_value());
        h.listingModule.revealContact(ContactChannel::Phone);
        CHECK(h.http.count("/api/v1/listings/42/contact") == 2);
    }
}

TEST_CASE("a report posts its reason and comment, and tells received from already reported", "[client][listing]")
{
    ClientHarness h;
    openListing(h);
    h.listingModule.submitReport(ReportReason::Fraud, "x"); // the dialog is not open: nothing
    CHECK(h.http.count("/api/v1/listings/42/reports") == 0);
    h.listingModule.openReport();
    const auto visit = h.listing().report.visit;
    h.listingModule.submitReport(ReportReason::WrongPrice, "  The price is in dollars  ");
    std::size_t i = h.http.last("/api/v1/listings/42/reports");
    CHECK(h.http.request(i).method == "POST");
    CHECK(nlohmann::json::parse(h.http.request(i).body) ==
          nlohmann::json{{"reason", "wrong_price"}, {"comment", "The price is in dollars"}});

    SECTION("received")
    {
        h.reply(i, 201, R"({"status":"received"})");
        CHECK(h.listing().report.sent.status() == Status::Ready);
        CHECK(h.listing().report.httpStatus == 201);
        h.listingModule.closeReport();
        h.listingModule.openReport();
        CHECK(h.listing().report.sent.status() == Status::Ready); // still "thank you", not a new form
        CHECK(h.listing().report.visit == visit);
    }
    SECTION("already reported")
    {
        h.reply(i, 200, R"({"status":"already_reported"})");
        CHECK(h.listing().report.sent.value().status == "already_reported");
        CHECK(h.listing().report.httpStatus == 200);
    }
    SECTION("refused, then sent again without a comment")
    {
        h.reply(i, 500, errorJson("internal"));
        CHECK(h.listing().report.sent.status() == Status::Error);
        h.listingModule.submitReport(ReportReason::Sold, "   ");
        i = h.http.last("/api/v1/listings/42/reports");
        CHECK(nlohmann::json::parse(h.http.request(i).body) == nlohmann::json{{"reason", "sold"}});
    }
}

TEST_CASE("the viewer opens on a photo and closes, a new listing starts closed", "[client][listing]")
{
    ClientHarness h;
    openListing(h);
    h.listingModule.openViewer(2);
    CHECK(h.listing().viewerOpen);
    CHECK(h.listing().photoIndex == 2);
    h.listingModule.showPhoto(3); // wraps
    CHECK(h.listing().photoIndex == 0);
    h.listingModule.closeViewer();
    CHECK_FALSE(h.listing().viewerOpen);
    h.listingModule.openViewer(1);
    h.openListing(43);
    CHECK_FALSE(h.listing().viewerOpen);
}

TEST_CASE("the buyer's currency: the browse filter's, or a pick on the page", "[client][listing]")
{
    ClientHarness h;
    h.start("/?currency=BHD&price_to=9000");
    CHECK(h.listingModule.buyerCurrency() == Currency::BHD);
    h.listingModule.setCurrency(Currency::KZT);
    CHECK(h.listingModule.buyerCurrency() == Currency::KZT);
}

TEST_CASE("a price in the other currency at the reference rate", "[client][listing]")
{
    const Strings s = englishStrings();
    // 11,812,500 ₸ / 1,350 = BD 8,750
    CHECK(convertedPriceText(s, Money{1'181'250'000, Currency::KZT}, Currency::BHD) == "≈ BD 8,750");
    CHECK(convertedPriceText(s, Money{1'181'250'000, Currency::KZT}, Currency::KZT).empty());
    // BD 8,750 = 11,812,500 ₸, shown to the thousand
    CHECK(convertedPriceText(s, Money{8'750'000, Currency::BHD}, Currency::KZT) == "≈ 11,813,000 ₸");
    CHECK(convertAtReferenceRate(Money{500, Currency::BHD}, Currency::KZT) == Money{1'000 * 100, Currency::KZT}); // BD 0.5 = 675 ₸
}

TEST_CASE("contact links carry a message naming the car, tel: has digits only", "[client][listing]")
{
    const Strings s = englishStrings();
    ListingSummary item = summary(42, "Toyota Camry 2.5", 2018);
    const std::string message = contactMessage(s, item, "https://dongelek.kz/listing/42");
    CHECK(message == "Hello! I'm interested in your Toyota Camry 2018 on Dongelek: https://dongelek.kz/listing/42");
    CHECK(withTextParam("https://wa.me/77012345678", "Hi there!") == "https://wa.me/77012345678?text=Hi%20there%21");
    CHECK(withTextParam("https://x/?a=1", "b") == "https://x/?a=1&text=b");
    CHECK(withTextParam("", "b").empty());
    CHECK(telHref("+7 701 234-56-78") == "tel:+77012345678");
}

TEST_CASE("the price history's changes and the insight's count read per language", "[client][listing]")
{
    const Strings s = englishStrings();
    const auto steps = priceSteps({{"2024-01-01T00:00:00Z", {1'000'000'000, Currency::KZT}},
                                   {"2024-02-01T00:00:00Z", {950'000'000, Currency::KZT}},
                                   {"2024-03-01T00:00:00Z", {969'000'000, Currency::KZT}}});
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].first);
    CHECK(steps[1].changePercent == -5);
    CHECK(steps[2].changePercent == 2);
    CHECK(changeText(s, -5) == "\xE2\x80\x93" "5%");
    CHECK(changeText(s, 2) == "+2%");
    CHECK(basedOnText(s, 1) == "based on 1 similar car");
    CHECK(basedOnText(s, 12) == "based on 12 similar cars");
}

TEST_CASE("the shipped locales say the insight's count in each language's plural", "[client][listing]")
{
    CHECK(basedOnText(shipped("ru"), 12) == "на основе 12 похожих автомобилей");
    CHECK(basedOnText(shipped("ru"), 21) == "на основе 21 похожего автомобиля");
    CHECK(basedOnText(shipped("kk"), 12) == "ұқсас 12 көлік негізінде");
    CHECK(convertedPriceText(shipped("ru"), Money{1'181'250'000, Currency::KZT}, Currency::BHD) == "≈ 8\xC2\xA0" "750\xC2\xA0" "BD");
    const std::string kk = contactMessage(shipped("kk"), summary(1, "Toyota Camry", 2018), "L");
    CHECK(kk.find("Toyota Camry 2018") != std::string::npos);
}

TEST_CASE("the texture cache keeps the most recently drawn textures under its budget", "[client][texture]")
{
    using ui::TextureLru;
    CHECK(ui::textureBudgetFor(false) == 96u << 20);
    CHECK(ui::textureBudgetFor(true) == 48u << 20);
    TextureLru lru(10);
    lru.add("a", 4, 1);
    lru.add("b", 4, 2);
    lru.add("c", 4, 3); // 12 > 10
    CHECK(lru.evict(4) == std::vector<std::string>{"a"});
    CHECK(lru.bytes() == 8);
    lru.touch("b", 5); // drawn again: c is now the oldest
    lru.add("d", 4, 5);
    CHECK(lru.evict(6) == std::vector<std::string>{"c"});
    CHECK(lru.keysOldestFirst() == std::vector<std::string>{"b", "d"});
    // What was drawn in the current frame stays even over budget.
    lru.touch("b", 7);
    lru.touch("d", 7);
    lru.add("e", 8, 7);
    CHECK(lru.evict(7).empty());
    CHECK(lru.bytes() == 16);
    CHECK(lru.evict(8) == std::vector<std::string>{"b", "d"});
    CHECK(lru.keysOldestFirst() == std::vector<std::string>{"e"});
    // A smaller budget (a phone) lets more go; removing is exact.
    lru.setBudget(4);
    CHECK(lru.evict(9) == std::vector<std::string>{"e"});
    CHECK(lru.size() == 0);
    CHECK(lru.bytes() == 0);
    lru.add("x", 3, 1);
    lru.remove("x");
    CHECK(lru.bytes() == 0);
}

TEST_CASE("opening a listing counts a view once its details are shown, Back to it does not", "[client][listing]")
{
    ClientHarness h;
    h.start("/");
    h.openListing(42);
    CHECK(h.http.count("/api/v1/listings/42/view") == 0); // not before the page is there
    h.reply(h.http.last("/api/v1/listings/42"), 200, detailsJson(42));
    REQUIRE(h.http.count("/api/v1/listings/42/view") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/listings/42/view")).method == "POST");
    h.openListing(43);
    h.reply(h.http.last("/api/v1/listings/43"), 200, detailsJson(43));
    CHECK(h.http.count("/api/v1/listings/43/view") == 1);
    h.history.goBack();
    h.deliverPop();
    h.reply(h.http.last("/api/v1/listings/42"), 200, detailsJson(42));
    CHECK(h.listing().details.value().summary.id == 42);
    CHECK(h.http.count("/api/v1/listings/42/view") == 1);
}
