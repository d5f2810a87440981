// The editor's controller: the draft's round trip (device, server, merge), the VIN, photos and
// publishing. See editor_module.hpp for the rules.

#include "client/features/editor/editor_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/editor_routes.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace dongelek {

using nlohmann::json;

namespace {

int currentYear()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    return tm.tm_year + 1900;
}

RequestError badResponse()
{
    RequestError e;
    e.kind = ErrorKind::BadResponse;
    return e;
}

std::string draftUrl(std::int64_t id) { return std::string(EditorModule::kDraftsUrl) + "/" + std::to_string(id); }

// A device copy: {"draft_id", "version", "base", "document"}.
struct DeviceCopy {
    int version = 0;
    json base;
    json document;
};
std::optional<DeviceCopy> parseDeviceCopy(const std::string& text)
{
    if (text.empty()) return std::nullopt;
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("version") || !j.contains("document") || !j.at("version").is_number_integer())
        return std::nullopt;
    DeviceCopy c;
    c.version = j.at("version").get<int>();
    c.base = j.value("base", json::object());
    c.document = j.at("document");
    if (!parseDraftDocument(c.document)) return std::nullopt;
    return c;
}

std::vector<DraftProblem> problemsFrom(const json& list)
{
    std::vector<DraftProblem> out;
    if (!list.is_array()) return out;
    for (const json& p : list) {
        DraftProblem d;
        d.field = p.value("field", "");
        d.code = p.value("code", "");
        d.level = p.value("level", "error") == "warning" ? ProblemLevel::Warning : ProblemLevel::Error;
        d.min = p.value("min", std::int64_t{0});
        d.max = p.value("max", std::int64_t{0});
        out.push_back(std::move(d));
    }
    return out;
}

// The draft's "media": {"<key>": {"thumb_url", "large_url"}}.
void readMedia(const json& serverDraft, std::map<std::string, EditorState::PhotoUrls>& into)
{
    const auto m = serverDraft.find("media");
    if (m == serverDraft.end() || !m->is_object()) return;
    for (const auto& [key, urls] : m->items())
        if (urls.is_object()) into[key] = {urls.value("thumb_url", ""), urls.value("large_url", "")};
}

} // namespace

EditorModule::EditorModule(AppController& app, PhotoPicker picker)
    : Module(app), m_picker(std::move(picker)), m_preview(app),
      m_spin(app,
             [this](const HttpReply& reply) {
                 const json j = json::parse(reply.body, nullptr, false);
                 if (!j.is_object() || !j.contains("frames") || !j["frames"].is_number_integer()) return;
                 const int frames = j["frames"].get<int>();
                 edit([frames](ListingDraft& d) { d.spinFrames = frames; });
             }),
      m_photos(app, [this](const std::string& key, const DraftPhoto& photo) { photoUploaded(key, photo); })
{
    app.session().subscribe([this] {
        if (!this->app().session().signedIn()) {
            m_state = EditorState{};
            m_spin.reset();
        }
    });
}

// [SECTION] Route

bool EditorModule::claims(const AppUrl& url) const { return EditorRoute::parse(url).has_value(); }

void EditorModule::enter(const AppUrl& url, Entry)
{
    const EditorRoute r = *EditorRoute::parse(url);
    if (r.draftId == 0) {
        ++m_loadGen;
        m_state = EditorState{};
        m_spin.reset();
        loadCatalog();
        create();
        return;
    }
    m_state.step = r.step;
    if (r.draftId != m_state.draftId || m_state.loadStatus == Status::Error) load(r.draftId);
    else loadCatalog();
    refreshPreview();
}

std::string EditorModule::url() const
{
    EditorRoute r;
    r.draftId = m_state.draftId;
    r.step = m_state.step;
    return r.url();
}

Status EditorModule::status() const
{
    if (m_state.loadStatus == Status::Error) return Status::Error;
    if (m_state.loadStatus != Status::Ready) return Status::Loading;
    return Status::Ready;
}

