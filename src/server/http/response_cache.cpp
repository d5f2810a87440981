// Sharded LRU: a list per shard keeps recency, a hash map finds the list node.
// Lookups move the node to the front with splice, so a hit allocates nothing.

#include "server/http/response_cache.hpp"

#include <algorithm>
#include <functional>

namespace dongelek::server {

LruResponseCache::LruResponseCache(std::size_t capacity, std::size_t shards, std::size_t maxBytes)
    : m_capacityPerShard(std::max<std::size_t>(1, (capacity + shards - 1) / std::max<std::size_t>(1, shards))),
      m_bytesPerShard(std::max<std::size_t>(1, maxBytes / std::max<std::size_t>(1, shards)))
{
    for (std::size_t i = 0; i < std::max<std::size_t>(1, shards); ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

LruResponseCache::Shard& LruResponseCache::shardFor(const std::string& key)
{
    return *m_shards[std::hash<std::string>{}(key) % m_shards.size()];
}

BodyPtr LruResponseCache::find(const std::string& key)
{
    Shard& s = shardFor(key);
    std::lock_guard lock(s.mutex);
    auto it = s.index.find(key);
    if (it == s.index.end()) return nullptr;
    s.order.splice(s.order.begin(), s.order, it->second);
    return it->second->second;
}

void LruResponseCache::put(const std::string& key, BodyPtr body)
{
    Shard& s = shardFor(key);
    std::lock_guard lock(s.mutex);
    const std::size_t size = body ? body->bytes.size() : 0;
    if (size > m_bytesPerShard) return; // would evict everything else: not worth caching
    if (auto it = s.index.find(key); it != s.index.end()) {
        s.bytes -= it->second->second ? it->second->second->bytes.size() : 0;
        it->second->second = std::move(body);
        s.bytes += size;
        s.order.splice(s.order.begin(), s.order, it->second);
    } else {
        s.order.emplace_front(key, std::move(body));
        s.index.emplace(key, s.order.begin());
        s.bytes += size;
    }
    while (s.order.size() > m_capacityPerShard || s.bytes > m_bytesPerShard) {
        s.bytes -= s.order.back().second ? s.order.back().second->bytes.size() : 0;
        s.index.erase(s.order.back().first);
        s.order.pop_back();
    }
}

std::size_t LruResponseCache::bytes() const
{
    std::size_t n = 0;
    for (const auto& s : m_shards) {
        std::lock_guard lock(s->mutex);
        n += s->bytes;
    }
    return n;
}

std::size_t LruResponseCache::size() const
{
    std::size_t n = 0;
    for (const auto& s : m_shards) {
        std::lock_guard lock(s->mutex);
        n += s->order.size();
    }
    return n;
}

} // namespace dongelek::server
