// A bounded, sharded LRU of serialized responses. Keys carry the data generation, so
// a write makes every older entry unreachable at once; they then age out of the LRU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace dongelek::server {

// A response body ready to send: the bytes and whether they are gzip-compressed.
struct CachedBody {
    std::string bytes;
    bool gzipped = false;
};
using BodyPtr = std::shared_ptr<const CachedBody>;

class ResponseCache {
public:
    // `capacity` entries in total, split over `shards` independently locked parts so
    // concurrent workers rarely wait on each other.
    explicit ResponseCache(std::size_t capacity = 2000, std::size_t shards = 8);

    BodyPtr find(const std::string& key);
    void put(const std::string& key, BodyPtr body);
    std::size_t size() const;
    std::size_t capacity() const { return m_capacityPerShard * m_shards.size(); }

private:
    struct Shard {
        mutable std::mutex mutex;
        std::list<std::pair<std::string, BodyPtr>> order; // front = most recently used
        std::unordered_map<std::string, std::list<std::pair<std::string, BodyPtr>>::iterator> index;
    };
    Shard& shardFor(const std::string& key);

    std::size_t m_capacityPerShard;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace dongelek::server