std::string EditorModule::title(const Strings& s) const
{
    return s.get(m_state.listingId ? "editor.title.edit" : "editor.title.new");
}

void EditorModule::retry()
{
    if (m_state.draftId) load(m_state.draftId);
    else create();
    if (m_state.makes.needsLoad() || m_state.cities.needsLoad()) loadCatalog();
}

bool EditorModule::busy(bool current) const
{
    if (!current) return false;
    return status() == Status::Loading || m_state.makes.loading() || m_state.cities.loading() || m_photos.busy() ||
           m_state.preparing > 0 || m_inFlight || m_state.publishing || m_spin.busy();
}

// [SECTION] Loading

void EditorModule::loadCatalog()
{
    if (m_state.makes.needsLoad()) {
        const auto gen = m_state.makes.begin();
        app().api().get<std::vector<MakeInfo>>("/api/v1/makes", [this, gen](ApiResult<std::vector<MakeInfo>> r) {
            m_state.makes.settle(gen, std::move(r));
            revalidate();
        });
    }
    if (m_state.cities.needsLoad()) {
        const auto gen = m_state.cities.begin();
        app().api().get<std::vector<City>>("/api/v1/cities", [this, gen](ApiResult<std::vector<City>> r) {
            m_state.cities.settle(gen, std::move(r));
        });
    }
}

void EditorModule::create()
{
    if (m_creating) return;
    m_creating = true;
    m_state.loadStatus = Status::Loading;
    app().session().callRaw(HttpRequest::json("POST", kDraftsUrl, json::object()), [this](const HttpReply& reply) {
        m_creating = false;
        const RequestError error = ApiClient::classify(reply);
        const json j = json::parse(reply.body, nullptr, false);
        if (error.kind != ErrorKind::None || !j.is_object()) {
            m_state.loadStatus = Status::Error;
            m_state.loadError = error.kind == ErrorKind::None ? badResponse() : error;
            return;
        }
        adopt(j, "");
        // The new draft's own address, in place of /sell/new (Back does not make another one).
        app().redirect(url());
    });
}

void EditorModule::load(std::int64_t draftId)
{
    const std::uint64_t gen = ++m_loadGen;
    const DraftStep step = m_state.step;
    m_state = EditorState{};
    m_spin.reset();
    m_state.draftId = draftId;
    m_state.step = step;
    m_state.loadStatus = Status::Loading;
    m_dirty = false;
    loadCatalog();
    // The device's copy and the server's draft, in either order.
    auto device = std::make_shared<std::optional<std::string>>();
    auto server = std::make_shared<std::optional<HttpReply>>();
    auto both = [this, gen, device, server] {
        if (gen != m_loadGen || !*device || !*server) return;
        const RequestError error = ApiClient::classify(**server);
        const json j = json::parse((*server)->body, nullptr, false);
        if (error.kind != ErrorKind::None || !j.is_object()) {
            m_state.loadStatus = Status::Error;
            m_state.loadError = error.kind == ErrorKind::None ? badResponse() : error;
            return;
        }
        adopt(j, **device);
    };
    if (app().deviceStore().load)
        app().deviceStore().load(storeKey(draftId), [device, both](std::string value) {
            *device = std::move(value);
            both();
        });
    else
        *device = std::string();
    app().session().callRaw(HttpRequest::get(draftUrl(draftId)), [server, both](const HttpReply& reply) {
        *server = reply;
        both();
    });
}

