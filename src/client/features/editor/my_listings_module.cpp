#include "client/features/editor/my_listings_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/editor_routes.hpp"

#include <algorithm>

namespace dongelek {

using nlohmann::json;

namespace {

constexpr const char* kListingsUrl = "/api/v1/me/listings";
constexpr const char* kDraftsUrl = "/api/v1/me/drafts";

RequestError badResponse()
{
    RequestError e;
    e.kind = ErrorKind::BadResponse;
    return e;
}

std::vector<OwnListingItem> listingsFrom(const json& j)
{
    std::vector<OwnListingItem> out;
    for (const json& i : j.value("items", json::array())) {
        OwnListingItem l;
        l.id = i.value("id", std::int64_t{0});
        l.title = i.value("title", "");
        l.year = i.value("year", 0);
        if (i.contains("price")) i.at("price").get_to(l.price);
        l.status = i.value("status", "published");
        l.createdAt = i.value("created_at", "");
        l.daysOnMarket = i.value("days_on_market", 0);
        l.photoCount = i.value("photo_count", 0);
        l.thumbUrl = i.value("thumb_url", "");
        l.draftId = i.value("draft_id", std::int64_t{0});
        l.views = i.value("views", std::int64_t{0});
        l.favorites = i.value("favorites", std::int64_t{0});
        l.contacts = i.value("contacts", std::int64_t{0});
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<DraftItem> draftsFrom(const json& j, const std::vector<OwnListingItem>* listings)
{
    std::vector<DraftItem> out;
    for (const json& i : j.value("items", json::array())) {
        DraftItem d;
        d.id = i.value("id", std::int64_t{0});
        d.listingId = i.value("listing_id", std::int64_t{0});
        d.updatedAt = i.value("updated_at", "");
        for (const json& p : i.value("problems", json::array()))
            if (p.value("level", "") == "error") ++d.errors;
        if (d.listingId && listings)
            for (const OwnListingItem& l : *listings)
                if (l.id == d.listingId) d.title = l.title;
        if (d.title.empty()) d.title = i.value("title", ""); // the car as far as the draft says
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace

MyListingsModule::MyListingsModule(AppController& app, FileSaver saver, TextPicker picker)
    : Module(app), m_saver(std::move(saver)), m_picker(std::move(picker))
{
    app.session().subscribe([this] {
        if (!this->app().session().signedIn()) m_state = MyListingsState{};
    });
}

bool MyListingsModule::claims(const AppUrl& url) const { return MyListingsRoute::parse(url).has_value(); }

void MyListingsModule::enter(const AppUrl& url, Entry)
{
    m_state.confirmDelete = 0;
    m_state.actionError = {};
    const std::int64_t chart = MyListingsRoute::parse(url).value_or(MyListingsRoute{}).listingId;
    if (chart != m_state.statsFor) m_state.stats.reset();
    m_state.statsFor = chart;
    m_loadWanted = true; // views and statuses change while away
}

std::string MyListingsModule::url() const
{
    MyListingsRoute r;
    r.listingId = m_state.statsFor;
    return r.url();
}

void MyListingsModule::showStats(std::int64_t listingId)
{
    if (m_state.statsFor == listingId) return;
    m_state.statsFor = listingId;
    m_state.stats.reset();
    app().addressChanged(*this, AppController::HistoryEntry::New);
    if (listingId) loadStats();
}

void MyListingsModule::setBucket(const std::string& bucket)
{
    if (bucket == m_state.bucket || (bucket != "day" && bucket != "week")) return;
    m_state.bucket = bucket;
    loadStats();
}

std::string MyListingsModule::statsUrl(std::int64_t id, const std::string& bucket, bool csv)
{
    return std::string(kListingsUrl) + "/" + std::to_string(id) + (csv ? "/stats.csv" : "/stats") +
           "?bucket=" + bucket + "&days=" + (bucket == "week" ? "84" : "30");
}

void MyListingsModule::loadStats()
{
    if (!m_state.statsFor) return;
    const auto gen = m_state.stats.begin();
    const std::int64_t id = m_state.statsFor;
    app().session().callRaw(HttpRequest::get(statsUrl(id, m_state.bucket, false)), [this, gen](const HttpReply& reply) {
        ApiResult<ListingStats> r;
        r.error = ApiClient::classify(reply);
        const json j = json::parse(reply.body, nullptr, false);
        if (r.error.kind == ErrorKind::None) {
            if (j.is_object() && j.contains("series")) {
                r.ok = true;
                ListingStats& st = r.value;
                st.listingId = j.value("listing_id", std::int64_t{0});
                st.bucket = j.value("bucket", "day");
                for (const json& b : j.at("series"))
                    st.series.push_back({b.value("start", ""), b.value("views", std::int64_t{0}),
                                         b.value("favorites", std::int64_t{0}), b.value("contacts", std::int64_t{0})});
                const json totals = j.value("totals", json::object());
                st.totalViews = totals.value("views", std::int64_t{0});
                st.totalFavorites = totals.value("favorites", std::int64_t{0});
                st.totalContacts = totals.value("contacts", std::int64_t{0});
                const json similar = j.value("similar", json::object());
                st.similarViews = similar.value("views", 0.0);
                st.similarFavorites = similar.value("favorites", 0.0);
                st.similarContacts = similar.value("contacts", 0.0);
                st.peers = similar.value("peers", std::int64_t{0});
            } else {
                r.error = badResponse();
            }
        }
        m_state.stats.settle(gen, std::move(r));
    });
}

void MyListingsModule::exportCsv()
{
    if (!m_state.statsFor || !m_saver) return;
    const std::int64_t id = m_state.statsFor;
    app().session().callRaw(HttpRequest::get(statsUrl(id, m_state.bucket, true)), [this, id](const HttpReply& reply) {
        m_state.actionError = ApiClient::classify(reply);
        if (m_state.actionError.kind == ErrorKind::None)
            m_saver("listing-" + std::to_string(id) + "-" + m_state.bucket + ".csv", "text/csv", reply.body);
    });
}

Status MyListingsModule::status() const
{
    if (m_state.listings.status() == Status::Idle) return Status::Loading;
    if (m_state.listings.has() && m_state.drafts.has() && m_state.listings.value().empty() &&
        m_state.drafts.value().empty())
        return Status::Empty;
    if (m_state.listings.status() == Status::Empty) return Status::Ready; // drafts may still be there
    return m_state.listings.status();
}

const RequestError& MyListingsModule::error() const { return m_state.listings.error(); }

std::string MyListingsModule::title(const Strings& s) const { return s.get("dashboard.title"); }

void MyListingsModule::update(double)
{
    if (m_loadWanted && app().session().signedIn() && app().isCurrent(*this)) {
        m_loadWanted = false;
        load();
        loadStats();
    }
}

std::optional<double> MyListingsModule::nextUpdateAt() const
{
    if (m_loadWanted && app().session().signedIn() && app().isCurrent(*this)) return 0.0;
    return std::nullopt;
}

bool MyListingsModule::busy(bool current) const
{
    return current && (m_loadWanted || m_state.listings.loading() || m_state.drafts.loading() || m_state.working ||
                       m_state.stats.loading() || m_state.bulkWorking || m_state.importing);
}

void MyListingsModule::load()
{
    const auto gen = m_state.listings.begin();
    app().session().callRaw(HttpRequest::get(kListingsUrl), [this, gen](const HttpReply& reply) {
        ApiResult<std::vector<OwnListingItem>> r;
        r.error = ApiClient::classify(reply);
        const json j = json::parse(reply.body, nullptr, false);
        if (r.error.kind == ErrorKind::None) {
            if (j.is_object()) {
                r.ok = true;
                r.value = listingsFrom(j);
            } else {
                r.error = badResponse();
            }
        }
        m_state.listings.settle(gen, std::move(r));
        loadInsights();
        const auto dgen = m_state.drafts.begin();
        app().session().callRaw(HttpRequest::get(kDraftsUrl), [this, dgen](const HttpReply& dr) {
            ApiResult<std::vector<DraftItem>> d;
            d.error = ApiClient::classify(dr);
            const json dj = json::parse(dr.body, nullptr, false);
            if (d.error.kind == ErrorKind::None) {
                if (dj.is_object()) {
                    d.ok = true;
                    d.value = draftsFrom(dj, m_state.listings.has() ? &m_state.listings.value() : nullptr);
                } else {
                    d.error = badResponse();
                }
            }
            m_state.drafts.settle(dgen, std::move(d));
        });
    });
}

void MyListingsModule::loadInsights()
{
    if (!m_state.listings.has()) return;
    for (const OwnListingItem& l : m_state.listings.value()) {
        if (l.status != "published") continue;
        const std::int64_t id = l.id;
        app().api().get<PriceInsight>("/api/v1/listings/" + std::to_string(id) + "/insight",
                                      [this, id](ApiResult<PriceInsight> r) {
                                          if (r.ok) m_state.insights[id] = std::move(r.value);
                                      });
    }
}

void MyListingsModule::toggleSelected(std::int64_t listingId)
{
    if (!m_state.selected.erase(listingId)) m_state.selected.insert(listingId);
    m_state.bulkError.clear();
}

void MyListingsModule::bulkPrice(double percent)
{
    bulk({{"action", "price"}, {"percent", percent}});
}

void MyListingsModule::bulkStatus(const std::string& action)
{
    bulk({{"action", action}});
}

void MyListingsModule::bulk(const json& request)
{
    if (m_state.selected.empty() || m_state.bulkWorking) return;
    json body = request;
    body["ids"] = std::vector<std::int64_t>(m_state.selected.begin(), m_state.selected.end());
    m_state.bulkWorking = true;
    m_state.bulkError.clear();
    app().session().callRaw(HttpRequest::json("POST", std::string(kListingsUrl) + "/bulk", body), [this](const HttpReply& reply) {
        m_state.bulkWorking = false;
        const RequestError error = ApiClient::classify(reply);
        if (error.kind == ErrorKind::None) {
            m_state.selected.clear();
        } else {
            // The server says which listing stopped it ("… would cost 45 ₸"): shown as it is.
            m_state.bulkError = error.api.message.empty() ? std::string("error") : error.api.message;
        }
        load();
    });
}

void MyListingsModule::importCsv()
{
    if (!m_picker || m_state.importing) return;
    m_state.importError = {};
    m_picker([this](std::string name, std::string text) {
        if (name.empty()) {
            if (text == "too_large") {
                m_state.importError.kind = ErrorKind::BadRequest;
                m_state.importError.api.code = "too_large";
            }
            return;
        }
        m_state.importing = true;
        HttpRequest request;
        request.method = "POST";
        request.url = std::string(kListingsUrl) + "/import";
        request.body = std::move(text);
        request.setHeader("Content-Type", "text/csv; charset=utf-8");
        app().session().callRaw(std::move(request), [this, name](const HttpReply& reply) {
            m_state.importing = false;
            m_state.importError = ApiClient::classify(reply);
            const json j = json::parse(reply.body, nullptr, false);
            if (m_state.importError.kind != ErrorKind::None || !j.is_object()) return;
            ImportReport report;
            report.file = name;
            report.created = j.value("created", std::int64_t{0});
            report.failed = j.value("failed", std::int64_t{0});
            for (const json& r : j.value("rows", json::array())) {
                ImportReport::Row row;
                row.row = r.value("row", 0);
                row.ok = r.value("ok", false);
                row.draftId = r.value("draft_id", std::int64_t{0});
                for (const json& p : r.value("problems", json::array()))
                    row.problems.push_back(p.value("field", "") + ": " + p.value("message", p.value("code", "")));
                report.rows.push_back(std::move(row));
            }
            std::stable_sort(report.rows.begin(), report.rows.end(),
                             [](const ImportReport::Row& a, const ImportReport::Row& b) { return !a.ok && b.ok; });
            m_state.import = std::move(report);
            load();
        });
    });
}

void MyListingsModule::setStatus(std::int64_t listingId, const std::string& status)
{
    if (m_state.working) return;
    m_state.working = listingId;
    m_state.actionError = {};
    app().session().callRaw(
        HttpRequest::json("POST", std::string(kListingsUrl) + "/" + std::to_string(listingId) + "/status",
                          json{{"status", status}}),
        [this](const HttpReply& reply) {
            m_state.working = 0;
            m_state.actionError = ApiClient::classify(reply);
            load();
        });
}

void MyListingsModule::confirmDelete()
{
    const std::int64_t id = m_state.confirmDelete;
    if (!id || m_state.working) return;
    m_state.confirmDelete = 0;
    m_state.working = id;
    app().session().callRaw(HttpRequest::empty("DELETE", std::string(kListingsUrl) + "/" + std::to_string(id)),
                            [this](const HttpReply& reply) {
                                m_state.working = 0;
                                m_state.actionError = ApiClient::classify(reply);
                                load();
                            });
}

void MyListingsModule::edit(std::int64_t listingId)
{
    if (m_state.working) return;
    m_state.working = listingId;
    app().session().callRaw(HttpRequest::json("POST", kDraftsUrl, json{{"listing_id", listingId}}),
                            [this](const HttpReply& reply) {
                                m_state.working = 0;
                                m_state.actionError = ApiClient::classify(reply);
                                const json j = json::parse(reply.body, nullptr, false);
                                if (m_state.actionError.kind == ErrorKind::None && j.is_object()) {
                                    EditorRoute r;
                                    r.draftId = j.value("id", std::int64_t{0});
                                    app().navigate(r.url());
                                }
                            });
}

void MyListingsModule::discardDraft(std::int64_t draftId)
{
    if (m_state.working) return;
    m_state.working = draftId;
    app().session().callRaw(HttpRequest::empty("DELETE", std::string(kDraftsUrl) + "/" + std::to_string(draftId)),
                            [this](const HttpReply& reply) {
                                m_state.working = 0;
                                m_state.actionError = ApiClient::classify(reply);
                                load();
                            });
}

void MyListingsModule::describe(json& state, bool current) const
{
    if (!current) return;
    json items = json::array();
    if (m_state.listings.has())
        for (const OwnListingItem& l : m_state.listings.value())
            items.push_back({{"id", l.id}, {"status", l.status}, {"title", l.title}, {"price", l.price.amountMinor}, {"views", l.views},
                             {"favorites", l.favorites}, {"contacts", l.contacts}});
    json drafts = json::array();
    if (m_state.drafts.has())
        for (const DraftItem& d : m_state.drafts.value())
            drafts.push_back({{"id", d.id}, {"listingId", d.listingId}, {"errors", d.errors}});
    json stats = nullptr;
    if (m_state.stats.has()) {
        json series = json::array();
        for (const StatsBucket& b : m_state.stats.value().series)
            series.push_back({{"start", b.start}, {"views", b.views}});
        stats = {{"listingId", m_state.stats.value().listingId}, {"bucket", m_state.stats.value().bucket},
                 {"series", series}, {"views", m_state.stats.value().totalViews}};
    }
    json imported = nullptr;
    if (m_state.import)
        imported = {{"created", m_state.import->created}, {"failed", m_state.import->failed}};
    state["dashboard"] = {{"listings", items}, {"drafts", drafts}, {"confirmDelete", m_state.confirmDelete},
                          {"statsFor", m_state.statsFor}, {"stats", stats},
                          {"selected", std::vector<std::int64_t>(m_state.selected.begin(), m_state.selected.end())},
                          {"bulkError", m_state.bulkError}, {"import", imported}, {"importing", m_state.importing}};
}

} // namespace dongelek
