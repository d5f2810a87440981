// Saved searches: validation, the alert check and its mail.

#include "server/features/saved_searches/saved_search_service.hpp"

#include <algorithm>

#include "server/features/accounts/delivery.hpp"
#include "server/features/media/photo_urls.hpp"
#include "server/http/errors.hpp"

#include "core/limits.hpp"
#include "core/listing_query.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"
#include "core/utf8.hpp"

namespace dongelek::server {

namespace {

ListingFilter parseSaved(const std::string& query)
{
    ListingFilter f;
    FieldError e;
    if (!parseListingQuery(query, f, e)) throw ClientError(400, "invalid_field", "query", "query: " + e.message);
    f.page = 1;
    return f;
}

} // namespace

SavedSearchService::SavedSearchService(SavedSearchRepository& repository, SearchService& search,
                                       accounts::Mailer& mailer, accounts::DeliveryQueue& queue,
                                       const accounts::MessageTexts& texts, std::string siteOrigin)
    : m_repository(repository), m_search(search), m_mailer(mailer), m_queue(queue), m_texts(texts),
      m_origin(std::move(siteOrigin))
{
}

SavedSearch SavedSearchService::toWire(const SavedSearchRow& row, const SearchIndex& index)
{
    SavedSearch s;
    s.id = row.id;
    s.name = row.name;
    s.query = row.query;
    s.alert = row.alert;
    s.createdAt = isoTimestamp(row.createdAt);
    ListingFilter f = parseSaved(row.query);
    f.pageSize = 1;
    s.total = index.search(f, m_search.now()).total;
    s.unread = m_repository.unread(row.userId, row.id);
    return s;
}

SavedSearchList SavedSearchService::list(std::int64_t userId)
{
    const auto index = m_search.index();
    SavedSearchList out;
    for (const SavedSearchRow& row : m_repository.list(userId))
        out.items.push_back(toWire(row, *index));
    return out;
}

SavedSearch SavedSearchService::add(std::int64_t userId, const std::optional<std::string>& nameIn,
                                    const std::string& query, bool alert)
{
    if (query.size() > kQueryMaxBytes)
        throw ClientError(400, "invalid_field", "query", "query is too long: at most 2048 bytes");
    ListingFilter f = parseSaved(query);
    f.pageSize = limits::kPageSizeDefault;
    f.sort = Sort::Newest; // the order is not part of what a saved search finds
    const std::string canonical = toQueryString(f);
    if (m_repository.count(userId) >= kMaxPerUser)
        throw ClientError(409, "too_many", "", "at most 50 saved searches; delete one first");
    std::string name = nameIn.value_or("");
    if (name.empty()) name = f.query.empty() ? (canonical.empty() ? std::string("All cars") : canonical) : f.query;
    name = std::string(utf8::truncate(name, kNameMaxChars));
    const auto index = m_search.index();
    // New listings from now on: everything already there was seen in the search itself.
    const SavedSearchRow row = m_repository.add(userId, name, canonical, alert, index->maxListingId(), m_search.now());
    return toWire(row, *index);
}

SavedSearch SavedSearchService::update(std::int64_t userId, std::int64_t id, const std::optional<std::string>& name,
                                       const std::optional<bool>& alert)
{
    const auto index = m_search.index();
    // Turning an alert on starts from now, not from when the search was saved.
    std::optional<std::int64_t> mark;
    if (alert && *alert) {
        const auto existing = m_repository.find(userId, id);
        if (existing && !existing->alert) mark = index->maxListingId();
    }
    if (!m_repository.update(userId, id, name, alert, mark))
        throw ClientError(404, "not_found", "id", "no saved search with id " + std::to_string(id));
    return toWire(*m_repository.find(userId, id), *index);
}

void SavedSearchService::remove(std::int64_t userId, std::int64_t id)
{
    if (!m_repository.remove(userId, id))
        throw ClientError(404, "not_found", "id", "no saved search with id " + std::to_string(id));
}

NotificationList SavedSearchService::notifications(std::int64_t userId)
{
    auto index = m_search.index();
    const std::vector<NotificationRow> rows = m_repository.notifications(userId, kNotificationsShown);
    // A notification may be newer than this snapshot (another process raised it, or the rebuild
    // that raised it is still being published): a listing it names that the snapshot lacks is
    // looked for in a fresh one before it is called gone.
    if (std::any_of(rows.begin(), rows.end(), [&](const NotificationRow& r) { return !index->summary(r.listingId); })) {
        m_search.refreshNow();
        index = m_search.index();
    }
    NotificationList out;
    for (const NotificationRow& row : rows) {
        Notification n;
        n.id = row.id;
        n.savedSearchId = row.savedSearchId;
        n.savedSearchName = row.savedSearchName;
        n.createdAt = isoTimestamp(row.createdAt);
        n.read = row.read;
        std::int64_t cover = 0;
        if (auto summary = index->summary(row.listingId, &cover)) {
            n.listing = std::move(*summary);
            if (cover) n.listing.thumbUrl = photoUrl(cover, PhotoSize::Thumb);
        } else {
            n.listing.id = row.listingId; // sold or removed since: the app says so
        }
        out.items.push_back(std::move(n));
    }
    out.unread = m_repository.unread(userId);
    return out;
}

std::int64_t SavedSearchService::markRead(std::int64_t userId, const std::vector<std::int64_t>& ids)
{
    return m_repository.markRead(userId, ids, m_search.now());
}

void SavedSearchService::checkAlerts(const SearchIndex& index)
{
    std::lock_guard<std::mutex> one(m_checking);
    const std::int64_t now = m_search.now();
    const std::int64_t upTo = index.maxListingId();
    for (const SavedSearchRow& row : m_repository.alerting()) {
        if (row.lastListingId >= upTo) continue;
        ListingFilter f;
        FieldError e;
        if (!parseListingQuery(row.query, f, e)) continue; // stored canonical; cannot happen
        const std::vector<std::int64_t> matches = index.newMatches(f, row.lastListingId, now);
        const std::vector<std::int64_t> added = m_repository.addMatches(row, matches, upTo, now);
        if (added.empty()) continue;
        const auto to = m_repository.recipient(row.userId);
        if (!to) continue;
        const Strings& s = m_texts.in(to->language);
        std::string cars;
        for (std::size_t i = 0; i < added.size() && i < 5; ++i) {
            const auto summary = index.summary(added[i]);
            if (!summary) continue;
            cars += "• " + summary->title + ", " + std::to_string(summary->year) + " — " + formatMoney(summary->price) +
                    "\n  " + m_origin + "/listing/" + std::to_string(summary->id) + "\n";
        }
        if (added.size() > 5) cars += "…\n";
        accounts::Mail mail = accounts::composeMail(s, to->email, to->displayName, "alert",
                                                    m_origin + "/?" + row.query,
                                                    {{"name", row.name},
                                                     {"count", std::to_string(added.size())},
                                                     {"cars", cars}});
        accounts::Mailer* mailer = &m_mailer;
        m_queue.post("mail to " + accounts::maskEmail(to->email), [mailer, mail = std::move(mail)] { mailer->send(mail); });
    }
}

} // namespace dongelek::server
