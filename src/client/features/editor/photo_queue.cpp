#include "client/features/editor/photo_queue.hpp"

#include "core/base64.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

namespace {
constexpr double kRetryDelaysMs[] = {2000, 6000, 18000};
}

QueuedPhoto* PhotoQueue::findMutable(const std::string& key)
{
    const auto it = std::find_if(m_photos.begin(), m_photos.end(), [&](const QueuedPhoto& p) { return p.key == key; });
    return it == m_photos.end() ? nullptr : &*it;
}

const QueuedPhoto* PhotoQueue::find(const std::string& key) const
{
    const auto it = std::find_if(m_photos.begin(), m_photos.end(), [&](const QueuedPhoto& p) { return p.key == key; });
    return it == m_photos.end() ? nullptr : &*it;
}

int PhotoQueue::done() const
{
    return static_cast<int>(std::count_if(m_photos.begin(), m_photos.end(),
                                          [](const QueuedPhoto& p) { return p.phase == QueuedPhoto::Phase::Uploaded; }));
}

bool PhotoQueue::busy() const
{
    return std::any_of(m_photos.begin(), m_photos.end(), [](const QueuedPhoto& p) {
        return p.phase == QueuedPhoto::Phase::Uploading || p.phase == QueuedPhoto::Phase::Waiting;
    });
}

void PhotoQueue::add(QueuedPhoto photo, std::string jpeg)
{
    // On the device first: a closed tab or a dropped connection loses nothing.
    if (m_app.deviceStore().save) m_app.deviceStore().save(storeKey(photo.key), base64Encode(jpeg));
    photo.phase = QueuedPhoto::Phase::Waiting;
    m_bytes[photo.key] = std::move(jpeg);
    m_photos.push_back(std::move(photo));
    pump(m_nowMs);
}

void PhotoQueue::resume(const std::vector<DraftPhoto>& photos)
{
    for (const DraftPhoto& p : photos) {
        if (p.ready() || find(p.key)) continue;
        QueuedPhoto q;
        q.key = p.key;
        q.phase = QueuedPhoto::Phase::Lost; // until the device hands it back
        m_photos.push_back(q);
        if (!m_app.deviceStore().load) continue;
        m_app.deviceStore().load(storeKey(p.key), [this, key = p.key](std::string value) {
            QueuedPhoto* photo = findMutable(key);
            if (!photo || photo->phase != QueuedPhoto::Phase::Lost) return;
            std::optional<std::string> jpeg = value.empty() ? std::nullopt : base64Decode(value);
            if (!jpeg) return; // stays Lost: the editor asks for it again
            m_bytes[key] = std::move(*jpeg);
            photo->phase = QueuedPhoto::Phase::Waiting;
            pump(m_nowMs);
        });
    }
}

void PhotoQueue::retry(const std::string& key)
{
    QueuedPhoto* p = findMutable(key);
    if (!p || p->phase != QueuedPhoto::Phase::Failed || !m_bytes.count(key)) return;
    p->phase = QueuedPhoto::Phase::Waiting;
    p->attempts = 0;
    p->retryAtMs = 0;
    p->error.clear();
    pump(m_nowMs);
}

void PhotoQueue::forget(const std::string& key)
{
    m_photos.erase(std::remove_if(m_photos.begin(), m_photos.end(), [&](const QueuedPhoto& p) { return p.key == key; }),
                   m_photos.end());
    m_bytes.erase(key);
    if (m_app.deviceStore().save) m_app.deviceStore().save(storeKey(key), "");
}

void PhotoQueue::update(double nowMs)
{
    m_nowMs = nowMs;
    pump(nowMs);
}

std::optional<double> PhotoQueue::nextUpdateAt() const
{
    std::optional<double> at;
    for (const QueuedPhoto& p : m_photos)
        if (p.phase == QueuedPhoto::Phase::Waiting && p.retryAtMs > m_nowMs)
            at = at ? std::min(*at, p.retryAtMs) : p.retryAtMs;
    return at;
}

void PhotoQueue::pump(double nowMs)
{
    for (QueuedPhoto& p : m_photos) {
        if (m_inFlight >= kParallel) return;
        if (p.phase != QueuedPhoto::Phase::Waiting || p.retryAtMs > nowMs || !m_bytes.count(p.key)) continue;
        send(p.key);
    }
}

void PhotoQueue::send(const std::string& key)
{
    QueuedPhoto* p = findMutable(key);
    if (!p) return;
    p->phase = QueuedPhoto::Phase::Uploading;
    p->progress = 0;
    ++p->attempts;
    ++m_inFlight;
    HttpRequest request;
    request.method = "PUT";
    request.url = kUploadsUrl + key;
    request.body = m_bytes[key];
    request.setHeader("Content-Type", "image/jpeg");
    request.onUploadProgress = [this, key](std::uint64_t sent, std::uint64_t total) {
        if (QueuedPhoto* q = findMutable(key); q && q->phase == QueuedPhoto::Phase::Uploading && total > 0)
            q->progress = std::min(1.0, static_cast<double>(sent) / static_cast<double>(total));
    };
    m_app.session().callRaw(std::move(request), [this, key](const HttpReply& reply) {
        --m_inFlight;
        QueuedPhoto* q = findMutable(key);
        if (!q) { // removed meanwhile
            pump(m_nowMs);
            return;
        }
        const RequestError error = ApiClient::classify(reply);
        if (error.kind == ErrorKind::None) {
            const nlohmann::json j = nlohmann::json::parse(reply.body, nullptr, false);
            if (j.is_object() && j.contains("id")) {
                q->phase = QueuedPhoto::Phase::Uploaded;
                q->progress = 1;
                q->thumbUrl = j.value("thumb_url", "");
                q->largeUrl = j.value("large_url", "");
                DraftPhoto done;
                done.key = key;
                done.uploadId = j.value("id", std::int64_t{0});
                done.width = j.value("width", 0);
                done.height = j.value("height", 0);
                m_bytes.erase(key);
                if (m_app.deviceStore().save) m_app.deviceStore().save(storeKey(key), "");
                m_uploaded(key, done);
                pump(m_nowMs);
                return;
            }
        }
        // A refusal names the problem and is final; anything else is tried again.
        const bool refused = error.kind == ErrorKind::BadRequest || error.kind == ErrorKind::Forbidden;
        if (refused) {
            q->phase = QueuedPhoto::Phase::Failed;
            q->error = error.api.code.empty() ? "refused" : error.api.code;
        } else if (q->attempts < kAutoTries) {
            q->phase = QueuedPhoto::Phase::Waiting;
            q->retryAtMs = m_nowMs + kRetryDelaysMs[std::min(q->attempts - 1, 2)];
        } else {
            q->phase = QueuedPhoto::Phase::Failed;
            q->error = "network";
        }
        pump(m_nowMs);
    });
}

} // namespace dongelek
