// The seller's draft: its document round trip and bad documents, the rules the editor shows
// next to each field (and the server applies before publishing), and the merge of two edits.
#include "core/listing_draft.hpp"
#include "core/spin_prep.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dongelek;
using nlohmann::json;

namespace {

ListingDraft complete()
{
    ListingDraft d;
    d.vin = "JTDBR32E530012345";
    d.makeId = 1;
    d.modelId = 2;
    d.year = 2019;
    d.trim = "Prestige";
    d.body = Body::Sedan;
    d.fuel = Fuel::Petrol;
    d.transmission = Transmission::Automatic;
    d.drive = Drive::Fwd;
    d.engineLitres = 2.5;
    d.powerHp = 181;
    d.color = "white";
    d.condition = Condition::Used;
    d.mileageKm = 84000;
    d.owners = 1;
    d.accidents = 0;
    d.steering = Steering::Left;
    d.customsCleared = true;
    d.priceMinor = 12'500'000'00;
    d.currency = Currency::KZT;
    d.cityId = 3;
    d.description = "Один владелец, обслуживалась у дилера.";
    for (int i = 0; i < 4; ++i)
        d.photos.push_back({"p" + std::to_string(i), 100 + i, 1600, 1200});
    return d;
}

const DraftProblem* problemOf(const std::vector<DraftProblem>& problems, const std::string& field)
{
    const auto it = std::find_if(problems.begin(), problems.end(), [&](const DraftProblem& p) { return p.field == field; });
    return it == problems.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("a draft document round-trips every field and leaves out what is not filled in", "[draft]")
{
    const ListingDraft d = complete();
    const json doc = draftDocument(d);
    CHECK(doc.at("year") == 2019);
    CHECK(doc.at("body") == "sedan");
    CHECK(doc.at("photos").size() == 4);
    std::string error;
    const std::optional<ListingDraft> back = parseDraftDocument(doc, &error);
    REQUIRE(back);
    CHECK(draftDocument(*back) == doc);

    const json empty = draftDocument(ListingDraft{});
    CHECK(empty == json{{"currency", "KZT"}});
    REQUIRE(parseDraftDocument(json::object()));
    CHECK(parseDraftDocument(json::object())->currency == Currency::KZT);
}

TEST_CASE("a bad draft document is refused naming its key", "[draft]")
{
    std::string error;
    CHECK_FALSE(parseDraftDocument(json::array(), &error));
    CHECK(error == "the draft must be a JSON object");
    CHECK_FALSE(parseDraftDocument(json{{"year", "2019"}}, &error));
    CHECK(error == "year: must be a whole number");
    CHECK_FALSE(parseDraftDocument(json{{"body", "tank"}}, &error));
    CHECK(error.rfind("body: must be one of sedan, hatchback", 0) == 0);
    CHECK_FALSE(parseDraftDocument(json{{"price", 5}}, &error));
    CHECK(error == "price: not a field of a listing draft");
    CHECK_FALSE(parseDraftDocument(json{{"description", std::string(4001, 'a')}}, &error));
    CHECK(error == "description: must be at most 4000 characters");
    // 4000 Cyrillic letters are 8000 bytes and still fit: the limit counts characters.
    std::string cyrillic;
    for (int i = 0; i < 4000; ++i)
        cyrillic += "ж";
    CHECK(parseDraftDocument(json{{"description", cyrillic}}, &error));
    CHECK_FALSE(parseDraftDocument(json{{"description", std::string("\xff\xfe")}}, &error));
    CHECK(error == "description: must be UTF-8 text");
    CHECK_FALSE(parseDraftDocument(json{{"photos", json::array({json{{"key", "a"}}, json{{"key", "a"}}})}}, &error));
    CHECK(error == "photos: two photos have the key a");
    CHECK_FALSE(parseDraftDocument(json{{"photos", json::array({json{{"upload_id", 3}}})}}, &error));
    CHECK(error == "photos: each photo must be {key, upload_id, width, height}");
    CHECK_FALSE(parseDraftDocument(json{{"mileage_km", -5}}, &error));
    CHECK(error == "mileage_km: must be from 0 to 5000000");
    CHECK_FALSE(parseDraftDocument(json{{"engine_litres", "big"}}, &error));
    CHECK(error == "engine_litres: must be a number of litres from 0 to 20");
}

TEST_CASE("a complete draft is publishable and an empty one names every required field in step order", "[draft]")
{
    const DraftContext ctx{2026, true};
    const std::vector<DraftProblem> ok = validateDraft(complete(), ctx);
    CHECK(publishable(ok));
    CHECK(ok.empty());

    const std::vector<DraftProblem> empty = validateDraft(ListingDraft{}, ctx);
    CHECK_FALSE(publishable(empty));
    std::vector<std::string> fields;
    for (const DraftProblem& p : empty)
        if (p.level == ProblemLevel::Error) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"make_id", "model_id", "year", "body", "fuel", "transmission", "drive",
                                             "engine_litres", "power_hp", "color", "condition", "mileage_km",
                                             "price_minor", "city_id", "photos"});
    // The steps are in the editor's order, so the first problem is on the earliest step.
    for (std::size_t i = 1; i < empty.size(); ++i)
        CHECK(static_cast<int>(stepOfField(empty[i - 1].field)) <= static_cast<int>(stepOfField(empty[i].field)));
}

