#include "server/features/view360/view360_service.hpp"

#include "server/http/errors.hpp"

#include "core/utf8.hpp"

#include <cmath>

namespace dongelek::server::view360 {

namespace {

constexpr int kDemoFrames = 36;

HttpError forbidden(std::string message) { return HttpError{403, ApiError{"forbidden", "", std::move(message)}}; }

bool digitsOnly(std::string_view s)
{
    return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string_view::npos &&
           !(s.size() > 1 && s[0] == '0');
}

// "412-530": two numbers in one spelling each (no leading zeros), within their limits.
bool parsePair(std::string_view s, int maxA, int maxB, int out[2])
{
    const std::size_t dash = s.find('-');
    if (dash == std::string_view::npos) return false;
    const std::string_view a = s.substr(0, dash), b = s.substr(dash + 1);
    const auto number = [](std::string_view t, int max, int& v) {
        if (t.empty() || t.size() > 4 || !digitsOnly(t) || (t.size() > 1 && t[0] == '0')) return false;
        v = std::stoi(std::string(t));
        return v <= max;
    };
    return number(a, maxA, out[0]) && number(b, maxB, out[1]);
}

StoredSpin effectiveSpin(const SpinListing& l)
{
    if (l.stored) return *l.stored;
    StoredSpin demo;
    demo.source = "demo";
    demo.frames = kDemoFrames;
    demo.hasPanorama = true;
    return demo;
}

bool hasView(const SpinListing& l) { return l.stored || l.flagged; }

// An admin edits other people's marks only when signed in with the second factor, as on the
// admin routes.
bool mayActAsAdmin(const Principal& p) { return p.role == Role::Admin && p.secondFactor; }

// The listing's seller's account, or such an admin.
bool manages(const SpinListing& l, const Principal& p)
{
    return mayActAsAdmin(p) || (l.ownerUserId && *l.ownerUserId == p.userId);
}

} // namespace

// [SECTION] File names

std::string spinFileName(const SpinFile& f)
{
    std::string out = std::to_string(f.listingId) + "-v" + std::to_string(f.version);
    switch (f.kind) {
    case SpinFile::Kind::Atlas: return out + "-atlas.jpg";
    case SpinFile::Kind::Frame: return out + "-f" + std::to_string(f.frame) + "-" + f.size + ".jpg";
    case SpinFile::Kind::PanoramaTile: return out + "-pano" + std::to_string(f.tile) + ".jpg";
    case SpinFile::Kind::SpinCloseup:
        return out + "-f" + std::to_string(f.frame) + "-c" + std::to_string(f.at[0]) + "-" + std::to_string(f.at[1]) + ".jpg";
    case SpinFile::Kind::PanoramaCloseup:
        return out + "-look" + std::to_string(f.at[0]) + "-" + std::to_string(f.at[1]) + ".jpg";
    }
    return out;
}

SpinFile closeupFile(std::int64_t listingId, int version, const Hotspot& h)
{
    SpinFile f;
    f.listingId = listingId;
    f.version = version;
    if (h.view == HotspotView::Spin) {
        f.kind = SpinFile::Kind::SpinCloseup;
        f.frame = h.frame;
        f.at[0] = static_cast<int>(std::lround(std::clamp(h.x, 0.0, 1.0) * 1000));
        f.at[1] = static_cast<int>(std::lround(std::clamp(h.y, 0.0, 1.0) * 1000));
    } else {
        f.kind = SpinFile::Kind::PanoramaCloseup;
        f.at[0] = static_cast<int>(std::lround(std::clamp(h.yaw, 0.0, 360.0) * 10)) % 3600;
        f.at[1] = static_cast<int>(std::lround((std::clamp(h.pitch, -90.0, 90.0) + 90) * 10));
    }
    return f;
}

std::optional<SpinFile> parseSpinFileName(std::string_view name)
{
    // One spelling per file (no leading zeros), so a file has one URL.
    if (name.size() < 5 || name.substr(name.size() - 4) != ".jpg") return std::nullopt;
    name.remove_suffix(4);
    const std::size_t dashV = name.find("-v");
    if (dashV == std::string_view::npos || !digitsOnly(name.substr(0, dashV))) return std::nullopt;
    SpinFile f;
    f.listingId = std::stoll(std::string(name.substr(0, dashV)));
    std::string_view rest = name.substr(dashV + 2);
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos || !digitsOnly(rest.substr(0, dash)) || dash > 6) return std::nullopt;
    f.version = std::stoi(std::string(rest.substr(0, dash)));
    rest = rest.substr(dash + 1);
    if (rest == "atlas") {
        f.kind = SpinFile::Kind::Atlas;
    } else if (rest.rfind("pano", 0) == 0 && digitsOnly(rest.substr(4)) && rest.size() <= 6) {
        f.kind = SpinFile::Kind::PanoramaTile;
        f.tile = std::stoi(std::string(rest.substr(4)));
        if (f.tile >= SpinSizes::kPanoTiles) return std::nullopt;
    } else if (rest.size() >= 4 && rest[0] == 'f') {
        const std::size_t d = rest.find('-');
        if (d == std::string_view::npos || d > 3 || !digitsOnly(rest.substr(1, d - 1))) return std::nullopt;
        f.frame = std::stoi(std::string(rest.substr(1, d - 1)));
        if (f.frame >= dongelek::view360::kMaxFrames) return std::nullopt;
        const std::string_view tail = rest.substr(d + 1);
        if (tail == "m" || tail == "l") {
            f.kind = SpinFile::Kind::Frame;
            f.size = tail[0];
        } else if (tail.size() > 1 && tail[0] == 'c' && parsePair(tail.substr(1), 1000, 1000, f.at)) {
            f.kind = SpinFile::Kind::SpinCloseup;
        } else {
            return std::nullopt;
        }
    } else if (rest.rfind("look", 0) == 0 && parsePair(rest.substr(4), 3599, 1800, f.at)) {
        f.kind = SpinFile::Kind::PanoramaCloseup;
    } else {
        return std::nullopt;
    }
    if (f.listingId < 1 || f.version < 1) return std::nullopt;
    return f;
}

