// Serialized responses kept between requests: the interface, and a bounded, sharded
// in-process LRU. Keys carry the data generation, so a write makes older entries unreachable.
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
    std::string etag; // strong validator of this representation, quoted: "\"9f2c...-gz\""
};
using BodyPtr = std::shared_ptr<const CachedBody>;

// Where responses are cached. The in-process LRU below today; a store shared by several
// server instances (Redis) would implement the same two calls.
class ResponseCache {
public:
    virtual ~ResponseCache() = default;
    virtual BodyPtr find(const std::string& key) = 0;
    virtual void put(const std::string& key, BodyPtr body) = 0;
};

class LruResponseCache final : public ResponseCache {
public:
    // At most `capacity` entries and `maxBytes` of bodies in total, split over `shards`
    // independently locked parts so concurrent workers rarely wait on each other.
    explicit LruResponseCache(std::size_t capacity = 2000, std::size_t shards = 8, std::size_t maxBytes = 64u << 20);

    BodyPtr find(const std::string& key) override;
    void put(const std::string& key, BodyPtr body) override;
    std::size_t size() const;
    std::size_t bytes() const;
    std::size_t capacity() const { return m_capacityPerShard * m_shards.size(); }

private:
    struct Shard {
        mutable std::mutex mutex;
        std::list<std::pair<std::string, BodyPtr>> order; // front = most recently used
        std::unordered_map<std::string, std::list<std::pair<std::string, BodyPtr>>::iterator> index;
        std::size_t bytes = 0;
    };
    Shard& shardFor(const std::string& key);

    std::size_t m_capacityPerShard;
    std::size_t m_bytesPerShard;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace dongelek::server
