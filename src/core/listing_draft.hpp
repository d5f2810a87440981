// The seller's listing draft: what the editor keeps on the device and the server stores,
// its JSON document (one flat object, a key per field, absent = not filled in yet), the
// rules that say what is missing or wrong before it may be published (shared by the editor,
// which shows them next to each field, and the server, which refuses to publish without
// them), and the three-way merge that joins two tabs' or devices' edits of one draft.
//
// [SECTION] The draft
// [SECTION] Steps of the editor
// [SECTION] Validation
// [SECTION] Merging
#pragma once

#include "model.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] The draft

// One photo of a draft, in display order (the first is the cover). `key` is the device's
// name for it (stable across reorders and retries); `uploadId` is the server's once it is
// uploaded (0 before); `photoId` is a photo the published listing already has (a draft
// that edits a listing starts with its photos).
struct DraftPhoto {
    std::string key;
    std::int64_t uploadId = 0;
    int width = 0;
    int height = 0;
    std::int64_t photoId = 0;
    bool ready() const { return uploadId > 0 || photoId > 0; }
    bool operator==(const DraftPhoto& o) const
    {
        return key == o.key && uploadId == o.uploadId && width == o.width && height == o.height && photoId == o.photoId;
    }
};

struct ListingDraft {
    std::string vin;
    std::optional<std::int64_t> makeId;
    std::optional<std::int64_t> modelId;
    std::optional<int> year;
    std::string trim;
    std::optional<Body> body;
    std::optional<Fuel> fuel;
    std::optional<Transmission> transmission;
    std::optional<Drive> drive;
    std::optional<double> engineLitres; // 0 or absent for electric cars
    std::optional<int> powerHp;
    std::string color; // wire name, e.g. "white"
    std::optional<Condition> condition;
    std::optional<int> mileageKm;
    std::optional<int> owners;
    std::optional<int> accidents;
    std::optional<Steering> steering;
    std::optional<bool> customsCleared;
    std::optional<std::int64_t> priceMinor;
    Currency currency = Currency::KZT;
    std::optional<std::int64_t> cityId;
    std::string description;
    std::vector<DraftPhoto> photos;
    // A 360° exterior spin uploaded for this draft (its frame count), on the server under the
    // draft until publishing makes it the listing's (POST /me/drafts/{id}/spin). Absent: none.
    std::optional<int> spinFrames;
};

// Limits of a draft document a client sends (the server refuses larger ones; the editor
// never produces them).
struct DraftLimits {
    static constexpr std::size_t kMaxDocumentBytes = 32 * 1024;
    static constexpr std::size_t kMaxDescription = 4000; // characters (code points)
    static constexpr std::size_t kMaxTrim = 60;
    static constexpr std::size_t kMaxPhotos = 30;
    static constexpr std::size_t kMinPhotos = 3;
    static constexpr std::size_t kMaxPhotoKey = 40;
    static constexpr int kMinSpinFrames = 24; // core/spin_prep.hpp's SpinLimits
    static constexpr int kMaxSpinFrames = 72;
};

// The flat document: {"vin": "...", "make_id": 3, "year": 2019, "photos": [{"key", "upload_id",
// "width", "height"}], ...}. Fields not filled in are left out.
nlohmann::json draftDocument(const ListingDraft& d);
// Reads a document. Unknown keys and values of the wrong type or out of their range are
// errors naming the key ("year: must be a whole number"); nullopt with `error` set.
std::optional<ListingDraft> parseDraftDocument(const nlohmann::json& j, std::string* error = nullptr);

// [SECTION] Steps of the editor

// In order; any step can be visited at any time.
enum class DraftStep { Vin, Car, Condition, Price, Description, Photos, View360, Preview };
std::string_view toString(DraftStep s); // "vin", "car", ...
std::optional<DraftStep> parseDraftStep(std::string_view s);
const std::vector<DraftStep>& draftSteps();

// [SECTION] Validation

enum class ProblemLevel { Error, Warning }; // errors block publishing, warnings do not

// A problem with one field. `code` is stable (the editor's text is "editor.problem.<code>"),
// `min`/`max` are the bounds the text names, in the field's units (minor units for a price).
struct DraftProblem {
    std::string field; // the document key: "year", "price_minor", "photos"
    std::string code;  // "required", "year_future", "price_too_low", ...
    ProblemLevel level = ProblemLevel::Error;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

// What validation needs besides the draft.
struct DraftContext {
    int currentYear = 2026;
    // Whether the make's model belongs to the make; the catalog knows (absent: not checked).
    bool modelMatchesMake = true;
};

// Every problem, in step order, then field order. Price bounds per currency; the year at
// most next year's model year; the mileage plausible for a new car (at most 1,000 km) and for
// the car's age (at most 100,000 km a year of age, a warning; 0 km on a used car, a warning);
// at least kMinPhotos photos, every one uploaded.
std::vector<DraftProblem> validateDraft(const ListingDraft& d, const DraftContext& ctx);
// The step a field is edited on.
DraftStep stepOfField(std::string_view field);
// True when no problem is an error.
bool publishable(const std::vector<DraftProblem>& problems);

// Price bounds, in minor units of the currency.
struct PriceBounds {
    std::int64_t minMinor;
    std::int64_t maxMinor;
};
PriceBounds priceBounds(Currency c);

// [SECTION] Merging

// Joins two edits of one draft made from the same starting point: `base` is the document both
// started from, `mine` this device's, `theirs` the server's newer one. A key changed on one side
// takes that side's value; a key changed on both sides to different values is a conflict and
// keeps `mine` (the editor names the fields and offers to take theirs instead). Photos are one
// key: their order and cover are one decision.
struct DraftMerge {
    nlohmann::json merged;
    std::vector<std::string> conflicts; // keys, sorted
};
DraftMerge mergeDrafts(const nlohmann::json& base, const nlohmann::json& mine, const nlohmann::json& theirs);

} // namespace dongelek