TEST_CASE("the year may be next year's model year but not later, nor before 1950", "[draft]")
{
    const DraftContext ctx{2026, true};
    ListingDraft d = complete();
    d.year = 2027;
    d.condition = Condition::New;
    d.mileageKm = 10;
    CHECK(publishable(validateDraft(d, ctx)));
    d.year = 2028;
    const auto problems = validateDraft(d, ctx);
    REQUIRE(problemOf(problems, "year"));
    CHECK(problemOf(problems, "year")->code == "year_future");
    CHECK(problemOf(problems, "year")->max == 2027);
    d.year = 1949;
    CHECK(problemOf(validateDraft(d, ctx), "year")->code == "year_too_old");
}

TEST_CASE("the price range depends on the currency", "[draft]")
{
    const DraftContext ctx{2026, true};
    ListingDraft d = complete();
    d.priceMinor = 50'000'00; // 50,000 tenge: too cheap for a car
    const auto cheap = validateDraft(d, ctx);
    auto p = problemOf(cheap, "price_minor");
    REQUIRE(p);
    CHECK(p->code == "price_too_low");
    CHECK(p->min == 100'000'00);
    // The same number in dinars is a fine price: 50 dinars is too low, 5,000 is not.
    d.currency = Currency::BHD;
    d.priceMinor = 50'000;
    CHECK(problemOf(validateDraft(d, ctx), "price_minor")->code == "price_too_low");
    d.priceMinor = 5'000'000;
    CHECK_FALSE(problemOf(validateDraft(d, ctx), "price_minor"));
    d.priceMinor = 20'000'000'000;
    CHECK(problemOf(validateDraft(d, ctx), "price_minor")->code == "price_too_high");
}

TEST_CASE("the mileage must be plausible for the car's age and condition", "[draft]")
{
    const DraftContext ctx{2026, true};
    ListingDraft d = complete();
    d.condition = Condition::New;
    d.mileageKm = 15000;
    CHECK(problemOf(validateDraft(d, ctx), "mileage_km")->code == "mileage_new");
    CHECK_FALSE(publishable(validateDraft(d, ctx)));

    // A 2024 car is in its third year: up to 300,000 km passes, more is a warning, not a refusal.
    d.condition = Condition::Used;
    d.year = 2024;
    d.mileageKm = 300000;
    CHECK_FALSE(problemOf(validateDraft(d, ctx), "mileage_km"));
    d.mileageKm = 450000;
    const auto high = validateDraft(d, ctx);
    REQUIRE(problemOf(high, "mileage_km"));
    CHECK(problemOf(high, "mileage_km")->code == "mileage_high");
    CHECK(problemOf(high, "mileage_km")->level == ProblemLevel::Warning);
    CHECK(publishable(high));
    d.mileageKm = 0;
    CHECK(problemOf(validateDraft(d, ctx), "mileage_km")->code == "mileage_zero");
}