void EditorModule::adopt(const json& serverDraft, const std::string& deviceText)
{
    const DraftStep step = m_state.step;
    m_state.draftId = serverDraft.value("id", std::int64_t{0});
    m_state.listingId = serverDraft.value("listing_id", std::int64_t{0});
    m_state.step = step;
    m_version = serverDraft.value("version", 1);
    m_base = serverDraft.value("document", json::object());
    json document = m_base;
    if (const std::optional<DeviceCopy> copy = parseDeviceCopy(deviceText)) {
        if (copy->version == m_version && copy->document != m_base) {
            // Changes made here that never reached the server (a closed tab, no network).
            document = copy->document;
            m_state.restored = true;
            m_dirty = true;
        } else if (copy->version < m_version && copy->document != copy->base) {
            // Both: this device's unsent edits on an older version, and newer ones on the server.
            const DraftMerge m = mergeDrafts(copy->base, copy->document, m_base);
            document = m.merged;
            m_state.restored = true;
            m_state.merged = true;
            m_state.conflicts = m.conflicts;
            m_dirty = true;
        }
    }
    m_state.draft = parseDraftDocument(document).value_or(ListingDraft{});
    readMedia(serverDraft, m_state.media);
    m_state.loadStatus = Status::Ready;
    m_state.sync = m_dirty ? SyncState::Pending : SyncState::Saved;
    m_saveAtMs = m_nowMs;
    ++m_state.visit;
    decodeVin();
    revalidate();
    saveDevice();
    m_photos.resume(m_state.draft.photos);
}

// [SECTION] Editing

void EditorModule::goTo(DraftStep step)
{
    if (m_state.step == step) return;
    m_state.step = step;
    refreshPreview();
    app().addressChanged(*this, AppController::HistoryEntry::New);
}

void EditorModule::edit(const std::function<void(ListingDraft&)>& change)
{
    if (m_state.loadStatus != Status::Ready) return;
    change(m_state.draft);
    changed();
}

void EditorModule::changed()
{
    m_dirty = true;
    m_state.publishError = {};
    m_state.serverProblems.clear();
    if (m_state.sync != SyncState::Conflict) m_state.sync = SyncState::Pending;
    m_saveAtMs = m_nowMs + kSaveDelayMs;
    revalidate();
    saveDevice(); // at once: a crash a moment later loses nothing
}

void EditorModule::revalidate()
{
    DraftContext ctx;
    ctx.currentYear = currentYear();
    if (m_state.makes.has() && m_state.draft.makeId && m_state.draft.modelId) {
        const auto make = std::find_if(m_state.makes.value().begin(), m_state.makes.value().end(),
                                       [&](const MakeInfo& m) { return m.id == *m_state.draft.makeId; });
        ctx.modelMatchesMake = make != m_state.makes.value().end() &&
                               std::any_of(make->models.begin(), make->models.end(),
                                           [&](const ModelInfo& m) { return m.id == *m_state.draft.modelId; });
    }
    m_state.problems = validateDraft(m_state.draft, ctx);
    if (m_state.vin) {
        VinTypedFacts typed;
        if (m_state.draft.makeId) typed.make = makeName();
        typed.year = m_state.draft.year;
        m_state.vinContradictions = vinContradictions(*m_state.vin, typed);
    } else {
        m_state.vinContradictions.clear();
    }
    refreshPreview();
}

void EditorModule::saveDevice()
{
    if (!app().deviceStore().save || !m_state.draftId) return;
    const json copy = {{"draft_id", m_state.draftId}, {"version", m_version}, {"base", m_base},
                       {"document", draftDocument(m_state.draft)}};
    app().deviceStore().save(storeKey(m_state.draftId), copy.dump());
}

