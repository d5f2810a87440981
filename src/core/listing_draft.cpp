#include "listing_draft.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace dongelek {

namespace {

using nlohmann::json;

// [SECTION] Document keys

constexpr const char* kKeys[] = {"vin",       "make_id",     "model_id",  "year",        "trim",
                                 "body",      "fuel",        "transmission", "drive",    "engine_litres",
                                 "power_hp",  "color",       "condition", "mileage_km",  "owners",
                                 "accidents", "steering",    "customs_cleared", "price_minor", "currency",
                                 "city_id",   "description", "photos", "spin_frames"};

constexpr std::int64_t kMaxId = 9'000'000'000'000'000'000;

struct Reader {
    const json& j;
    std::string error;

    bool has(const char* key) const { return j.contains(key) && !j.at(key).is_null(); }
    bool fail(const char* key, const std::string& why)
    {
        if (error.empty()) error = std::string(key) + ": " + why;
        return false;
    }
    template <typename T> void integer(const char* key, std::optional<T>& out, std::int64_t lo, std::int64_t hi)
    {
        if (!has(key)) return;
        const json& v = j.at(key);
        if (!v.is_number_integer()) {
            fail(key, "must be a whole number");
            return;
        }
        const std::int64_t n = v.get<std::int64_t>();
        if (n < lo || n > hi) {
            fail(key, "must be from " + std::to_string(lo) + " to " + std::to_string(hi));
            return;
        }
        out = static_cast<T>(n);
    }
    void text(const char* key, std::string& out, std::size_t maxChars)
    {
        if (!has(key)) return;
        const json& v = j.at(key);
        if (!v.is_string()) {
            fail(key, "must be text");
            return;
        }
        const std::string s = v.get<std::string>();
        if (!utf8::isValid(s)) {
            fail(key, "must be UTF-8 text");
            return;
        }
        if (utf8::length(s) > maxChars) {
            fail(key, "must be at most " + std::to_string(maxChars) + " characters");
            return;
        }
        out = s;
    }
    template <typename E> void enumeration(const char* key, std::optional<E>& out)
    {
        if (!has(key)) return;
        const json& v = j.at(key);
        std::optional<E> e = v.is_string() ? parseEnum<E>(v.get<std::string>()) : std::nullopt;
        if (!e) {
            std::string names;
            for (E value : allValues<E>())
                names += (names.empty() ? "" : ", ") + std::string(toString(value));
            fail(key, "must be one of " + names);
            return;
        }
        out = e;
    }
};

std::int64_t pow10(int n)
{
    std::int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

} // namespace

// [SECTION] The draft

json draftDocument(const ListingDraft& d)
{
    json j = json::object();
    if (!d.vin.empty()) j["vin"] = d.vin;
    if (d.makeId) j["make_id"] = *d.makeId;
    if (d.modelId) j["model_id"] = *d.modelId;
    if (d.year) j["year"] = *d.year;
    if (!d.trim.empty()) j["trim"] = d.trim;
    if (d.body) j["body"] = toString(*d.body);
    if (d.fuel) j["fuel"] = toString(*d.fuel);
    if (d.transmission) j["transmission"] = toString(*d.transmission);
    if (d.drive) j["drive"] = toString(*d.drive);
    if (d.engineLitres) j["engine_litres"] = *d.engineLitres;
    if (d.powerHp) j["power_hp"] = *d.powerHp;
    if (!d.color.empty()) j["color"] = d.color;
    if (d.condition) j["condition"] = toString(*d.condition);
    if (d.mileageKm) j["mileage_km"] = *d.mileageKm;
    if (d.owners) j["owners"] = *d.owners;
    if (d.accidents) j["accidents"] = *d.accidents;
    if (d.steering) j["steering"] = toString(*d.steering);
    if (d.customsCleared) j["customs_cleared"] = *d.customsCleared;
    if (d.priceMinor) j["price_minor"] = *d.priceMinor;
    j["currency"] = toString(d.currency);
    if (d.cityId) j["city_id"] = *d.cityId;
    if (!d.description.empty()) j["description"] = d.description;
    if (!d.photos.empty()) {
        json photos = json::array();
        for (const DraftPhoto& p : d.photos)
        {
            json photo = {{"key", p.key}, {"upload_id", p.uploadId}, {"width", p.width}, {"height", p.height}};
            if (p.photoId > 0) photo["photo_id"] = p.photoId;
            photos.push_back(std::move(photo));
        }
        j["photos"] = std::move(photos);
    }
    if (d.spinFrames) j["spin_frames"] = *d.spinFrames;
    return j;
}

std::optional<ListingDraft> parseDraftDocument(const json& j, std::string* error)
{
    auto failed = [&](const std::string& why) -> std::optional<ListingDraft> {
        if (error) *error = why;
        return std::nullopt;
    };
    if (!j.is_object()) return failed("the draft must be a JSON object");
    for (const auto& item : j.items()) {
        const bool known = std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return item.key() == k; });
        if (!known) return failed(item.key() + ": not a field of a listing draft");
    }
    ListingDraft d;
    Reader r{j, {}};
    r.text("vin", d.vin, 20);
    r.integer("make_id", d.makeId, 1, kMaxId);
    r.integer("model_id", d.modelId, 1, kMaxId);
    r.integer("year", d.year, 1900, 2100);
    r.text("trim", d.trim, DraftLimits::kMaxTrim);
    r.enumeration("body", d.body);
    r.enumeration("fuel", d.fuel);
    r.enumeration("transmission", d.transmission);
    r.enumeration("drive", d.drive);
    if (r.has("engine_litres")) {
        const json& v = j.at("engine_litres");
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0 || v.get<double>() > 20)
            r.fail("engine_litres", "must be a number of litres from 0 to 20");
        else
            d.engineLitres = v.get<double>();
    }
    r.integer("power_hp", d.powerHp, 0, 5000);
    r.text("color", d.color, 30);
    r.enumeration("condition", d.condition);
    r.integer("mileage_km", d.mileageKm, 0, 5'000'000);
    r.integer("owners", d.owners, 0, 99);
    r.integer("accidents", d.accidents, 0, 99);
    r.enumeration("steering", d.steering);
    if (r.has("customs_cleared")) {
        if (!j.at("customs_cleared").is_boolean()) r.fail("customs_cleared", "must be true or false");
        else d.customsCleared = j.at("customs_cleared").get<bool>();
    }
    r.integer("price_minor", d.priceMinor, 0, 1'000'000'000'000'000);
    std::optional<Currency> currency;
    r.enumeration("currency", currency);
    d.currency = currency.value_or(Currency::KZT);
    r.integer("city_id", d.cityId, 1, kMaxId);
    r.text("description", d.description, DraftLimits::kMaxDescription);
    r.integer("spin_frames", d.spinFrames, DraftLimits::kMinSpinFrames, DraftLimits::kMaxSpinFrames);
    if (r.has("photos")) {
        const json& photos = j.at("photos");
        if (!photos.is_array() || photos.size() > DraftLimits::kMaxPhotos) {
            r.fail("photos", "must be a list of at most " + std::to_string(DraftLimits::kMaxPhotos) + " photos");
        } else {
            std::set<std::string> keys;
            for (const json& p : photos) {
                DraftPhoto photo;
                const bool shaped = p.is_object() && p.contains("key") && p.at("key").is_string() &&
                                    (!p.contains("upload_id") || p.at("upload_id").is_number_integer()) &&
                                    (!p.contains("photo_id") || p.at("photo_id").is_number_integer()) &&
                                    (!p.contains("width") || p.at("width").is_number_integer()) &&
                                    (!p.contains("height") || p.at("height").is_number_integer());
                if (!shaped) {
                    r.fail("photos", "each photo must be {key, upload_id, width, height}");
                    break;
                }
                photo.key = p.at("key").get<std::string>();
                photo.uploadId = p.value("upload_id", std::int64_t{0});
                photo.width = p.value("width", 0);
                photo.height = p.value("height", 0);
                photo.photoId = p.value("photo_id", std::int64_t{0});
                if (photo.key.empty() || photo.key.size() > DraftLimits::kMaxPhotoKey || !utf8::isValid(photo.key) ||
                    photo.uploadId < 0 || photo.photoId < 0 || photo.width < 0 || photo.height < 0 || photo.width > 100000 ||
                    photo.height > 100000) {
                    r.fail("photos", "a photo's key must be 1 to " + std::to_string(DraftLimits::kMaxPhotoKey) +
                                         " characters and its numbers not negative");
                    break;
                }
                if (!keys.insert(photo.key).second) {
                    r.fail("photos", "two photos have the key " + photo.key);
                    break;
                }
                d.photos.push_back(std::move(photo));
            }
        }
    }
    if (!r.error.empty()) return failed(r.error);
    return d;
}

