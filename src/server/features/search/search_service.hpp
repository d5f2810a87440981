// Keeps the in-memory search index in step with the database and answers from it.
//
// The index is an immutable snapshot (search_index.hpp) behind a shared pointer: requests
// take the current one and never wait. When the database's data version (bumped by every
// listing write, in this process or another) is newer than the snapshot's, one background
// thread builds a new snapshot from the repository and swaps it in; requests in the
// meantime answer from the old one, so a write shows in searches as soon as the rebuild
// is done (about a second at 100,000 listings). Listeners hear of every swap with the
// old and the new snapshot (saved-search alerts look for new listings there).
#pragma once

#include "server/features/search/search_index.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace dongelek::server {

class SearchService {
public:
    using Clock = std::function<std::int64_t()>; // Unix seconds
    using Listener = std::function<void(const SearchIndex& before, const SearchIndex& after)>;

    SearchService(ListingRepository& repository, std::function<std::uint64_t()> dataVersion, Clock now);
    ~SearchService();
    SearchService(const SearchService&) = delete;
    SearchService& operator=(const SearchService&) = delete;

    // Builds the first snapshot (synchronously) and starts the refresh thread.
    void start();
    // Rebuilds now, on the calling thread, if the data version moved (tests; start-up).
    void refreshNow();
    // The current snapshot; asks for a rebuild when the database is newer.
    std::shared_ptr<const SearchIndex> index();

    SearchResult search(const ListingFilter& filter);
    SearchFacets facets(const ListingFilter& filter);
    // Makes, models and then the popular searches that start like `text`.
    SuggestionList suggest(std::string_view text, std::size_t limit = 8);
    // Counts a free-text search (first pages only, cached or not), for the popular searches
    // (bounded: at most kPopularMax texts are kept; the least searched go first).
    void recordSearch(std::string_view text);
    void onSwap(Listener listener);
    std::int64_t now() const { return m_now(); }
    // The data version of the snapshot answering now (asks for a rebuild when it is behind).
    std::uint64_t snapshotVersion() { return index()->dataVersion(); }

    static constexpr std::size_t kPopularMax = 2000;

private:
    void rebuild();
    void loop();

    ListingRepository& m_repository;
    std::function<std::uint64_t()> m_dataVersion;
    Clock m_now;
    std::mutex m_mutex; // guards m_index, m_wanted, m_stop
    std::condition_variable m_wake;
    std::shared_ptr<const SearchIndex> m_index;
    bool m_wanted = false;
    bool m_stop = false;
    std::thread m_thread;
    std::mutex m_rebuildMutex; // one rebuild at a time (the thread or refreshNow)
    std::vector<Listener> m_listeners;
    std::mutex m_popularMutex;
    std::unordered_map<std::string, std::int64_t> m_popular; // folded text -> searches
    std::unordered_map<std::string, std::string> m_popularText; // folded text -> as typed (last)
};

} // namespace dongelek::server