int atlasColumns(int frames) { return static_cast<int>(std::ceil(std::sqrt(static_cast<double>(frames)))); }

// [SECTION] The view

View360 View360Service::view(std::int64_t listingId, const std::optional<Principal>& viewer)
{
    std::optional<SpinListing> l = m_repository.listing(listingId);
    if (!l || !l->active || !hasView(*l)) throw ClientError(notFound("id", "this listing has no 360-degree view"));
    const bool editable = viewer && manages(*l, *viewer);
    if (editable && !l->stored) {
        // Whoever may edit gets the stored hotspots (with their ids), never the generated ones.
        const StoredSpin demo = effectiveSpin(*l);
        m_repository.materialize(listingId, demo, demoHotspots(listingId, demo.frames), m_now());
        l = m_repository.listing(listingId);
    }
    const StoredSpin spin = effectiveSpin(*l);
    View360 v;
    v.listingId = listingId;
    SpinFile f;
    f.listingId = listingId;
    f.version = spin.version;
    SpinInfo s;
    s.frames = spin.frames;
    s.frameWidth = SpinSizes::kFullW;
    s.frameHeight = SpinSizes::kFullH;
    f.kind = SpinFile::Kind::Atlas;
    s.atlasUrl = std::string(kSpinUrlPrefix) + spinFileName(f);
    s.atlasColumns = atlasColumns(spin.frames);
    s.cellWidth = SpinSizes::kCellW;
    s.cellHeight = SpinSizes::kCellH;
    s.urlPattern = std::string(kSpinUrlPrefix) + std::to_string(listingId) + "-v" + std::to_string(spin.version) +
                   "-f{frame}-{size}.jpg";
    s.sizes = {"m", "l"};
    v.spin = s;
    if (spin.hasPanorama) {
        PanoramaInfo p;
        p.width = SpinSizes::kPanoW;
        p.height = SpinSizes::kPanoH;
        p.tileWidth = SpinSizes::kPanoW / SpinSizes::kPanoTiles;
        for (int t = 0; t < SpinSizes::kPanoTiles; ++t) {
            f.kind = SpinFile::Kind::PanoramaTile;
            f.tile = t;
            p.tileUrls.push_back(std::string(kSpinUrlPrefix) + spinFileName(f));
        }
        v.panorama = p;
    }
    v.hotspots = l->stored ? m_repository.hotspots(listingId) : demoHotspots(listingId, spin.frames);
    // Each mark's close-up (drawn from the car itself; a seller's own photo comes with uploads).
    if (spin.source == "demo")
        for (Hotspot& h : v.hotspots)
            if (h.view == HotspotView::Spin || spin.hasPanorama)
                h.closeupUrl = std::string(kSpinUrlPrefix) + spinFileName(closeupFile(listingId, spin.version, h));
    v.editable = editable;
    return v;
}

