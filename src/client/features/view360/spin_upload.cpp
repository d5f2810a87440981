#include "client/features/view360/spin_upload.hpp"

namespace dongelek {

namespace {
const char* phaseName(SpinUploader::Phase p)
{
    switch (p) {
    case SpinUploader::Phase::Idle: return "idle";
    case SpinUploader::Phase::Preparing: return "preparing";
    case SpinUploader::Phase::Review: return "review";
    case SpinUploader::Phase::Uploading: return "uploading";
    case SpinUploader::Phase::Committing: return "committing";
    case SpinUploader::Phase::Done: return "done";
    case SpinUploader::Phase::Failed: return "failed";
    }
    return "idle";
}
} // namespace

std::string SpinUploader::listingSpinUrl(std::int64_t listingId)
{
    return "/api/v1/listings/" + std::to_string(listingId) + "/spin";
}

std::string SpinUploader::draftSpinUrl(std::int64_t draftId)
{
    return "/api/v1/me/drafts/" + std::to_string(draftId) + "/spin";
}

void SpinUploader::start(std::string spinUrl)
{
    if (busy()) return;
    reset();
    m_url = std::move(spinUrl);
    m_state.phase = Phase::Preparing;
    const std::uint64_t run = m_run;
    m_app.prepareSpin([this, run](spin::PrepUpdate u) { onUpdate(run, std::move(u)); });
}

void SpinUploader::reset()
{
    ++m_run;
    m_state = State{};
    m_files.clear();
    m_next = 0;
    m_inFlight = 0;
}

void SpinUploader::fail(std::string error, RequestError request)
{
    ++m_run; // what is still on its way is dropped
    m_state.phase = Phase::Failed;
    m_state.error = std::move(error);
    m_state.request = std::move(request);
    m_files.clear();
}

void SpinUploader::onUpdate(std::uint64_t run, spin::PrepUpdate u)
{
    if (run != m_run || m_state.phase != Phase::Preparing) return;
    using Kind = spin::PrepUpdate::Kind;
    switch (u.kind) {
    case Kind::Progress:
        m_state.prepared = u.done;
        m_state.prepTotal = u.total;
        break;
    case Kind::Planned:
        m_state.frames = u.total;
        m_state.flags = std::move(u.flags);
        m_state.flagged = 0;
        for (const auto& f : m_state.flags) m_state.flagged += f.any() ? 1 : 0;
        m_files.assign(static_cast<std::size_t>(2 * u.total + 1), {});
        break;
    case Kind::Frame:
        if (u.index < 0 || static_cast<std::size_t>(2 * u.index + 1) >= m_files.size()) return fail("notimage");
        m_files[static_cast<std::size_t>(2 * u.index)] = {"f" + std::to_string(u.index) + "-l.jpg", std::move(u.full)};
        m_files[static_cast<std::size_t>(2 * u.index + 1)] = {"f" + std::to_string(u.index) + "-m.jpg", std::move(u.medium)};
        break;
    case Kind::Finished:
        if (m_files.empty()) return fail("notimage");
        m_files.back() = {"atlas.jpg", std::move(u.atlas)};
        if (m_state.flagged > 0) m_state.phase = Phase::Review; // the seller decides
        else beginUpload();
        break;
    case Kind::Failed:
        if (u.error == "cancelled") {
            reset();
            return;
        }
        fail(u.error.empty() ? "notimage" : u.error);
        m_state.errorIndex = u.index;
        m_state.frames = u.total;
        break;
    }
}

void SpinUploader::uploadAnyway()
{
    if (m_state.phase == Phase::Review) beginUpload();
}

void SpinUploader::beginUpload()
{
    m_state.phase = Phase::Uploading;
    m_state.sent = 0;
    m_state.toSend = static_cast<int>(m_files.size());
    m_next = 0;
    m_inFlight = 0;
    sendMore();
}

void SpinUploader::sendMore()
{
    while (m_inFlight < kParallel && m_next < m_files.size()) send(m_next++, 1);
    if (m_inFlight == 0 && m_next >= m_files.size() && m_state.phase == Phase::Uploading) commit();
}

void SpinUploader::send(std::size_t file, int attempt)
{
    ++m_inFlight;
    HttpRequest r;
    r.method = "PUT";
    r.url = m_url + "/files/" + m_files[file].first;
    r.setHeader("Content-Type", "image/jpeg");
    r.body = m_files[file].second;
    const std::uint64_t run = m_run;
    m_app.session().callRaw(std::move(r), [this, run, file, attempt](HttpReply reply) {
        if (run != m_run) return;
        --m_inFlight;
        if (reply.status == 200) {
            m_files[file].second.clear(); // sent: its bytes are no longer needed
            m_files[file].second.shrink_to_fit();
            ++m_state.sent;
            return sendMore();
        }
        // The network or the server hiccupped: the same file again, a few times.
        if ((reply.status == 0 || reply.status >= 500) && attempt < kTries) return send(file, attempt + 1);
        fail("server", ApiClient::interpret<NoContent>(reply).error);
    });
}

void SpinUploader::commit()
{
    m_state.phase = Phase::Committing;
    const std::uint64_t run = m_run;
    const int frames = static_cast<int>(m_files.size() / 2);
    m_app.session().callRaw(HttpRequest::json("POST", m_url, {{"frames", frames}}), [this, run](const HttpReply& reply) {
        if (run != m_run) return;
        const RequestError error = ApiClient::classify(reply);
        if (error.kind != ErrorKind::None) return fail("server", ApiClient::interpret<NoContent>(reply).error);
        m_state.phase = Phase::Done;
        m_files.clear();
        m_committed(reply);
    });
}

void SpinUploader::describe(nlohmann::json& out) const
{
    out = {{"phase", phaseName(m_state.phase)},
           {"frames", m_state.frames},
           {"prepared", m_state.prepared},
           {"prepTotal", m_state.prepTotal},
           {"sent", m_state.sent},
           {"toSend", m_state.toSend},
           {"flagged", m_state.flagged},
           {"error", m_state.error},
           {"errorIndex", m_state.errorIndex}};
}

} // namespace dongelek
