#include "server/features/view360/spin_media.hpp"

#include "server/demo/spin_renderer.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/features/media/jpeg.hpp"
#include "server/features/media/media_store.hpp"

#include "core/view360.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace dongelek::server::view360 {

namespace fs = std::filesystem;

namespace {
constexpr int kRendererVersion = 1; // bump when the renderer's output changes
constexpr int kJpegQuality = 85;

PhotoSpec specOf(const SpinListing& l)
{
    PhotoSpec spec;
    spec.listingId = l.listingId;
    spec.body = l.body;
    spec.color = l.color;
    spec.year = l.year;
    return spec;
}

// Every frame at cell size, in a grid of atlasColumns(frames) columns.
std::vector<std::uint8_t> renderAtlas(const PhotoSpec& spec, int frames, int& width, int& height)
{
    const int cols = atlasColumns(frames), rows = (frames + cols - 1) / cols;
    const int cw = SpinSizes::kCellW, ch = SpinSizes::kCellH;
    width = cols * cw;
    height = rows * ch;
    std::vector<std::uint8_t> atlas(static_cast<std::size_t>(width) * height * 3, 255);
    for (int i = 0; i < frames; ++i) {
        const std::vector<std::uint8_t> cell = demo::renderSpinFrame(spec, i, frames, cw, ch);
        const int x0 = (i % cols) * cw, y0 = (i / cols) * ch;
        for (int y = 0; y < ch; ++y)
            std::copy_n(cell.begin() + static_cast<std::ptrdiff_t>(y) * cw * 3, cw * 3,
                        atlas.begin() + (static_cast<std::ptrdiff_t>(y0 + y) * width + x0) * 3);
    }
    return atlas;
}
// A narrow perspective view of an equirectangular panorama (RGB8, w = 2h) looking at (yaw,
// pitch): the panorama shader's projection (core/view360), sampled bilinearly on the CPU.
std::vector<std::uint8_t> lookAt(const std::vector<std::uint8_t>& pano, int pw, int ph, double yaw, double pitch, int w,
                                 int h)
{
    dongelek::view360::PanoramaCamera cam;
    cam.yaw = yaw;
    cam.pitch = pitch;
    cam.fovY = SpinSizes::kCloseFov;
    cam = dongelek::view360::clampCamera(cam);
    const double aspect = static_cast<double>(w) / h;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto [dy, dp] = dongelek::view360::panoramaDirectionAt((x + 0.5) / w, (y + 0.5) / h, cam, aspect);
            const double u = dy / 360.0 * pw - 0.5, v = (90.0 - dp) / 180.0 * ph - 0.5;
            const int u0 = static_cast<int>(std::floor(u)), v0 = std::clamp(static_cast<int>(std::floor(v)), 0, ph - 2);
            const double fu = u - u0, fv = std::clamp(v - v0, 0.0, 1.0);
            const int ua = ((u0 % pw) + pw) % pw, ub = (ua + 1) % pw;
            for (int c = 0; c < 3; ++c) {
                const auto at = [&](int uu, int vv) { return pano[(static_cast<std::size_t>(vv) * pw + uu) * 3 + c]; };
                const double top = at(ua, v0) * (1 - fu) + at(ub, v0) * fu;
                const double bottom = at(ua, v0 + 1) * (1 - fu) + at(ub, v0 + 1) * fu;
                out[(static_cast<std::size_t>(y) * w + x) * 3 + c] =
                    static_cast<std::uint8_t>(std::clamp(top * (1 - fv) + bottom * fv + 0.5, 0.0, 255.0));
            }
        }
    return out;
}
} // namespace

std::string SpinMedia::pathFor(const SpinFile& f) const
{
    return (fs::path(m_dir) / "spins" / ("r" + std::to_string(kRendererVersion)) / std::to_string(f.listingId / 1000) /
            spinFileName(f))
        .string();
}

std::string SpinMedia::uploadedPathFor(const SpinFile& f) const
{
    return (fs::path(versionFolder(m_dir, f.listingId, f.version)) / spinFileName(f)).string();
}

