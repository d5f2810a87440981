// The search index's life: first build, rebuilds on new data versions, popular searches.

#include "server/features/search/search_service.hpp"

#include "core/search_text.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"

#include <algorithm>

namespace dongelek::server {

SearchService::SearchService(ListingRepository& repository, std::function<std::uint64_t()> dataVersion, Clock now)
    : m_repository(repository), m_dataVersion(std::move(dataVersion)), m_now(std::move(now))
{
}

SearchService::~SearchService()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void SearchService::start()
{
    refreshNow();
    m_thread = std::thread([this] { loop(); });
}

void SearchService::refreshNow()
{
    std::shared_ptr<const SearchIndex> current;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        current = m_index;
    }
    if (!current || current->dataVersion() < m_dataVersion()) rebuild();
}

void SearchService::rebuild()
{
    std::lock_guard<std::mutex> one(m_rebuildMutex);
    // The version is read before the rows: a write during the load makes the next check
    // rebuild again, never the other way round.
    const std::uint64_t version = m_dataVersion();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_index && m_index->dataVersion() >= version) return;
    }
    auto next = std::make_shared<const SearchIndex>(m_repository.searchDocuments(), m_repository.searchCatalog(), version);
    std::shared_ptr<const SearchIndex> before;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        before = m_index;
        m_index = next;
    }
    if (!before) return;
    std::vector<Listener> listeners;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        listeners = m_listeners;
    }
    for (const Listener& l : listeners) {
        try {
            l(*before, *next);
        } catch (const std::exception&) {
            // A listener's failure (a database hiccup in an alert check) must not stop the swap.
        }
    }
}

void SearchService::loop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_wanted; });
        if (m_stop) return;
        m_wanted = false;
        lock.unlock();
        try {
            rebuild();
        } catch (const std::exception&) {
            // The old snapshot keeps answering; the next request asks again.
        }
        lock.lock();
    }
}

std::shared_ptr<const SearchIndex> SearchService::index()
{
    const std::uint64_t version = m_dataVersion();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_index && m_index->dataVersion() < version && !m_wanted) {
        m_wanted = true;
        m_wake.notify_one();
    }
    return m_index;
}

SearchResult SearchService::search(const ListingFilter& filter)
{
    auto idx = index();
    return idx->search(filter, m_now());
}

SearchFacets SearchService::facets(const ListingFilter& filter)
{
    return index()->facets(filter, m_now());
}

SuggestionList SearchService::suggest(std::string_view text, std::size_t limit)
{
    SuggestionList out = index()->suggest(text, limit);
    const std::vector<std::string> typed = search::tokens(text);
    if (typed.empty() || out.items.size() >= limit) return out;
    std::string folded;
    for (const std::string& t : typed) folded += (folded.empty() ? "" : " ") + t;
    std::vector<std::pair<std::int64_t, std::string>> popular;
    {
        std::lock_guard<std::mutex> lock(m_popularMutex);
        for (const auto& [key, n] : m_popular)
            if (key.compare(0, folded.size(), folded) == 0 && n >= 2) popular.emplace_back(n, m_popularText[key]);
    }
    std::sort(popular.begin(), popular.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // Each with what it finds now (a search made twice that finds nothing is left out).
    const auto idx = index();
    for (const auto& [n, text] : popular) {
        if (out.items.size() >= limit) break;
        ListingFilter f;
        f.query = text;
        f.pageSize = 1;
        const std::int64_t found = idx->search(f, m_now()).total;
        if (found > 0) out.items.push_back({SuggestionKind::Search, text, "q=" + percentEncode(text), found});
    }
    return out;
}

void SearchService::recordSearch(std::string_view text)
{
    const std::vector<std::string> words = search::tokens(text);
    if (words.empty()) return;
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    std::lock_guard<std::mutex> lock(m_popularMutex);
    if (m_popular.size() >= kPopularMax && !m_popular.count(key)) {
        // Forget the least searched half: old one-offs go, the popular ones stay.
        std::vector<std::int64_t> counts;
        for (const auto& [k, n] : m_popular) counts.push_back(n);
        std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(counts.size() / 2), counts.end());
        const std::int64_t median = counts[counts.size() / 2];
        for (auto it = m_popular.begin(); it != m_popular.end();) {
            if (it->second <= median) {
                m_popularText.erase(it->first);
                it = m_popular.erase(it);
            } else {
                ++it;
            }
        }
    }
    ++m_popular[key];
    m_popularText[key] = std::string(utf8::truncate(text, 60));
}

void SearchService::onSwap(Listener listener)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_listeners.push_back(std::move(listener));
}

} // namespace dongelek::server