void EditorModule::saveServer()
{
    if (m_inFlight || !m_dirty || m_state.sync == SyncState::Conflict || !m_state.draftId) return;
    m_inFlight = true;
    m_state.sync = SyncState::Saving;
    const json document = draftDocument(m_state.draft);
    const std::int64_t draftId = m_state.draftId;
    const std::uint64_t gen = m_loadGen;
    m_dirty = false; // changes from now on need another save
    app().session().callRaw(
        HttpRequest::json("PUT", draftUrl(draftId), json{{"base_version", m_version}, {"document", document}}),
        [this, document, draftId, gen](const HttpReply& reply) {
            m_inFlight = false;
            if (gen != m_loadGen || draftId != m_state.draftId) return;
            const json j = json::parse(reply.body, nullptr, false);
            if (reply.status == 409 && j.is_object() && j.contains("draft")) {
                m_dirty = true;
                conflicted(j.at("draft"));
                return;
            }
            const RequestError error = ApiClient::classify(reply);
            if (error.kind == ErrorKind::None && j.is_object()) {
                m_version = j.value("version", m_version);
                m_base = document;
                m_state.sync = m_dirty ? SyncState::Pending : SyncState::Saved;
                saveDevice();
                return;
            }
            m_dirty = true;
            if (error.kind == ErrorKind::Network || error.kind == ErrorKind::Server) {
                m_state.sync = SyncState::Offline;
                m_saveAtMs = m_nowMs + kOfflineRetryMs;
            } else {
                // The server refused the document itself: keep it here and say so.
                m_state.sync = SyncState::Offline;
                m_state.publishError = error;
                m_saveAtMs = m_nowMs + kOfflineRetryMs * 6;
            }
        });
}

void EditorModule::conflicted(const json& serverDraft)
{
    const json theirs = serverDraft.value("document", json::object());
    const int theirsVersion = serverDraft.value("version", m_version);
    const DraftMerge m = mergeDrafts(m_base, draftDocument(m_state.draft), theirs);
    readMedia(serverDraft, m_state.media);
    m_state.merged = true;
    ++m_state.visit;
    if (m.conflicts.empty()) {
        // Different fields: both edits stay, and the joined draft goes up on the newer version.
        m_state.draft = parseDraftDocument(m.merged).value_or(m_state.draft);
        m_version = theirsVersion;
        m_base = theirs;
        m_state.conflicts.clear();
        m_state.sync = SyncState::Pending;
        m_saveAtMs = m_nowMs;
        revalidate();
        saveDevice();
        m_photos.resume(m_state.draft.photos);
        return;
    }
    m_state.draft = parseDraftDocument(m.merged).value_or(m_state.draft);
    m_theirs = theirs;
    m_theirsVersion = theirsVersion;
    m_state.conflicts = m.conflicts;
    m_state.sync = SyncState::Conflict;
    revalidate();
    saveDevice();
}

void EditorModule::keepMine()
{
    if (m_state.sync != SyncState::Conflict) return;
    m_version = m_theirsVersion;
    m_base = m_theirs;
    m_state.conflicts.clear();
    m_state.sync = SyncState::Pending;
    m_dirty = true;
    m_saveAtMs = m_nowMs;
    saveDevice();
}

void EditorModule::takeTheirs()
{
    if (m_state.sync != SyncState::Conflict) return;
    json doc = draftDocument(m_state.draft);
    for (const std::string& key : m_state.conflicts) {
        if (m_theirs.contains(key)) doc[key] = m_theirs.at(key);
        else doc.erase(key);
    }
    m_state.draft = parseDraftDocument(doc).value_or(m_state.draft);
    ++m_state.visit;
    keepMine();
    revalidate();
}

// [SECTION] The VIN

void EditorModule::setVin(const std::string& vin)
{
    edit([&](ListingDraft& d) { d.vin = vin; });
    decodeVin();
    // What the VIN settles and the seller left empty is filled in.
    if (m_state.vin && m_state.makes.has()) {
        bool filled = false;
        if (!m_state.draft.makeId && m_state.vin->makeCertain) {
            for (const MakeInfo& m : m_state.makes.value())
                if (sameMake(m.name, m_state.vin->make, builtInWmiTable())) {
                    m_state.draft.makeId = m.id;
                    filled = true;
                }
        }
        if (!m_state.draft.year && m_state.vin->modelYearCertain && !m_state.vin->modelYears.empty()) {
            m_state.draft.year = m_state.vin->modelYears.front();
            filled = true;
        }
        if (filled) changed();
    }
    revalidate();
}