std::optional<SpinListing> View360Service::spinFor(const SpinFile& file)
{
    std::optional<SpinListing> l = m_repository.listing(file.listingId);
    if (!l || !hasView(*l)) return std::nullopt;
    const StoredSpin spin = effectiveSpin(*l);
    if (file.version != spin.version) return std::nullopt;
    if (spin.source == "upload") // the seller's own files: the atlas and the frames, nothing drawn
        return (file.kind == SpinFile::Kind::Atlas || (file.kind == SpinFile::Kind::Frame && file.frame < spin.frames))
                   ? l
                   : std::nullopt;
    if (spin.source != "demo") return std::nullopt;
    if ((file.kind == SpinFile::Kind::Frame || file.kind == SpinFile::Kind::SpinCloseup) && file.frame >= spin.frames)
        return std::nullopt;
    if ((file.kind == SpinFile::Kind::PanoramaTile || file.kind == SpinFile::Kind::PanoramaCloseup) && !spin.hasPanorama)
        return std::nullopt;
    // Close-ups only of marks that are there: any other spot would be a file per request.
    if (file.kind == SpinFile::Kind::SpinCloseup || file.kind == SpinFile::Kind::PanoramaCloseup) {
        const std::vector<Hotspot> marks =
            l->stored ? m_repository.hotspots(file.listingId) : demoHotspots(file.listingId, spin.frames);
        const std::string name = spinFileName(file);
        if (std::none_of(marks.begin(), marks.end(),
                         [&](const Hotspot& h) { return spinFileName(closeupFile(file.listingId, spin.version, h)) == name; }))
            return std::nullopt;
    }
    return l;
}

std::vector<Hotspot> View360Service::demoHotspots(std::int64_t listingId, int frames)
{
    // A few of these per car, picked and placed by the listing id: what sellers mark most.
    struct Spot {
        HotspotView view;
        double at;   // spin: fraction of the turn; panorama: yaw
        double x, y; // spin: position in the frame; panorama: pitch in y
        const char* label;
        const char* note;
    };
    static const Spot kSpots[] = {
        {HotspotView::Spin, 0.0, 0.43, 0.66, "New tyres", "Fitted this spring, about 2,000 km ago."},
        {HotspotView::Spin, 0.45, 0.17, 0.60, "Scratch on the rear bumper", "About 5 cm, through the clear coat."},
        {HotspotView::Spin, 0.28, 0.46, 0.52, "Small dent on the door", "Paintless repair would fix it."},
        {HotspotView::Spin, 0.97, 0.47, 0.33, "Chip in the windscreen", "Outside the driver's view."},
        {HotspotView::Panorama, 181, 0, -24, "Infotainment screen", "Apple CarPlay and Android Auto."},
        {HotspotView::Panorama, 322, 0, -26, "Leather seats", "Heated front seats, no tears."},
        {HotspotView::Panorama, 179, 0, -44, "Climate control", "Two zones."},
    };
    std::vector<Hotspot> out;
    const std::uint64_t seed = static_cast<std::uint64_t>(listingId) * 2654435761u;
    for (std::size_t i = 0; i < std::size(kSpots); ++i) {
        if (((seed >> (i * 3)) & 7u) < 3u) continue; // about five of seven
        const Spot& s = kSpots[i];
        Hotspot h;
        h.id = -static_cast<std::int64_t>(i + 1); // not stored yet: ids are given when materialized
        h.view = s.view;
        h.label = s.label;
        h.note = s.note;
        if (s.view == HotspotView::Spin) {
            h.frame = static_cast<int>(std::lround(s.at * frames)) % frames;
            h.x = s.x;
            h.y = s.y;
        } else {
            h.yaw = s.at;
            h.pitch = s.y;
        }
        out.push_back(h);
    }
    return out;
}

