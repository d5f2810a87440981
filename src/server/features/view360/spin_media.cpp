#include "server/features/view360/spin_media.hpp"

#include "server/demo/spin_renderer.hpp"
#include "server/features/media/jpeg.hpp"
#include "server/features/media/media_store.hpp"

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
} // namespace

std::string SpinMedia::pathFor(const SpinFile& f) const
{
    return (fs::path(m_dir) / "spins" / ("r" + std::to_string(kRendererVersion)) / std::to_string(f.listingId / 1000) /
            spinFileName(f))
        .string();
}

std::optional<std::string> SpinMedia::file(const SpinFile& f)
{
    const std::string path = pathFor(f);
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    const std::optional<SpinListing> l = m_service.spinFor(f);
    if (!l) return std::nullopt;
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
