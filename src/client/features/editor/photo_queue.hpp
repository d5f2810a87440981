// The editor's photos on their way to the server: each prepared photo (platform/photo_pick.hpp,
// decoded and downscaled on the device) is kept on the device at once (DeviceStore key
// "editor.photo.<key>", base64), then uploaded three at a time with its progress
// (PUT /api/v1/me/uploads/<key>); a network failure or a 5xx is retried after 2, 6 and 18 s,
// then waits for Retry; a refusal (422: too small, not a picture) is final. After a reload
// the photos still without an upload are read back from the device and sent again (a photo
// is resumed as a whole file: a prepared photo is a few hundred KB).
#pragma once

#include "client/app_controller.hpp"
#include "core/listing_draft.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace dongelek {

struct QueuedPhoto {
    enum class Phase { Waiting, Uploading, Uploaded, Failed, Lost };
    std::string key;
    std::string name; // the file's name as picked, for the list
    Phase phase = Phase::Waiting;
    double progress = 0;     // 0..1 of the body sent
    int attempts = 0;
    double retryAtMs = 0;    // Waiting after a failure: not before this
    std::string error;       // Failed: the server's code ("too_small") or "network"
    std::string thumbUrl;    // Uploaded: the server's thumbnail
    std::string largeUrl;    // and the large size (the preview's gallery)
    bool tooSmall = false, blurry = false, tooDark = false;
};

class PhotoQueue {
public:
    static constexpr int kParallel = 3;
    static constexpr int kAutoTries = 3;
    static constexpr const char* kUploadsUrl = "/api/v1/me/uploads/";
    static std::string storeKey(const std::string& photoKey) { return "editor.photo." + photoKey; }

    // `uploaded` gets the photo's key and the server's answer ({id, width, height, thumb_url}).
    PhotoQueue(AppController& app, std::function<void(const std::string& key, const DraftPhoto& photo)> uploaded)
        : m_app(app), m_uploaded(std::move(uploaded))
    {
    }

    // A prepared photo: kept on the device, then uploaded.
    void add(QueuedPhoto photo, std::string jpeg);
    // The draft names photos without an upload (after a reload): read them back from the
    // device and send them; a photo the device no longer has is Lost.
    void resume(const std::vector<DraftPhoto>& photos);
    void retry(const std::string& key);
    void forget(const std::string& key); // removed from the draft: not sent, not kept
    void update(double nowMs);
    std::optional<double> nextUpdateAt() const;
    bool busy() const;

    const std::vector<QueuedPhoto>& photos() const { return m_photos; }
    const QueuedPhoto* find(const std::string& key) const;
    // Photos uploaded or on their way, for the overall bar.
    int done() const;
    int total() const { return static_cast<int>(m_photos.size()); }

private:
    QueuedPhoto* findMutable(const std::string& key);
    void pump(double nowMs);
    void send(const std::string& key);

    AppController& m_app;
    std::function<void(const std::string&, const DraftPhoto&)> m_uploaded;
    std::vector<QueuedPhoto> m_photos;
    std::map<std::string, std::string> m_bytes; // key -> JPEG, until uploaded
    int m_inFlight = 0;
    double m_nowMs = 0;
};

} // namespace dongelek