namespace {
bool isUpload(const SpinListing& l) { return l.stored && l.stored->source == "upload"; }
} // namespace

std::optional<SpinMedia::Location> SpinMedia::locate(const SpinFile& f)
{
    const std::optional<SpinListing> l = m_service.spinFor(f);
    if (!l) return std::nullopt;
    if (isUpload(*l)) return Location{uploadedPathFor(f), true};
    return Location{pathFor(f), false};
}

std::optional<std::string> SpinMedia::file(const SpinFile& f)
{
    const std::optional<SpinListing> l = m_service.spinFor(f);
    if (!l) return std::nullopt;
    std::error_code ec;
    if (isUpload(*l)) {
        const std::string uploaded = uploadedPathFor(f);
        if (fs::is_regular_file(uploaded, ec)) return uploaded;
        return std::nullopt;
    }
    const std::string path = pathFor(f);
    if (fs::is_regular_file(path, ec)) return path;
    const PhotoSpec spec = specOf(*l);
    const int frames = l->stored ? l->stored->frames : 36;
    switch (f.kind) {
    case SpinFile::Kind::Atlas: {
        int w = 0, h = 0;
        const std::vector<std::uint8_t> rgb = renderAtlas(spec, frames, w, h);
        writeFileAtomically(path, encodeJpeg(rgb, w, h, kJpegQuality));
        break;
    }
    case SpinFile::Kind::Frame: {
        const int w = f.size == 'l' ? SpinSizes::kFullW : SpinSizes::kMediumW;
        const int h = f.size == 'l' ? SpinSizes::kFullH : SpinSizes::kMediumH;
        writeFileAtomically(path, encodeJpeg(demo::renderSpinFrame(spec, f.frame, frames, w, h), w, h, kJpegQuality));
        break;
    }
    case SpinFile::Kind::SpinCloseup: {
        // A third of the frame around the mark (kept inside the frame), through a 3x longer lens.
        demo::FrameWindow win;
        win.scale = SpinSizes::kCloseScale;
        const float span = 1 / win.scale;
        win.x0 = std::clamp(static_cast<float>(f.at[0]) / 1000 - span / 2, 0.0f, 1 - span);
        win.y0 = std::clamp(static_cast<float>(f.at[1]) / 1000 - span / 2, 0.0f, 1 - span);
        const int w = SpinSizes::kCloseW, h = SpinSizes::kCloseH;
        writeFileAtomically(path, encodeJpeg(demo::renderSpinFrame(spec, f.frame, frames, w, h, win), w, h, kJpegQuality));
        break;
    }
    case SpinFile::Kind::PanoramaCloseup: {
        const int pw = SpinSizes::kPanoW, ph = SpinSizes::kPanoH, w = SpinSizes::kCloseW, h = SpinSizes::kCloseH;
        const std::vector<std::uint8_t> view =
            lookAt(demo::renderPanorama(spec, pw, ph), pw, ph, f.at[0] / 10.0, f.at[1] / 10.0 - 90, w, h);
        writeFileAtomically(path, encodeJpeg(view, w, h, kJpegQuality));
        break;
    }
    case SpinFile::Kind::PanoramaTile: {
        const int w = SpinSizes::kPanoW, h = SpinSizes::kPanoH, tw = w / SpinSizes::kPanoTiles;
        const std::vector<std::uint8_t> pano = demo::renderPanorama(spec, w, h);
        for (int t = 0; t < SpinSizes::kPanoTiles; ++t) {
            std::vector<std::uint8_t> tile(static_cast<std::size_t>(tw) * h * 3);
            for (int y = 0; y < h; ++y)
                std::copy_n(pano.begin() + (static_cast<std::ptrdiff_t>(y) * w + t * tw) * 3, tw * 3,
                            tile.begin() + static_cast<std::ptrdiff_t>(y) * tw * 3);
            SpinFile other = f;
            other.tile = t;
            writeFileAtomically(pathFor(other), encodeJpeg(tile, tw, h, kJpegQuality));
        }
        break;
    }
    }
    return path;
}

} // namespace dongelek::server::view360
