// The texture cache's eviction policy on its own (no GL, no ImGui), so it is unit-tested
// natively (tests/client/texture_cache_policy_test.cpp): textures on the GPU ordered by when
// they were last drawn, kept under a byte budget by letting the least recently drawn go first,
// never one drawn in the current frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dongelek::ui {

// GPU memory for decoded photos (RGBA, 4 bytes a pixel, no mipmaps). A large photo is
// 1280x960 = 4.7 MiB, a thumbnail 320x240 = 0.3 MiB. Desktop: 96 MiB, about 16 large photos
// and 60 thumbnails. A coarse pointer (phones, tablets) gets half: mobile GPUs share memory
// with a browser that kills tabs under pressure; that still holds the gallery's photo, its
// neighbours and a screenful of thumbnails.
inline constexpr std::size_t kTextureBudgetDesktop = std::size_t(96) << 20;
inline constexpr std::size_t kTextureBudgetPhone = std::size_t(48) << 20;
inline std::size_t textureBudgetFor(bool coarsePointer) { return coarsePointer ? kTextureBudgetPhone : kTextureBudgetDesktop; }

class TextureLru {
public:
    explicit TextureLru(std::size_t budgetBytes) : m_budget(budgetBytes) {}

    std::size_t budget() const { return m_budget; }
    void setBudget(std::size_t bytes) { m_budget = bytes; }
    std::size_t bytes() const { return m_bytes; }
    std::size_t size() const { return m_index.size(); }
    bool contains(const std::string& key) const { return m_index.count(key) != 0; }

    // A texture reached the GPU in `frame`: it counts as drawn then (a preloaded photo is not
    // the first to go just because nobody looked at it yet).
    void add(const std::string& key, std::size_t bytes, std::uint64_t frame)
    {
        remove(key);
        m_order.push_front(Node{key, bytes, frame});
        m_index[key] = m_order.begin();
        m_bytes += bytes;
    }
    // Drawn in `frame`: the most recently used now.
    void touch(const std::string& key, std::uint64_t frame)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end()) return;
        it->second->lastDrawn = frame;
        m_order.splice(m_order.begin(), m_order, it->second);
    }
    void remove(const std::string& key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end()) return;
        m_bytes -= it->second->bytes;
        m_order.erase(it->second);
        m_index.erase(it);
    }
    // The keys to drop, least recently drawn first, until the rest fits the budget; what was
    // drawn in `currentFrame` stays even over budget (it is on screen). They are removed here.
    std::vector<std::string> evict(std::uint64_t currentFrame)
    {
        std::vector<std::string> out;
        while (m_bytes > m_budget && !m_order.empty()) {
            const Node& oldest = m_order.back();
            if (oldest.lastDrawn >= currentFrame) break; // the rest is newer still
            std::string key = oldest.key;
            remove(key);
            out.push_back(std::move(key));
        }
        return out;
    }
    // Least recently drawn first (for tests and the hook).
    std::vector<std::string> keysOldestFirst() const
    {
        std::vector<std::string> out;
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) out.push_back(it->key);
        return out;
    }

private:
    struct Node {
        std::string key;
        std::size_t bytes = 0;
        std::uint64_t lastDrawn = 0;
    };
    std::list<Node> m_order; // most recently drawn first
    std::unordered_map<std::string, std::list<Node>::iterator> m_index;
    std::size_t m_budget;
    std::size_t m_bytes = 0;
};

} // namespace dongelek::ui
