// A seller replaces their listing's 360° exterior with their own photos: picked, prepared on
// the device (core/spin_job.hpp, through AppController::prepareSpin), checked for bad shots,
// then uploaded file by file (four at a time, each retried after a network error) and
// committed; the server checks the result (PUT .../spin/files/{name}, POST .../spin).
#pragma once

#include "client/app_controller.hpp"
#include "core/view360.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek {

class SpinUploader {
public:
    enum class Phase {
        Idle,
        Preparing,  // the photos are read and prepared (prepared / prepTotal steps)
        Review,     // prepared, and some shots look wrong: upload anyway, or pick again
        Uploading,  // sent / toSend files
        Committing, // the server checks the spin and makes it the listing's
        Done,
        Failed,     // `error`: see errorKey()
    };
    struct State {
        Phase phase = Phase::Idle;
        int frames = 0;
        int prepared = 0, prepTotal = 0;
        int sent = 0, toSend = 0;
        std::vector<spin::FrameFlags> flags; // per frame, once planned
        int flagged = 0;
        std::string error;      // "count", "notimage", "memory", "unsupported", "server"
        int errorIndex = -1;    // the photo concerned ("notimage"), 0-based
        RequestError request;   // "server": what the server said
    };

    // `committed` gets the server's answer to the commit (a listing's: its view, which replaces
    // the one shown; a draft's: {frames}).
    SpinUploader(AppController& app, std::function<void(const HttpReply&)> committed)
        : m_app(app), m_committed(std::move(committed))
    {
    }
    const State& state() const { return m_state; }
    bool busy() const
    {
        return m_state.phase == Phase::Preparing || m_state.phase == Phase::Uploading || m_state.phase == Phase::Committing;
    }

    // Where a spin goes: "/api/v1/listings/42/spin" (files under .../files/<name>, the commit
    // a POST to it), or a draft's, "/api/v1/me/drafts/7/spin".
    static std::string listingSpinUrl(std::int64_t listingId);
    static std::string draftSpinUrl(std::int64_t draftId);
    // Opens the picker (call in the frame of the press) for the spin at `spinUrl`.
    void start(std::string spinUrl);
    void uploadAnyway(); // Review -> Uploading
    void reset();        // back to Idle; late answers of this run are dropped
    void describe(nlohmann::json& out) const;

    static constexpr int kParallel = 4;
    static constexpr int kTries = 3;

private:
    void onUpdate(std::uint64_t run, spin::PrepUpdate u);
    void beginUpload();
    void sendMore();
    void send(std::size_t file, int attempt);
    void commit();
    void fail(std::string error, RequestError request = {});

    AppController& m_app;
    std::function<void(const HttpReply&)> m_committed;
    State m_state;
    std::string m_url;
    std::uint64_t m_run = 0;
    // What goes up: "f0-l.jpg", "f0-m.jpg", ..., "atlas.jpg", and its bytes.
    std::vector<std::pair<std::string, std::string>> m_files;
    std::size_t m_next = 0;
    int m_inFlight = 0;
};

} // namespace dongelek
