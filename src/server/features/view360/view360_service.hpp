// The 360-degree view of a listing: what the viewer gets (spin and panorama files, hotspots),
// the demo content of listings flagged has_spin (rendered by the server, with generated
// hotspots), and hotspot editing by the listing's owner or an admin. Uploads of a seller's own
// spin are spin_upload.*.
#pragma once

#include "server/features/view360/view360_repository.hpp"
#include "server/http/principal.hpp"

#include "core/view360.hpp"

#include <functional>
#include <optional>
#include <string>

namespace dongelek::server::view360 {

// [SECTION] The media files of a spin: one URL scheme, parsed back by the media route.
// "/media/spins/<listing>-v<version>-atlas.jpg", "...-f<frame>-<size>.jpg", "...-pano<tile>.jpg"
inline constexpr std::string_view kSpinUrlPrefix = "/media/spins/";
struct SpinFile {
    // Close-ups show a hotspot up close: on the spin, a third of its frame around the mark
    // ("42-v1-f7-c412-530.jpg": x, y in thousandths); inside, a narrow view of the panorama in
    // its direction ("42-v1-look1805-780.jpg": yaw in tenths of a degree, pitch + 90 in tenths).
    enum class Kind { Atlas, Frame, PanoramaTile, SpinCloseup, PanoramaCloseup } kind = Kind::Atlas;
    std::int64_t listingId = 0;
    int version = 1;
    int frame = 0;     // Frame, SpinCloseup
    char size = 'm';   // Frame: 'm' or 'l'
    int tile = 0;      // PanoramaTile
    int at[2] = {0, 0}; // SpinCloseup: x, y (0..1000); PanoramaCloseup: yaw (0..3599), pitch + 90 (0..1800)
};
// The close-up of a hotspot of a spin of this version.
SpinFile closeupFile(std::int64_t listingId, int version, const Hotspot& h);
std::string spinFileName(const SpinFile& f);
std::optional<SpinFile> parseSpinFileName(std::string_view name);

// Sizes (pixels): full frames 1280x800, medium 640x400, atlas cells 160x100, panoramas
// 4096x2048 as two 2048x2048 tiles (2048 is the texture size every WebGL2 device supports).
struct SpinSizes {
    static constexpr int kFullW = 1280, kFullH = 800, kMediumW = 640, kMediumH = 400;
    static constexpr int kCellW = 160, kCellH = 100;
    static constexpr int kPanoW = 4096, kPanoH = 2048, kPanoTiles = 2;
    static constexpr int kCloseW = 640, kCloseH = 400; // close-ups: 3x a frame, or 36 degrees of the panorama
    static constexpr float kCloseScale = 3;
    static constexpr double kCloseFov = 36;
};
int atlasColumns(int frames); // ceil(sqrt(frames))

class View360Service {
public:
    View360Service(View360Repository& repository, std::function<std::int64_t()> now)
        : m_repository(repository), m_now(std::move(now))
    {
    }

    // The view of an active listing; 404 (ClientError) when it has none.
    View360 view(std::int64_t listingId, const std::optional<Principal>& viewer);
    // What a spin file is made of (for the media route): nullopt for an unknown listing, a
    // listing without 360 view or a version that is not the current one.
    std::optional<SpinListing> spinFor(const SpinFile& file);

    // Hotspot edits: 403 unless the viewer manages the listing or is an admin; 400 naming the
    // field for a bad value; 404 for an unknown hotspot. Return the view after the change.
    View360 addHotspot(std::int64_t listingId, const Principal& who, const Hotspot& h);
    View360 updateHotspot(std::int64_t listingId, const Principal& who, const Hotspot& h);
    View360 deleteHotspot(std::int64_t listingId, const Principal& who, std::int64_t hotspotId);

    // Who may upload a listing's own spin: the same people as for hotspot edits, on any active
    // listing (with or without a view yet). 404 for an unknown or inactive listing, 403 for
    // anyone else. Writes nothing.
    SpinListing uploadable(std::int64_t listingId, const Principal& who);
    // The version an uploaded spin of this listing gets: the current one + 1, where a demo spin
    // not written yet counts as version 1; 1 for a listing without a view.
    static int nextVersion(const SpinListing& l);

    // The generated hotspots of a demo spin (deterministic per listing).
    static std::vector<Hotspot> demoHotspots(std::int64_t listingId, int frames);

private:
    SpinListing editable(std::int64_t listingId, const Principal& who);
    void validate(const Hotspot& h, int frames) const;

    View360Repository& m_repository;
    std::function<std::int64_t()> m_now;
};

} // namespace dongelek::server::view360