void EditorModule::applyVin()
{
    if (!m_state.vin || !m_state.makes.has()) return;
    edit([&](ListingDraft& d) {
        for (const MakeInfo& m : m_state.makes.value())
            if (!m_state.vin->make.empty() && sameMake(m.name, m_state.vin->make, builtInWmiTable()) && d.makeId != m.id) {
                d.makeId = m.id;
                d.modelId.reset();
            }
        if (!m_state.vin->modelYears.empty() &&
            (!d.year || std::find(m_state.vin->modelYears.begin(), m_state.vin->modelYears.end(), *d.year) ==
                            m_state.vin->modelYears.end()))
            d.year = m_state.vin->modelYears.front();
    });
}

void EditorModule::decodeVin()
{
    m_state.vin.reset();
    m_state.vinProblems.clear();
    if (m_state.draft.vin.empty()) return;
    VinResult r = dongelek::decodeVin(m_state.draft.vin, builtInWmiTable(), currentYear());
    m_state.vin = std::move(r.decoded);
    m_state.vinProblems = std::move(r.problems);
}

// [SECTION] Photos

void EditorModule::pickPhotos()
{
    if (!m_picker) return;
    const int room = static_cast<int>(DraftLimits::kMaxPhotos) - static_cast<int>(m_state.draft.photos.size());
    if (room <= 0) return;
    m_state.pickFailures.clear();
    const std::int64_t draftId = m_state.draftId;
    m_picker(room, [this, draftId](PickedPhoto p) {
        if (draftId != m_state.draftId) return;
        onPicked(std::move(p));
    });
}

void EditorModule::onPicked(PickedPhoto p)
{
    switch (p.kind) {
    case PickedPhoto::Kind::Picked:
        m_state.preparing += p.count;
        return;
    case PickedPhoto::Kind::Failed:
        m_state.preparing = std::max(0, m_state.preparing - 1);
        m_state.pickFailures.emplace_back(p.name, p.error);
        return;
    case PickedPhoto::Kind::Finished:
        m_state.preparing = 0;
        return;
    case PickedPhoto::Kind::Photo:
        break;
    }
    m_state.preparing = std::max(0, m_state.preparing - 1);
    if (m_state.draft.photos.size() >= DraftLimits::kMaxPhotos) return;
    // A key of the device's own: unique per draft, stable across retries and reloads.
    const std::string key = "d" + std::to_string(m_state.draftId) + "-" +
                            std::to_string(static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count() % 100000000000)) +
                            "-" + std::to_string(++m_pickCount);
    QueuedPhoto q;
    q.key = key;
    q.name = p.name;
    q.tooSmall = p.tooSmall;
    q.blurry = p.blurry;
    q.tooDark = p.tooDark;
    edit([&](ListingDraft& d) { d.photos.push_back(DraftPhoto{key, 0, p.width, p.height, 0}); });
    m_photos.add(std::move(q), std::move(p.jpeg));
}

void EditorModule::photoUploaded(const std::string& key, const DraftPhoto& photo)
{
    if (const QueuedPhoto* q = m_photos.find(key)) m_state.media[key] = {q->thumbUrl, q->largeUrl};
    edit([&](ListingDraft& d) {
        for (DraftPhoto& p : d.photos)
            if (p.key == key) {
                p.uploadId = photo.uploadId;
                p.width = photo.width;
                p.height = photo.height;
            }
    });
}

void EditorModule::removePhoto(const std::string& key)
{
    m_photos.forget(key);
    edit([&](ListingDraft& d) {
        d.photos.erase(std::remove_if(d.photos.begin(), d.photos.end(), [&](const DraftPhoto& p) { return p.key == key; }),
                       d.photos.end());
    });
}