// [SECTION] Steps of the editor

std::string_view toString(DraftStep s)
{
    switch (s) {
    case DraftStep::Vin: return "vin";
    case DraftStep::Car: return "car";
    case DraftStep::Condition: return "condition";
    case DraftStep::Price: return "price";
    case DraftStep::Description: return "description";
    case DraftStep::Photos: return "photos";
    case DraftStep::View360: return "view360";
    case DraftStep::Preview: return "preview";
    }
    return "vin";
}

std::optional<DraftStep> parseDraftStep(std::string_view s)
{
    for (DraftStep step : draftSteps())
        if (toString(step) == s) return step;
    return std::nullopt;
}

const std::vector<DraftStep>& draftSteps()
{
    static const std::vector<DraftStep> steps = {DraftStep::Vin,         DraftStep::Car,    DraftStep::Condition,
                                                 DraftStep::Price,       DraftStep::Description, DraftStep::Photos,
                                                 DraftStep::View360,     DraftStep::Preview};
    return steps;
}

DraftStep stepOfField(std::string_view f)
{
    if (f == "vin") return DraftStep::Vin;
    if (f == "condition" || f == "mileage_km" || f == "owners" || f == "accidents" || f == "steering" ||
        f == "customs_cleared")
        return DraftStep::Condition;
    if (f == "price_minor" || f == "currency" || f == "city_id") return DraftStep::Price;
    if (f == "description") return DraftStep::Description;
    if (f == "photos") return DraftStep::Photos;
    if (f == "spin_frames") return DraftStep::View360;
    return DraftStep::Car;
}

