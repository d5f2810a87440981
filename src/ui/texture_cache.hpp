// Photos as GL textures: a move-only Texture and a URL-keyed cache that fetches JPEGs, has
// them decoded off the main thread, uploads at most one per frame (frames stay short), evicts
// the least recently drawn ones over a GPU memory budget (ui/texture_cache_policy.hpp), and
// remembers failures.
#pragma once

#include "client/task_queue.hpp"
#include "platform/image_decode.hpp"
#include "ui/texture_cache_policy.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace dongelek::ui {

class Texture {
public:
    Texture() = default;
    // Takes ownership of a GL texture name (deleted with the Texture; main thread only).
    static Texture adopt(unsigned id, int width, int height);
    // Made in an earlier GL context than the current one (platform::gpuGeneration): the
    // texture is gone with that context and must be made again.
    bool lost() const;
    ~Texture();
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    ImTextureID id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_id)); }
    unsigned glName() const { return m_id; } // for our own shaders (ui/gl_program.hpp)
    int width() const { return m_width; }
    int height() const { return m_height; }
    std::size_t bytes() const { return static_cast<std::size_t>(m_width) * m_height * 4; }
    explicit operator bool() const { return m_id != 0; }

private:
    void release();
    unsigned m_id = 0;
    int m_width = 0;
    int m_height = 0;
    unsigned m_generation = 0;
};

// How images become textures; platform::loadImage/uploadImage/discardImage in the app.
struct ImageCodec {
    // Fetches and decodes off the main thread; `done` may run on any thread.
    std::function<void(const std::string& url, std::function<void(platform::LoadedImage)> done)> load;
    std::function<unsigned(platform::DecodedImage&)> upload;
    std::function<void(platform::DecodedImage&)> discard;
};

class TextureCache {
public:
    struct Options {
        std::size_t budgetBytes = kTextureBudgetDesktop; // decoded RGBA kept on the GPU (textureBudgetFor)
        int maxInFlight = 6;                 // what a browser allows per host anyway
    };

    TextureCache(ImageCodec codec, TaskQueue& queue, Options options);
    ~TextureCache();

    // The texture for `url` once it is decoded; nullptr while loading or after a failure.
    // Every call marks the image as wanted this frame (fetch priority) and as drawn (LRU).
    const Texture* get(const std::string& url);
    // Wanted soon but not drawn now (a gallery's neighbours): fetched like get(), but it does not
    // count as drawn, so it goes before what is on screen when the budget is short.
    void prefetch(const std::string& url);
    bool failed(const std::string& url) const;

    // Drops `url`'s texture now (a closed viewer frees what only it drew). Nothing when absent.
    void drop(const std::string& url);
    // GPU bytes of `url`'s texture, 0 when it is not on the GPU.
    std::size_t bytesOf(const std::string& url) const;

    // Once per frame, after the task queue is drained and before drawing. After a lost GL
    // context comes back, it forgets every texture of the old one: what is drawn next is
    // fetched (from the browser's cache, usually) and uploaded again. Asks for the frames
    // it needs (ui/redraw.hpp): the next one while decoded photos wait for their upload, and the
    // time of a retry after a network error.
    void update(double nowMs);
    // The last frame flung a list past faster than a reader looks (ui::scrolledFastThisFrame):
    // until it is called with false, no fetch starts and only photos drawn in the last frame
    // are uploaded, so rows that fly past cost nothing; where the list stops loads first.
    void holdOffscreen(bool hold) { m_hold = hold; }
    // True when no image used in the last frame is still on its way.
    bool settled() const;
    // The images used in the last frame by where they are (the test hook reports these).
    struct Counts {
        int loading = 0;
        int ready = 0;
        int failed = 0;
    };
    Counts countUsed() const;
    std::size_t gpuBytes() const { return m_lru.bytes(); }
    std::size_t budgetBytes() const { return m_lru.budget(); }
    std::size_t size() const { return m_entries.size(); }

private:
    enum class State { Wanted, Loading, Decoded, Ready, Failed };
    struct Entry {
        State state = State::Wanted;
        platform::DecodedImage image; // between decode and upload
        Texture texture;
        std::uint64_t lastUsed = 0;
        std::uint64_t askedOrder = 0; // when it was first asked for in frame lastUsed (fetch order)
        double retryAtMs = 0; // no new try before this time, after a network error
    };

    void startFetches();
    void uploadOne();
    bool uploadable(const Entry& e) const; // now, given holdOffscreen
    void evict();
    void forgetLostTextures();
    void onLoaded(const std::string& url, platform::LoadedImage loaded);

    ImageCodec m_codec;
    TaskQueue& m_queue;
    Options m_options;
    std::unordered_map<std::string, Entry> m_entries;
    std::uint64_t m_frame = 1;
    std::uint64_t m_asked = 0;
    double m_nowMs = 0;
    int m_inFlight = 0;
    bool m_hold = false;
    TextureLru m_lru;
    unsigned m_generation = 1; // of the GL context the textures are in
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); // replies after destruction are dropped
};

} // namespace dongelek::ui
