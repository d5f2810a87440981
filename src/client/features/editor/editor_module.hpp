// The seller's listing editor (/sell/new, /sell/<draft>?step=..., core/routes/editor_routes.hpp):
// a draft edited step by step that never loses work. Every change is written to the device at
// once (DeviceStore key "editor.draft.<id>": the document, the server version it started from
// and that version's document) and to the server 0.8 s after the last change (PUT with the
// version it started from). When another tab or device saved first (409), the two edits are
// merged field by field (core's mergeDrafts): fields only one side changed are joined silently,
// fields both changed are named and the seller picks. Reopening a draft takes the device's copy
// when it holds changes the server has not seen. The VIN pre-fills the car (core/vin.hpp) and
// its contradictions with what was typed are shown; problems (core's validateDraft) show next
// to their fields and in the progress bar; photos go through PhotoQueue.
#pragma once

#include "client/features/editor/photo_queue.hpp"
#include "client/features/listing/listing_module.hpp"
#include "client/features/view360/spin_upload.hpp"
#include "client/module.hpp"
#include "core/listing_draft.hpp"
#include "core/vin.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

// One photo as the platform prepared it (platform/photo_pick.hpp's update, without platform
// types): the module is given a picker function by the app.
struct PickedPhoto {
    enum class Kind { Picked, Photo, Failed, Finished } kind = Kind::Photo;
    int count = 0;
    int index = -1;
    std::string name;
    std::string error;
    std::string jpeg;
    int width = 0, height = 0, srcWidth = 0, srcHeight = 0;
    bool tooSmall = false, blurry = false, tooDark = false;
};
using PhotoPicker = std::function<void(int maxFiles, std::function<void(PickedPhoto)> onUpdate)>;

enum class SyncState {
    Loading,  // the draft is being read
    Saved,    // the server has every change
    Pending,  // changed: on the device, going to the server shortly
    Saving,   // a save is on its way
    Offline,  // the server could not be reached: kept on the device, tried again
    Conflict, // another tab changed the same fields: the seller picks
};

struct EditorState {
    std::int64_t draftId = 0;
    std::int64_t listingId = 0; // the published listing this draft edits (0: a new one)
    DraftStep step = DraftStep::Vin;
    ListingDraft draft;
    std::vector<DraftProblem> problems;
    SyncState sync = SyncState::Loading;
    bool restored = false;                 // the device's unsaved changes were taken
    bool merged = false;                   // another tab's changes were merged in
    std::vector<std::string> conflicts;    // fields both sides changed
    RequestError loadError;
    Status loadStatus = Status::Loading;
    // The catalog the car step picks from.
    Remote<std::vector<MakeInfo>> makes;
    Remote<std::vector<City>> cities;
    // The VIN as typed and what it says.
    std::optional<VinDecoded> vin;
    std::vector<VinProblem> vinProblems;
    std::vector<VinContradiction> vinContradictions;
    // Publishing.
    bool publishing = false;
    RequestError publishError;
    std::vector<DraftProblem> serverProblems; // the server's refusal (422)
    std::int64_t publishedId = 0;
    // Photos being picked: how many the platform is still preparing, and files it refused.
    int preparing = 0;
    std::vector<std::pair<std::string, std::string>> pickFailures; // name, error
    std::uint64_t visit = 0; // bumps when the draft is replaced from outside (the screen drops focus)
    // The server's addresses of uploaded photos by key (the draft's "media"; an upload of this
    // session adds its own), so a draft reopened elsewhere still shows them.
    struct PhotoUrls {
        std::string thumb, large;
    };
    std::map<std::string, PhotoUrls> media;
};

class EditorModule final : public Module {
public:
    static constexpr const char* kDraftsUrl = "/api/v1/me/drafts";
    static constexpr double kSaveDelayMs = 800;
    static constexpr double kOfflineRetryMs = 5000;
    static std::string storeKey(std::int64_t draftId) { return "editor.draft." + std::to_string(draftId); }

    EditorModule(AppController& app, PhotoPicker picker);
    const EditorState& state() const { return m_state; }
    const PhotoQueue& photos() const { return m_photos; }

    // [SECTION] Actions
    void goTo(DraftStep step);
    // Any field: `edit` changes the draft; problems, the device copy and the save follow.
    void edit(const std::function<void(ListingDraft&)>& change);
    void setVin(const std::string& vin); // decodes it and fills what the seller left empty
    void applyVin();                     // fills make and year from the VIN even over what was typed
    void pickPhotos();
    void removePhoto(const std::string& key);
    void movePhoto(const std::string& key, int delta); // -1: earlier, +1: later
    void makeCover(const std::string& key);
    void retryPhoto(const std::string& key) { m_photos.retry(key); }
    // Conflict: keep this tab's values for the fields both changed, or take the other's.
    void keepMine();
    void takeTheirs();
    void publish();
    // The 360° step: the seller's own spin, prepared on the device and uploaded to the draft
    // (SpinUploader at /me/drafts/<id>/spin); once the server has checked it the draft keeps
    // its frame count (spin_frames) and publishing makes it the listing's spin.
    const SpinUploader& spin() const { return m_spin; }
    void startSpin(); // opens the picker: call in the frame of the press
    void spinUploadAnyway() { m_spin.uploadAnyway(); }
    void dismissSpin() { m_spin.reset(); }
    void removeSpin();

    // The first problem of a field, or nullptr.
    const DraftProblem* problemOf(std::string_view field) const;
    // Errors left on a step (the progress bar's count).
    int errorsOn(DraftStep step) const;
    std::string makeName() const;
    std::string modelName() const;
    // Where a photo of the draft can be seen: this session's upload, the draft's media, or the
    // published listing's photo; "" while it is only on the device.
    std::string photoUrl(const DraftPhoto& p, bool large) const;
    // The Preview step: the listing page exactly as buyers will see it once published, drawn by
    // the listing feature's own screen from this draft (kept up to date with every change).
    // Photos still only on the device are left out until they are uploaded.
    ListingModule& preview() { return m_preview; }
    ListingDetails previewDetails() const;

    // [SECTION] Module
    const char* id() const override { return "editor"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override;
    const RequestError& error() const override { return m_state.loadError; }
    std::string title(const Strings& s) const override;
    void retry() override;
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    bool busy(bool current) const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void create();
    void load(std::int64_t draftId);
    void adopt(const nlohmann::json& serverDraft, const std::string& deviceCopy);
    void changed();
    void saveDevice();
    void saveServer();
    void conflicted(const nlohmann::json& serverDraft);
    void revalidate();
    void loadCatalog();
    void onPicked(PickedPhoto p);
    void photoUploaded(const std::string& key, const DraftPhoto& photo);
    void decodeVin();
    void refreshPreview();

    PhotoPicker m_picker;
    ListingModule m_preview;
    SpinUploader m_spin;
    EditorState m_state;
    PhotoQueue m_photos;
    int m_version = 0;           // the server version `m_base` is
    nlohmann::json m_base;       // the server's document at m_version
    nlohmann::json m_theirs;     // Conflict: the server's newer document
    int m_theirsVersion = 0;
    bool m_dirty = false;        // changes the server has not acknowledged
    bool m_inFlight = false;
    double m_saveAtMs = 0;
    double m_nowMs = 0;
    std::uint64_t m_loadGen = 0;
    bool m_creating = false;
    int m_pickCount = 0;
};

} // namespace dongelek
