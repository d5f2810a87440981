// The listing feature's controller: loads the details of the listing in the address (not
// again when Back/Forward return to it), keeps the photo index in range, then asks for the
// page's extras (insight, similar cars, the seller's other listings) and sends "Show phone"
// and reports.

#include "client/features/listing/listing_module.hpp"

#include "client/app_controller.hpp"
#include "client/features/browse/browse_module.hpp"
#include "core/accounts_json.hpp"
#include "core/routes/listing_route.hpp"
#include "core/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dongelek {

std::string_view toString(ContactChannel c)
{
    switch (c) {
    case ContactChannel::Phone: return "phone";
    case ContactChannel::WhatsApp: return "whatsapp";
    case ContactChannel::Telegram: return "telegram";
    }
    return "phone";
}

std::string_view toString(ReportReason r)
{
    switch (r) {
    case ReportReason::Spam: return "spam";
    case ReportReason::Fraud: return "fraud";
    case ReportReason::WrongPrice: return "wrong_price";
    case ReportReason::WrongDetails: return "wrong_details";
    case ReportReason::Sold: return "sold";
    case ReportReason::Duplicate: return "duplicate";
    case ReportReason::Other: return "other";
    }
    return "other";
}

std::string ListingModule::detailsUrl(std::int64_t id) { return "/api/v1/listings/" + std::to_string(id); }
std::string ListingModule::insightUrl(std::int64_t id) { return detailsUrl(id) + "/insight"; }
std::string ListingModule::similarUrl(std::int64_t id) { return detailsUrl(id) + "/similar"; }
std::string ListingModule::contactUrl(std::int64_t id) { return detailsUrl(id) + "/contact"; }
std::string ListingModule::reportsUrl(std::int64_t id) { return detailsUrl(id) + "/reports"; }
std::string ListingModule::sellerListingsUrl(std::int64_t sellerId, std::int64_t except)
{
    return "/api/v1/sellers/" + std::to_string(sellerId) + "/listings?except=" + std::to_string(except) +
           "&page_size=" + std::to_string(kSellerStrip);
}

bool ListingModule::claims(const AppUrl& url) const { return ListingRoute::parse(url).has_value(); }

std::string ListingModule::url() const { return ListingRoute{m_state.id}.url(); }

std::string ListingModule::title(const Strings& s) const
{
    if (!m_state.details.has()) return s.get("title.browse");
    const ListingSummary& item = m_state.details.value().summary;
    return s.format("title.listing", {{"title", item.title}, {"year", std::to_string(item.year)}});
}

void ListingModule::describe(nlohmann::json& state, bool current) const
{
    state["listingId"] = current ? m_state.id : 0;
    if (!current) return;
    const ListingState& l = m_state;
    nlohmann::json listing = {
        {"photo", l.photoIndex},
        {"viewer", l.viewerOpen},
        {"insight", toString(l.insight.status())},
        {"similar", l.similar.has() ? static_cast<int>(l.similar.value().items.size()) : -1},
        {"sellerListings", l.sellerListings.has() ? static_cast<int>(l.sellerListings.value().items.size()) : -1},
        {"contact", toString(l.contact.reveal.status())},
        {"report", l.report.open ? (l.report.sent.status() == Status::Idle ? "open" : toString(l.report.sent.status()))
                                 : "closed"},
        {"currency", std::string(dongelek::toString(buyerCurrency()))},
    };
    if (l.insight.has()) listing["rating"] = std::string(dongelek::toString(l.insight.value().rating));
    if (l.contact.reveal.status() == Status::Error) listing["contactError"] = l.contact.reveal.error().httpStatus;
    if (l.report.sent.has()) listing["reportStatus"] = l.report.sent.value().status;
    state["listing"] = listing;
}

void ListingModule::enter(const AppUrl& url, Entry how)
{
    if (const auto route = ListingRoute::parse(url)) m_state.id = route->id;
    // The page was opened (Back and Forward return to a page already counted): the seller's
    // dashboard counts it once its details are shown (once per visitor a day, never the
    // seller's own; the server decides).
    m_countView = how != Entry::Pop;
    load();
}