void EditorModule::movePhoto(const std::string& key, int delta)
{
    edit([&](ListingDraft& d) {
        const auto it = std::find_if(d.photos.begin(), d.photos.end(), [&](const DraftPhoto& p) { return p.key == key; });
        if (it == d.photos.end()) return;
        const auto at = static_cast<int>(it - d.photos.begin());
        const int to = std::clamp(at + delta, 0, static_cast<int>(d.photos.size()) - 1);
        if (to == at) return;
        DraftPhoto moved = *it;
        d.photos.erase(it);
        d.photos.insert(d.photos.begin() + to, std::move(moved));
    });
}

void EditorModule::makeCover(const std::string& key)
{
    edit([&](ListingDraft& d) {
        const auto it = std::find_if(d.photos.begin(), d.photos.end(), [&](const DraftPhoto& p) { return p.key == key; });
        if (it == d.photos.end() || it == d.photos.begin()) return;
        DraftPhoto cover = *it;
        d.photos.erase(it);
        d.photos.insert(d.photos.begin(), std::move(cover));
    });
}

// [SECTION] Publishing

void EditorModule::publish()
{
    if (m_state.publishing || !publishable(m_state.problems) || m_state.sync == SyncState::Conflict) return;
    m_state.publishing = true;
    m_state.publishError = {};
    m_state.serverProblems.clear();
    // The server publishes what it has: the latest document goes up first.
    const std::int64_t draftId = m_state.draftId;
    const json document = draftDocument(m_state.draft);
    auto publishNow = [this, draftId](int version) {
        app().session().callRaw(
            HttpRequest::json("POST", draftUrl(draftId) + "/publish", json{{"base_version", version}}),
            [this, draftId](const HttpReply& reply) {
                m_state.publishing = false;
                if (draftId != m_state.draftId) return;
                const json j = json::parse(reply.body, nullptr, false);
                const RequestError error = ApiClient::classify(reply);
                if (error.kind == ErrorKind::None && j.is_object() && j.contains("listing_id")) {
                    m_state.publishedId = j.at("listing_id").get<std::int64_t>();
                    if (app().deviceStore().save) app().deviceStore().save(storeKey(draftId), "");
                    m_dirty = false;
                    app().navigate(ListingRoute{m_state.publishedId}.url());
                    return;
                }
                if (reply.status == 409 && j.is_object() && j.contains("draft")) {
                    conflicted(j.at("draft"));
                    return;
                }
                m_state.publishError = error;
                if (j.is_object()) m_state.serverProblems = problemsFrom(j.value("problems", json::array()));
            });
    };
    if (!m_dirty && !m_inFlight) {
        publishNow(m_version);
        return;
    }
    // Save, then publish the version the save made.
    m_inFlight = true;
    m_dirty = false;
    app().session().callRaw(
        HttpRequest::json("PUT", draftUrl(draftId), json{{"base_version", m_version}, {"document", document}}),
        [this, document, draftId, publishNow](const HttpReply& reply) {
            m_inFlight = false;
            if (draftId != m_state.draftId) return;
            const json j = json::parse(reply.body, nullptr, false);
            if (reply.status == 409 && j.is_object() && j.contains("draft")) {
                m_state.publishing = false;
                m_dirty = true;
                conflicted(j.at("draft"));
                return;
            }
            const RequestError error = ApiClient::classify(reply);
            if (error.kind != ErrorKind::None || !j.is_object()) {
                m_state.publishing = false;
                m_dirty = true;
                m_state.publishError = error;
                m_state.sync = SyncState::Offline;
                return;
            }
            m_version = j.value("version", m_version);
            m_base = document;
            m_state.sync = SyncState::Saved;
            saveDevice();
            publishNow(m_version);
        });
}

// [SECTION] Every frame

void EditorModule::update(double nowMs)
{
    m_nowMs = nowMs;
    m_photos.update(nowMs);
    if (m_dirty && !m_inFlight && m_state.sync != SyncState::Conflict && !m_state.publishing && nowMs >= m_saveAtMs &&
        app().session().signedIn())
        saveServer();
}

