// Texture cache: load (platform: HTTP and stb_image on worker threads natively, both in a Web
// Worker on the web), upload (GL, main thread, one per frame), evict (LRU over a byte budget),
// remember failures.

#include "ui/texture_cache.hpp"

#include "platform/window.hpp"
#include "ui/redraw.hpp"

#include <SDL_opengl.h>

#include <algorithm>
#include <vector>

namespace dongelek::ui {

// [SECTION] Texture

Texture Texture::adopt(unsigned id, int width, int height)
{
    Texture t;
    t.m_id = id;
    t.m_width = width;
    t.m_height = height;
    t.m_generation = platform::gpuGeneration();
    return t;
}
bool Texture::lost() const { return m_id != 0 && m_generation != platform::gpuGeneration(); }
Texture::~Texture() { release(); }

Texture::Texture(Texture&& other) noexcept
    : m_id(other.m_id), m_width(other.m_width), m_height(other.m_height), m_generation(other.m_generation)
{
    other.m_id = 0;
}

Texture& Texture::operator=(Texture&& other) noexcept
{
    if (this != &other) {
        release();
        m_id = other.m_id;
        m_width = other.m_width;
        m_height = other.m_height;
        m_generation = other.m_generation;
        other.m_id = 0;
    }
    return *this;
}

void Texture::release()
{
    if (m_id && !lost()) { // a lost one went with its context
        GLuint id = m_id;
        glDeleteTextures(1, &id);
    }
    m_id = 0;
}

// [SECTION] Cache

TextureCache::TextureCache(ImageCodec codec, TaskQueue& queue, Options options)
    : m_codec(std::move(codec)), m_queue(queue), m_options(options), m_lru(options.budgetBytes)
{
}

TextureCache::~TextureCache()
{
    for (auto& [url, e] : m_entries)
        if (e.state == State::Decoded) m_codec.discard(e.image);
}

const Texture* TextureCache::get(const std::string& url)
{
    if (url.empty()) return nullptr;
    Entry& e = m_entries[url];
    if (e.lastUsed != m_frame) e.askedOrder = ++m_asked;
    e.lastUsed = m_frame;
    if (e.state != State::Ready) return nullptr;
    m_lru.touch(url, m_frame);
    return &e.texture;
}

void TextureCache::prefetch(const std::string& url)
{
    if (url.empty()) return;
    Entry& e = m_entries[url];
    if (e.lastUsed != m_frame) e.askedOrder = ++m_asked;
    e.lastUsed = m_frame;
}

bool TextureCache::failed(const std::string& url) const
{
    const auto it = m_entries.find(url);
    return it != m_entries.end() && it->second.state == State::Failed;
}

bool TextureCache::settled() const
{
    for (const auto& [url, e] : m_entries)
        if (e.lastUsed + 1 >= m_frame && e.state != State::Ready && e.state != State::Failed) return false;
    return true;
}

TextureCache::Counts TextureCache::countUsed() const
{
    Counts c;
    for (const auto& [url, e] : m_entries) {
        if (e.lastUsed + 1 < m_frame) continue;
        if (e.state == State::Ready) ++c.ready;
        else if (e.state == State::Failed) ++c.failed;
        else ++c.loading;
    }
    return c;
}

void TextureCache::drop(const std::string& url)
{
    const auto it = m_entries.find(url);
    if (it == m_entries.end()) return;
    // (One still loading is let go too: its reply finds no entry and is discarded.)
    if (it->second.state == State::Decoded) m_codec.discard(it->second.image);
    m_lru.remove(url);
    m_entries.erase(it);
}

std::size_t TextureCache::bytesOf(const std::string& url) const
{
    const auto it = m_entries.find(url);
    return it != m_entries.end() && it->second.state == State::Ready ? it->second.texture.bytes() : 0;
}

void TextureCache::forgetLostTextures()
{
    const unsigned generation = platform::gpuGeneration();
    if (generation == m_generation) return;
    m_generation = generation;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->second.state == State::Ready && it->second.texture.lost()) {
            m_lru.remove(it->first);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

void TextureCache::update(double nowMs)
{
    m_nowMs = nowMs;
    forgetLostTextures();
    startFetches();
    uploadOne();
    evict();
    ++m_frame;
    double retryAt = 0;
    for (const auto& [url, e] : m_entries) {
        if (e.state == State::Decoded && uploadable(e)) keepAnimating(); // one upload per frame: the next frame uploads the next
        if (e.state == State::Wanted && e.retryAtMs > nowMs && (retryAt == 0 || e.retryAtMs < retryAt))
            retryAt = e.retryAtMs;
    }
    if (retryAt > 0) redrawAfter(retryAt - nowMs);
}

void TextureCache::startFetches()
{
    // Forget images nobody asked for in ~2 s that never started: scrolled past.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        Entry& e = it->second;
        const bool stale = e.lastUsed + 120 < m_frame;
        if (stale && e.state == State::Wanted) {
            it = m_entries.erase(it);
        } else if (stale && e.state == State::Decoded && e.lastUsed + 600 < m_frame) {
            m_codec.discard(e.image); // decoded but scrolled away for ~10 s: let it go
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    if (m_hold || m_inFlight >= m_options.maxInFlight) return;
    struct Want {
        std::uint64_t frame, order;
        const std::string* url;
    };
    std::vector<Want> wanted;
    for (const auto& [url, e] : m_entries)
        if (e.state == State::Wanted && e.retryAtMs <= m_nowMs) wanted.push_back({e.lastUsed, e.askedOrder, &url});
    // Most recently wanted first: what is on screen now beats what was on screen before; within
    // a frame, in the order asked (what is drawn, then what the screen prefetches, nearest first).
    std::sort(wanted.begin(), wanted.end(),
              [](const Want& a, const Want& b) { return a.frame != b.frame ? a.frame > b.frame : a.order < b.order; });
    for (const Want& w : wanted) {
        const std::string* urlPtr = w.url;
        if (m_inFlight >= m_options.maxInFlight) break;
        const std::string url = *urlPtr;
        m_entries[url].state = State::Loading;
        ++m_inFlight;
        std::weak_ptr<int> alive = m_alive;
        TaskQueue* queue = &m_queue;
        m_codec.load(url, [this, alive, queue, url](platform::LoadedImage loaded) {
            queue->post([this, alive, url, loaded = std::move(loaded)]() mutable {
                if (alive.expired()) {
                    return; // the cache is gone, and so is the GL context the pixels were for
                }
                onLoaded(url, std::move(loaded));
            });
        });
    }
}

void TextureCache::onLoaded(const std::string& url, platform::LoadedImage loaded)
{
    --m_inFlight;
    const auto it = m_entries.find(url);
    if (it == m_entries.end()) {
        m_codec.discard(loaded.image);
        return;
    }
    Entry& e = it->second;
    if (loaded.ok) {
        e.image = std::move(loaded.image);
        e.state = State::Decoded;
    } else if (loaded.status == 0) {
        e.state = State::Wanted; // transient (offline, server restarting): try again in 2 s if still wanted
        e.retryAtMs = m_nowMs + 2000;
    } else {
        e.state = State::Failed; // 404 and friends, or not an image: remembered, drawn as "no photo"
    }
}

bool TextureCache::uploadable(const Entry& e) const { return !m_hold || e.lastUsed + 1 >= m_frame; }

void TextureCache::uploadOne()
{
    Entry* best = nullptr;
    const std::string* bestUrl = nullptr;
    for (auto& [url, e] : m_entries)
        if (e.state == State::Decoded && uploadable(e) && (!best || e.lastUsed > best->lastUsed)) {
            best = &e;
            bestUrl = &url;
        }
    if (!best) return;
    const int w = best->image.width, h = best->image.height;
    const unsigned id = m_codec.upload(best->image);
    if (!id) {
        best->state = State::Failed;
        return;
    }
    best->texture = Texture::adopt(id, w, h);
    best->state = State::Ready;
    m_lru.add(*bestUrl, best->texture.bytes(), m_frame);
}

void TextureCache::evict()
{
    // Least recently drawn first; nothing drawn this frame (it is on screen).
    for (const std::string& url : m_lru.evict(m_frame)) m_entries.erase(url);
}

} // namespace dongelek::ui