void ListingModule::countView(std::int64_t id)
{
    m_viewToSend = id;
    sendView();
}

void ListingModule::sendView()
{
    // Who is looking is known once the start-up refresh has answered: until then it waits.
    const SessionPhase phase = app().session().phase();
    if (!m_viewToSend || phase == SessionPhase::Unknown) return;
    HttpRequest request = HttpRequest::empty("POST", detailsUrl(m_viewToSend) + "/view");
    m_viewToSend = 0;
    // Signed in, as the account (the same person on every device); otherwise by address.
    if (phase == SessionPhase::SignedIn) app().session().callRaw(std::move(request), [](const HttpReply&) {});
    else app().api().sendRaw(std::move(request), [](const HttpReply&) {});
}

void ListingModule::update(double)
{
    if (m_viewToSend) sendView();
}

void ListingModule::retry()
{
    load();
    if (m_state.details.status() == Status::Ready) loadExtras(); // only what failed is asked again
}

void ListingModule::load()
{
    Remote<ListingDetails>& d = m_state.details;
    const bool same = d.has() && d.value().summary.id == m_state.id;
    if (same && d.status() == Status::Ready) { // already on screen (a link to the same car)
        if (m_countView) countView(m_state.id);
        m_countView = false;
        return;
    }
    if (!same) {
        d.reset();
        m_state.photoIndex = 0;
        m_state.viewerOpen = false;
        m_state.insight.reset();
        m_state.similar.reset();
        m_state.sellerListings.reset();
        m_state.contact.reveal.reset();
        // contact.retryAtMs stays: the server's limit is per address, not per listing.
        m_state.report = ReportState{false, {}, 0, m_state.report.visit};
    }
    const auto gen = d.begin();
    const std::int64_t id = m_state.id;
    app().api().get<ListingDetails>(detailsUrl(id), [this, gen, id](ApiResult<ListingDetails> r) {
        if (m_state.id != id || !m_state.details.settle(gen, std::move(r))) return;
        if (m_state.details.status() == Status::Ready) {
            if (m_countView) countView(id);
            m_countView = false;
            const int n = static_cast<int>(m_state.details.value().photos.size());
            m_state.photoIndex = std::clamp(m_state.photoIndex, 0, std::max(0, n - 1));
            loadExtras();
        }
        if (app().isCurrent(*this)) app().titleChanged();
    });
}

void ListingModule::loadExtras()
{
    if (!m_state.details.has()) return;
    const std::int64_t id = m_state.id;
    const auto fetch = [this, id](auto& remote, const std::string& url) {
        using T = std::decay_t<decltype(remote.value())>;
        if (!remote.needsLoad()) return;
        const auto gen = remote.begin();
        app().api().get<T>(url, [this, id, gen, &remote](ApiResult<T> r) {
            if (m_state.id != id) return;
            remote.settle(gen, std::move(r));
        });
    };
    fetch(m_state.insight, insightUrl(id));
    fetch(m_state.similar, similarUrl(id));
    const std::int64_t sellerId = m_state.details.value().seller.id;
    if (sellerId > 0) fetch(m_state.sellerListings, sellerListingsUrl(sellerId, id));
}

void ListingModule::showPreview(ListingDetails details)
{
    if (!m_state.preview || m_state.id != details.summary.id) {
        m_state = ListingState{};
        m_state.preview = true;
        m_state.id = details.summary.id;
    }
    if (m_state.contact.reveal.has() && m_state.contact.reveal.value().phone != details.seller.phone)
        m_state.contact.reveal.reset();
    const int n = static_cast<int>(details.photos.size());
    m_state.photoIndex = std::clamp(m_state.photoIndex, 0, std::max(0, n - 1));
    if (n == 0) m_state.viewerOpen = false;
    const auto gen = m_state.details.begin();
    m_state.details.settle(gen, ApiResult<ListingDetails>{true, std::move(details), {}});
}

void ListingModule::showPhoto(int index)
{
    if (!m_state.details.has()) return;
    const int n = static_cast<int>(m_state.details.value().photos.size());
    if (n == 0) return;
    m_state.photoIndex = ((index % n) + n) % n; // wraps both ways
}

