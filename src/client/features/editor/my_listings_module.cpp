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
        const json doc = i.value("document", json::object());
        if (d.title.empty() && doc.contains("year")) d.title = std::to_string(doc.value("year", 0));
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace

MyListingsModule::MyListingsModule(AppController& app) : Module(app)
{
    app.session().subscribe([this] {
        if (!this->app().session().signedIn()) m_state = MyListingsState{};
    });
}

bool MyListingsModule::claims(const AppUrl& url) const { return MyListingsRoute::parse(url).has_value(); }

void MyListingsModule::enter(const AppUrl&, Entry)
{
    m_state.confirmDelete = 0;
    m_state.actionError = {};
    m_loadWanted = true; // views and statuses change while away
}

std::string MyListingsModule::url() const { return MyListingsRoute{}.url(); }

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
    }
}

std::optional<double> MyListingsModule::nextUpdateAt() const
{
    if (m_loadWanted && app().session().signedIn() && app().isCurrent(*this)) return 0.0;
    return std::nullopt;
}

bool MyListingsModule::busy(bool current) const
{
    return current && (m_loadWanted || m_state.listings.loading() || m_state.drafts.loading() || m_state.working);
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
            items.push_back({{"id", l.id}, {"status", l.status}, {"title", l.title}, {"views", l.views},
                             {"favorites", l.favorites}, {"contacts", l.contacts}});
    json drafts = json::array();
    if (m_state.drafts.has())
        for (const DraftItem& d : m_state.drafts.value())
            drafts.push_back({{"id", d.id}, {"listingId", d.listingId}, {"errors", d.errors}});
    state["dashboard"] = {{"listings", items}, {"drafts", drafts}, {"confirmDelete", m_state.confirmDelete}};
}

} // namespace dongelek