// [SECTION] Editing

SpinListing View360Service::editable(std::int64_t listingId, const Principal& who)
{
    std::optional<SpinListing> l = m_repository.listing(listingId);
    if (!l || !hasView(*l)) throw ClientError(notFound("id", "this listing has no 360-degree view"));
    if (!manages(*l, who)) throw ClientError(forbidden("only the listing's seller can change its hotspots"));
    if (!l->stored) {
        // The demo content becomes the seller's: its row and hotspots are written first.
        const StoredSpin spin = effectiveSpin(*l);
        m_repository.materialize(listingId, spin, demoHotspots(listingId, spin.frames), m_now());
        l = m_repository.listing(listingId);
    }
    return *l;
}

SpinListing View360Service::uploadable(std::int64_t listingId, const Principal& who)
{
    std::optional<SpinListing> l = m_repository.listing(listingId);
    if (!l || !l->active) throw ClientError(notFound("id", "no such listing"));
    if (!manages(*l, who)) throw ClientError(forbidden("only the listing's seller can upload its 360-degree spin"));
    return *l;
}

int View360Service::nextVersion(const SpinListing& l)
{
    if (l.stored) return l.stored->version + 1;
    return l.flagged ? 2 : 1; // the generated demo spin is version 1
}

void View360Service::validate(const Hotspot& h, int frames) const
{
    if (h.label.empty()) throw ClientError(400, "invalid_field", "label", "label must not be empty");
    if (h.label.size() > dongelek::view360::kMaxLabelBytes || !utf8::isValid(h.label))
        throw ClientError(400, "invalid_field", "label",
                          "label must be valid text of at most " + std::to_string(dongelek::view360::kMaxLabelBytes) +
                              " bytes");
    if (h.note.size() > dongelek::view360::kMaxNoteBytes || !utf8::isValid(h.note))
        throw ClientError(400, "invalid_field", "note",
                          "note must be valid text of at most " + std::to_string(dongelek::view360::kMaxNoteBytes) +
                              " bytes");
    if (h.view == HotspotView::Spin && (h.frame < 0 || h.frame >= frames))
        throw ClientError(400, "invalid_field", "frame",
                          "frame must be between 0 and " + std::to_string(frames - 1) + " (the spin's frames)");
}

View360 View360Service::addHotspot(std::int64_t listingId, const Principal& who, const Hotspot& h)
{
    const SpinListing l = editable(listingId, who);
    validate(h, l.stored->frames);
    if (m_repository.countHotspots(listingId) >= dongelek::view360::kMaxHotspots)
        throw ClientError(400, "too_many", "hotspots",
                          "a listing has at most " + std::to_string(dongelek::view360::kMaxHotspots) + " hotspots");
    m_repository.addHotspot(listingId, h, m_now());
    return view(listingId, who);
}

View360 View360Service::updateHotspot(std::int64_t listingId, const Principal& who, const Hotspot& h)
{
    const SpinListing l = editable(listingId, who);
    validate(h, l.stored->frames);
    if (!m_repository.updateHotspot(listingId, h)) throw ClientError(notFound("hotspot", "no such hotspot"));
    return view(listingId, who);
}

View360 View360Service::deleteHotspot(std::int64_t listingId, const Principal& who, std::int64_t hotspotId)
{
    editable(listingId, who);
    if (!m_repository.deleteHotspot(listingId, hotspotId)) throw ClientError(notFound("hotspot", "no such hotspot"));
    return view(listingId, who);
}

} // namespace dongelek::server::view360