std::optional<double> EditorModule::nextUpdateAt() const
{
    std::optional<double> at = m_photos.nextUpdateAt();
    if (m_dirty && !m_inFlight && m_state.sync != SyncState::Conflict && !m_state.publishing)
        at = at ? std::min(*at, m_saveAtMs) : m_saveAtMs;
    return at;
}

// [SECTION] Reading the state

const DraftProblem* EditorModule::problemOf(std::string_view field) const
{
    for (const std::vector<DraftProblem>* list : {&m_state.serverProblems, &m_state.problems})
        for (const DraftProblem& p : *list)
            if (p.field == field) return &p;
    return nullptr;
}

int EditorModule::errorsOn(DraftStep step) const
{
    return static_cast<int>(std::count_if(m_state.problems.begin(), m_state.problems.end(), [&](const DraftProblem& p) {
        return p.level == ProblemLevel::Error && stepOfField(p.field) == step;
    }));
}

std::string EditorModule::makeName() const
{
    if (!m_state.makes.has() || !m_state.draft.makeId) return {};
    for (const MakeInfo& m : m_state.makes.value())
        if (m.id == *m_state.draft.makeId) return m.name;
    return {};
}

std::string EditorModule::photoUrl(const DraftPhoto& p, bool large) const
{
    if (const QueuedPhoto* q = m_photos.find(p.key); q && !q->thumbUrl.empty())
        return large && !q->largeUrl.empty() ? q->largeUrl : q->thumbUrl;
    if (p.uploadId > 0)
        if (const auto m = m_state.media.find(p.key); m != m_state.media.end())
            return large && !m->second.large.empty() ? m->second.large : m->second.thumb;
    if (p.photoId > 0) return "/media/photos/" + std::to_string(p.photoId) + (large ? "-large.jpg" : "-thumb.jpg");
    return {};
}

// [SECTION] 360° spin

void EditorModule::startSpin()
{
    if (m_state.loadStatus != Status::Ready || !m_state.draftId) return;
    m_spin.start(SpinUploader::draftSpinUrl(m_state.draftId));
}

void EditorModule::removeSpin()
{
    if (m_state.loadStatus != Status::Ready || !m_state.draft.spinFrames) return;
    m_spin.reset();
    edit([](ListingDraft& d) { d.spinFrames.reset(); });
    // The files go too (a failure leaves them for the draft's deletion or the next upload).
    app().session().callRaw(HttpRequest::empty("DELETE", SpinUploader::draftSpinUrl(m_state.draftId)),
                            [](const HttpReply&) {});
}

// [SECTION] Preview

void EditorModule::refreshPreview()
{
    if (m_state.step != DraftStep::Preview || m_state.loadStatus != Status::Ready) return;
    m_preview.showPreview(previewDetails());
}