// [SECTION] Validation

PriceBounds priceBounds(Currency c)
{
    const std::int64_t unit = pow10(minorDigits(c));
    // From a cheap old car to a supercar: 100,000 to 5 billion tenge, 200 to 10 million dinars.
    if (c == Currency::BHD) return {200 * unit, 10'000'000 * unit};
    return {100'000 * unit, 5'000'000'000 * unit};
}

std::vector<DraftProblem> validateDraft(const ListingDraft& d, const DraftContext& ctx)
{
    std::vector<DraftProblem> out;
    auto error = [&](std::string field, std::string code, std::int64_t lo = 0, std::int64_t hi = 0) {
        out.push_back({std::move(field), std::move(code), ProblemLevel::Error, lo, hi});
    };
    auto warning = [&](std::string field, std::string code, std::int64_t lo = 0, std::int64_t hi = 0) {
        out.push_back({std::move(field), std::move(code), ProblemLevel::Warning, lo, hi});
    };

    // The car.
    if (!d.makeId) error("make_id", "required");
    if (!d.modelId) error("model_id", "required");
    else if (d.makeId && !ctx.modelMatchesMake) error("model_id", "model_of_other_make");
    constexpr int kOldestYear = 1950;
    if (!d.year) error("year", "required");
    else if (*d.year > ctx.currentYear + 1) error("year", "year_future", kOldestYear, ctx.currentYear + 1);
    else if (*d.year < kOldestYear) error("year", "year_too_old", kOldestYear, ctx.currentYear + 1);
    if (!d.body) error("body", "required");
    if (!d.fuel) error("fuel", "required");
    if (!d.transmission) error("transmission", "required");
    if (!d.drive) error("drive", "required");
    const bool electric = d.fuel == Fuel::Electric;
    if (!electric) {
        if (!d.engineLitres || *d.engineLitres <= 0) error("engine_litres", "required");
        else if (*d.engineLitres < 0.6 || *d.engineLitres > 8.5) error("engine_litres", "engine_range", 6, 85); // tenths
    }
    if (!d.powerHp) error("power_hp", "required");
    else if (*d.powerHp < 40 || *d.powerHp > 1600) error("power_hp", "power_range", 40, 1600);
    if (d.color.empty()) error("color", "required");

    // Condition and history.
    if (!d.condition) error("condition", "required");
    if (!d.mileageKm) {
        error("mileage_km", "required");
    } else if (d.condition == Condition::New && *d.mileageKm > 1000) {
        error("mileage_km", "mileage_new", 0, 1000);
    } else if (d.condition == Condition::Used && d.year && *d.year <= ctx.currentYear + 1) {
        const int age = std::max(1, ctx.currentYear - *d.year + 1);
        const std::int64_t most = static_cast<std::int64_t>(age) * 100'000;
        if (*d.mileageKm > 2'000'000) error("mileage_km", "mileage_range", 0, 2'000'000);
        else if (*d.mileageKm > most) warning("mileage_km", "mileage_high", 0, most);
        else if (*d.mileageKm == 0) warning("mileage_km", "mileage_zero");
    }
    if (d.owners && *d.owners > 20) error("owners", "owners_range", 0, 20);
    if (d.accidents && *d.accidents > 20) error("accidents", "accidents_range", 0, 20);

    // Price and place.
    const PriceBounds bounds = priceBounds(d.currency);
    if (!d.priceMinor) error("price_minor", "required");
    else if (*d.priceMinor < bounds.minMinor) error("price_minor", "price_too_low", bounds.minMinor, bounds.maxMinor);
    else if (*d.priceMinor > bounds.maxMinor) error("price_minor", "price_too_high", bounds.minMinor, bounds.maxMinor);
    if (!d.cityId) error("city_id", "required");

    // Description: optional, but a listing without one sells slower.
    if (d.description.empty()) warning("description", "description_empty");

    // Photos.
    if (d.photos.size() < DraftLimits::kMinPhotos) {
        error("photos", "photos_required", static_cast<std::int64_t>(DraftLimits::kMinPhotos),
              static_cast<std::int64_t>(DraftLimits::kMaxPhotos));
    } else {
        const auto waiting = std::count_if(d.photos.begin(), d.photos.end(), [](const DraftPhoto& p) { return !p.ready(); });
        if (waiting > 0) error("photos", "photos_uploading", waiting, 0);
    }

    std::stable_sort(out.begin(), out.end(), [](const DraftProblem& a, const DraftProblem& b) {
        return static_cast<int>(stepOfField(a.field)) < static_cast<int>(stepOfField(b.field));
    });
    return out;
}

bool publishable(const std::vector<DraftProblem>& problems)
{
    return std::none_of(problems.begin(), problems.end(), [](const DraftProblem& p) { return p.level == ProblemLevel::Error; });
}

// [SECTION] Merging

DraftMerge mergeDrafts(const json& base, const json& mine, const json& theirs)
{
    DraftMerge m;
    m.merged = json::object();
    std::set<std::string> keys;
    for (const json* doc : {&base, &mine, &theirs})
        if (doc->is_object())
            for (const auto& item : doc->items())
                keys.insert(item.key());
    static const json kAbsent; // null: the key is not in the document
    auto at = [](const json& doc, const std::string& key) -> const json& {
        return doc.is_object() && doc.contains(key) ? doc.at(key) : kAbsent;
    };
    for (const std::string& key : keys) {
        const json& b = at(base, key);
        const json& a = at(mine, key);
        const json& t = at(theirs, key);
        const json* pick = &a;
        if (a == b) pick = &t;          // only theirs changed it (or nobody did)
        else if (t != b && t != a) m.conflicts.push_back(key); // both changed it, differently: keep mine
        if (!pick->is_null()) m.merged[key] = *pick;
    }
    return m;
}

} // namespace dongelek