void ListingModule::openViewer(int index)
{
    if (!m_state.details.has() || m_state.details.value().photos.empty()) return;
    showPhoto(index);
    m_state.viewerOpen = true;
}

void ListingModule::closeViewer() { m_state.viewerOpen = false; }

// [SECTION] Contact

int ListingModule::contactWaitSeconds(double nowMs) const
{
    const double left = m_state.contact.retryAtMs - nowMs;
    return left > 0 ? static_cast<int>(std::ceil(left / 1000.0)) : 0;
}

std::optional<double> ListingModule::nextUpdateAt() const
{
    // The end of a 429's wait: the button comes back by itself.
    if (m_state.contact.retryAtMs > app().shared().nowMs) return m_state.contact.retryAtMs;
    return std::nullopt;
}

void ListingModule::revealContact(ContactChannel channel)
{
    ContactState& c = m_state.contact;
    if (!m_state.details.has() || c.reveal.loading() || c.reveal.has()) return;
    if (m_state.preview) { // the seller's own number, as buyers will see it
        c.channel = channel;
        ContactReveal own;
        own.phone = m_state.details.value().seller.phone;
        std::string digits;
        for (const char ch : own.phone)
            if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
        if (!digits.empty()) {
            own.whatsapp = "https://wa.me/" + digits;
            own.telegram = "https://t.me/+" + digits;
        }
        const auto gen = c.reveal.begin();
        c.reveal.settle(gen, ApiResult<ContactReveal>{true, std::move(own), {}});
        return;
    }
    const double now = app().shared().nowMs;
    if (contactWaitSeconds(now) > 0) return;
    c.channel = channel;
    c.askedAtMs = now;
    const auto gen = c.reveal.begin();
    const std::int64_t id = m_state.id;
    app().api().send<ContactReveal>(
        HttpRequest::json("POST", contactUrl(id), {{"channel", std::string(toString(channel))}}),
        [this, id, gen](ApiResult<ContactReveal> r) {
            if (m_state.id != id) return;
            ContactState& c = m_state.contact;
            if (!r.ok && r.error.kind == ErrorKind::RateLimited)
                c.retryAtMs = app().shared().nowMs + std::max(1, r.error.retryAfterS) * 1000.0;
            c.reveal.settle(gen, std::move(r));
        });
}

// [SECTION] Report

void ListingModule::openReport()
{
    if (!m_state.details.has() || m_state.preview) return;
    ReportState& r = m_state.report;
    if (r.open) return;
    r.open = true;
    if (r.sent.status() != Status::Ready) { // a sent report stays "thank you" for this listing
        r.sent.reset();
        r.httpStatus = 0;
        ++r.visit;
    }
}

void ListingModule::closeReport() { m_state.report.open = false; }

void ListingModule::submitReport(ReportReason reason, const std::string& comment)
{
    ReportState& r = m_state.report;
    if (!r.open || r.sent.loading() || r.sent.status() == Status::Ready) return;
    nlohmann::json body = {{"reason", std::string(toString(reason))}};
    std::string trimmed = comment;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.erase(0, 1);
    if (utf8::length(trimmed) > kReportCommentMax) trimmed = std::string(utf8::truncate(trimmed, kReportCommentMax));
    if (!trimmed.empty()) body["comment"] = trimmed;
    const auto gen = r.sent.begin();
    const std::int64_t id = m_state.id;
    app().api().sendRaw(HttpRequest::json("POST", reportsUrl(id), body), [this, id, gen](HttpReply reply) {
        if (m_state.id != id) return;
        m_state.report.httpStatus = reply.status;
        m_state.report.sent.settle(gen, ApiClient::interpret<StatusReply>(reply));
    });
}

// [SECTION] Currency

void ListingModule::setCurrency(Currency c) { m_state.chosenCurrency = c; }

Currency ListingModule::buyerCurrency() const
{
    if (m_state.chosenCurrency) return *m_state.chosenCurrency;
    if (const BrowseModule* browse = app().find<BrowseModule>()) return browse->state().filter.currency;
    return Currency::KZT;
}

} // namespace dongelek