TEST_CASE("photos: at least three, every one uploaded, and electric cars need no engine volume", "[draft]")
{
    const DraftContext ctx{2026, true};
    ListingDraft d = complete();
    d.photos.resize(2);
    const auto few = validateDraft(d, ctx);
    auto p = problemOf(few, "photos");
    REQUIRE(p);
    CHECK(p->code == "photos_required");
    CHECK(p->min == 3);
    d = complete();
    d.photos[1].uploadId = 0;
    d.photos[3].uploadId = 0;
    const auto waiting = validateDraft(d, ctx);
    p = problemOf(waiting, "photos");
    REQUIRE(p);
    CHECK(p->code == "photos_uploading");
    CHECK(p->min == 2);

    d = complete();
    d.fuel = Fuel::Electric;
    d.engineLitres.reset();
    CHECK(publishable(validateDraft(d, ctx)));
    d.fuel = Fuel::Petrol;
    CHECK(problemOf(validateDraft(d, ctx), "engine_litres")->code == "required");
    d.engineLitres = 12.0;
    CHECK(problemOf(validateDraft(d, ctx), "engine_litres")->code == "engine_range");
}

TEST_CASE("a model of another make is refused", "[draft]")
{
    CHECK(problemOf(validateDraft(complete(), DraftContext{2026, false}), "model_id")->code == "model_of_other_make");
}

TEST_CASE("merging two edits takes each side's changes and names the fields both changed", "[draft]")
{
    const json base = {{"year", 2019}, {"price_minor", 100}, {"color", "white"}, {"currency", "KZT"}};
    json mine = base;
    mine["price_minor"] = 120;      // this tab changed the price
    mine["description"] = "Mine";   // and added a description
    mine.erase("color");            // and cleared the colour
    json theirs = base;
    theirs["year"] = 2020;          // the other tab changed the year
    theirs["description"] = "Theirs";

    const DraftMerge m = mergeDrafts(base, mine, theirs);
    CHECK(m.merged.at("year") == 2020);
    CHECK(m.merged.at("price_minor") == 120);
    CHECK_FALSE(m.merged.contains("color"));
    CHECK(m.merged.at("description") == "Mine");
    CHECK(m.conflicts == std::vector<std::string>{"description"});

    // The same change on both sides is no conflict.
    json same = mine;
    same["description"] = "Mine";
    CHECK(mergeDrafts(base, mine, same).conflicts.empty());
    // Nothing changed on the server: the merge is this device's document.
    CHECK(mergeDrafts(base, mine, base).merged == mine);
    // Photos are one field: a reorder on one side and an added photo on the other conflict.
    json a = base, b = base;
    a["photos"] = json::array({json{{"key", "x"}}, json{{"key", "y"}}});
    b["photos"] = json::array({json{{"key", "y"}}, json{{"key", "x"}}});
    CHECK(mergeDrafts(base, a, b).conflicts == std::vector<std::string>{"photos"});
}

TEST_CASE("a draft's 360-degree spin is a frame count within the spin's limits", "[core][draft]")
{
    const spin::SpinLimits limits;
    CHECK(DraftLimits::kMinSpinFrames == limits.minFrames);
    CHECK(DraftLimits::kMaxSpinFrames == limits.maxFrames);

    ListingDraft d;
    d.spinFrames = 36;
    const nlohmann::json doc = draftDocument(d);
    CHECK(doc.at("spin_frames") == 36);
    const std::optional<ListingDraft> back = parseDraftDocument(doc);
    REQUIRE(back);
    CHECK(back->spinFrames == 36);
    CHECK_FALSE(draftDocument(ListingDraft{}).contains("spin_frames"));

    std::string error;
    CHECK_FALSE(parseDraftDocument(nlohmann::json{{"spin_frames", 23}}, &error));
    CHECK(error.find("spin_frames") != std::string::npos);
    CHECK_FALSE(parseDraftDocument(nlohmann::json{{"spin_frames", 73}}, &error));
    CHECK_FALSE(parseDraftDocument(nlohmann::json{{"spin_frames", "36"}}, &error));
    CHECK(stepOfField("spin_frames") == DraftStep::View360);
}
