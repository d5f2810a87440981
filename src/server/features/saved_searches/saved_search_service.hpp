// Saved searches of signed-in users, their alerts and notifications.
//
// Alerts: every time the search index takes a new snapshot (a listing was written), each
// saved search with its alert on is run over the listings newer than its mark; matches
// become notifications (in the app) and one mail per search (verified addresses only),
// and the mark moves to the newest listing. The notification table is unique per search
// and listing, so several server processes raise each once.
#pragma once

#include "server/features/accounts/account_service.hpp"
#include "server/features/saved_searches/saved_search_repository.hpp"
#include "server/features/search/search_service.hpp"

#include "core/model.hpp"

namespace dongelek::server {

class SavedSearchService {
public:
    static constexpr std::int64_t kMaxPerUser = 50;
    static constexpr std::size_t kNameMaxChars = 80;
    static constexpr std::size_t kQueryMaxBytes = 2048;
    static constexpr int kNotificationsShown = 100;

    SavedSearchService(SavedSearchRepository& repository, SearchService& search, accounts::Mailer& mailer,
                       accounts::DeliveryQueue& queue, const accounts::MessageTexts& texts, std::string siteOrigin);

    SavedSearchList list(std::int64_t userId);
    // `query` is a listing query string; it is parsed (a bad one is a 400 naming "query")
    // and stored canonical. A name is made from the query when none is given.
    SavedSearch add(std::int64_t userId, const std::optional<std::string>& name, const std::string& query, bool alert);
    SavedSearch update(std::int64_t userId, std::int64_t id, const std::optional<std::string>& name,
                       const std::optional<bool>& alert);
    void remove(std::int64_t userId, std::int64_t id);

    NotificationList notifications(std::int64_t userId);
    std::int64_t markRead(std::int64_t userId, const std::vector<std::int64_t>& ids);

    // The alert check over a new snapshot (SearchService::onSwap); also callable directly.
    void checkAlerts(const SearchIndex& index);

private:
    SavedSearch toWire(const SavedSearchRow& row, const SearchIndex& index);

    SavedSearchRepository& m_repository;
    SearchService& m_search;
    accounts::Mailer& m_mailer;
    accounts::DeliveryQueue& m_queue;
    const accounts::MessageTexts& m_texts;
    std::string m_origin;
    std::mutex m_checking; // one alert check at a time
};

} // namespace dongelek::server