ListingDetails EditorModule::previewDetails() const
{
    const ListingDraft& d = m_state.draft;
    ListingDetails out;
    ListingSummary& s = out.summary;
    // What publishing writes (the server's PublishRecord): the catalog's names, the city's
    // country, today's date for a new listing.
    s.id = m_state.listingId > 0 ? m_state.listingId : -m_state.draftId;
    s.make = makeName();
    s.model = modelName();
    s.title = s.make + (s.model.empty() ? "" : " " + s.model);
    s.year = d.year.value_or(0);
    s.price = Money{d.priceMinor.value_or(0), d.currency};
    s.mileageKm = d.mileageKm.value_or(0);
    if (m_state.cities.has() && d.cityId)
        for (const City& c : m_state.cities.value())
            if (c.id == *d.cityId) {
                s.city = c.name;
                s.country = c.country;
            }
    if (d.body) s.body = *d.body;
    if (d.fuel) s.fuel = *d.fuel;
    if (d.transmission) s.transmission = *d.transmission;
    if (d.condition) s.condition = *d.condition;
    s.engineLitres = d.engineLitres.value_or(0);
    s.createdAt = isoTimestamp(static_cast<std::int64_t>(std::time(nullptr)));
    // "VIN checked" as the server decides it: the VIN decodes and agrees with the make and year.
    if (m_state.vin) {
        VinTypedFacts typed;
        typed.make = s.make;
        typed.year = d.year;
        s.vinVerified = vinConsistent(*m_state.vin, typed);
    }
    for (const DraftPhoto& p : d.photos) {
        if (!p.ready()) continue;
        Photo photo{photoUrl(p, false), photoUrl(p, true)};
        if (photo.thumbUrl.empty()) continue;
        out.photos.push_back(std::move(photo));
    }
    s.photoCount = static_cast<int>(out.photos.size());
    if (!out.photos.empty()) s.thumbUrl = out.photos.front().thumbUrl;
    if (d.drive) out.drive = *d.drive;
    out.engineLitres = s.engineLitres;
    out.powerHp = d.powerHp.value_or(0);
    out.color = d.color;
    out.vin = d.vin;
    out.description = d.description;
    out.trim = d.trim;
    out.owners = d.owners.value_or(0);
    if (d.steering) out.steering = *d.steering;
    out.customsCleared = d.customsCleared.value_or(true);
    out.accidents = d.accidents.value_or(0);
    // The seller as buyers will see them: the account's name, phone and age.
    if (const std::optional<User>& user = app().session().user()) {
        out.seller.name = user->displayName;
        out.seller.phone = user->phone.value_or("");
        out.seller.memberSince = user->createdAt.substr(0, 10);
        out.seller.kind = user->role == AccountRole::Dealer ? SellerKind::Dealer : SellerKind::Private;
        s.sellerKind = out.seller.kind;
        s.sellerVerified = user->emailVerified && user->phoneVerified;
    }
    out.seller.city = s.city;
    return out;
}

std::string EditorModule::modelName() const
{
    if (!m_state.makes.has() || !m_state.draft.makeId || !m_state.draft.modelId) return {};
    for (const MakeInfo& m : m_state.makes.value())
        if (m.id == *m_state.draft.makeId)
            for (const ModelInfo& model : m.models)
                if (model.id == *m_state.draft.modelId) return model.name;
    return {};
}

void EditorModule::describe(json& state, bool current) const
{
    if (!current) return;
    static const char* const kSync[] = {"loading", "saved", "pending", "saving", "offline", "conflict"};
    json photos = json::array();
    for (const DraftPhoto& p : m_state.draft.photos) {
        const QueuedPhoto* q = m_photos.find(p.key);
        static const char* const kPhase[] = {"waiting", "uploading", "uploaded", "failed", "lost"};
        photos.push_back({{"key", p.key},
                          {"uploaded", p.ready()},
                          {"phase", q ? kPhase[static_cast<int>(q->phase)] : (p.ready() ? "uploaded" : "lost")},
                          {"progress", q ? q->progress : (p.ready() ? 1.0 : 0.0)}});
    }
    json problems = json::array();
    for (const DraftProblem& p : m_state.problems)
        problems.push_back(p.field + ":" + p.code);
    state["editor"] = {{"draftId", m_state.draftId},
                       {"listingId", m_state.listingId},
                       {"step", toString(m_state.step)},
                       {"sync", kSync[static_cast<int>(m_state.sync)]},
                       {"restored", m_state.restored},
                       {"merged", m_state.merged},
                       {"conflicts", m_state.conflicts},
                       {"problems", problems},
                       {"publishable", publishable(m_state.problems)},
                       {"photos", photos},
                       {"preparing", m_state.preparing},
                       {"publishedId", m_state.publishedId},
                       {"vinMake", m_state.vin ? m_state.vin->make : std::string()},
                       {"spinFrames", m_state.draft.spinFrames.value_or(0)}};
    m_spin.describe(state["editor"]["spin"]);
}

} // namespace dongelek
