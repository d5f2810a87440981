#include "core/spin_job.hpp"

#include <algorithm>
#include <cstdint>

// stb's decoder and JPEG writer with static functions: the app and the server link their own
// copies elsewhere, and these cannot clash with them.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

namespace dongelek::spin {

namespace {

// Decodes to RGB; nothing for what is not an image or is too large to hold.
bool decode(const std::uint8_t* data, std::size_t size, Image& out)
{
    if (!data || size == 0 || size > static_cast<std::size_t>(INT32_MAX)) return false;
    int w = 0, h = 0, n = 0;
    const int len = static_cast<int>(size);
    if (!stbi_info_from_memory(data, len, &w, &h, &n)) return false;
    if (w <= 0 || h <= 0 || w > kMaxSourceSide || h > kMaxSourceSide ||
        static_cast<std::int64_t>(w) * h > kMaxSourcePixels)
        return false;
    stbi_uc* px = stbi_load_from_memory(data, len, &w, &h, &n, 3);
    if (!px) return false;
    out.width = w;
    out.height = h;
    out.channels = 3;
    out.pixels.assign(px, px + static_cast<std::size_t>(w) * h * 3);
    stbi_image_free(px);
    return true;
}

std::string encode(const Image& image)
{
    std::string out;
    stbi_write_jpg_to_func(
        [](void* ctx, void* bytes, int n) { static_cast<std::string*>(ctx)->append(static_cast<const char*>(bytes), n); },
        &out, image.width, image.height, image.channels, image.pixels.data(), kUploadJpegQuality);
    return out;
}

SpinOptions uploadOptions()
{
    SpinOptions o;
    o.outputChannels = 3; // JPEG
    return o;
}

} // namespace

SpinJob::SpinJob(int frames) : m_analyses(static_cast<std::size_t>(std::max(frames, 0))) {}

bool SpinJob::analyze(int index, const std::uint8_t* data, std::size_t size)
{
    if (index < 0 || index >= frames()) return false;
    Image image;
    if (!decode(data, size, image)) return false;
    m_analyses[static_cast<std::size_t>(index)] = analyzeFrame(image, uploadOptions());
    m_planned = false;
    return true;
}

const SpinPlan& SpinJob::plan()
{
    if (!m_planned) {
        m_plan = planSpin(m_analyses, uploadOptions());
        m_atlas = makeAtlas(m_plan);
        m_planned = true;
    }
    return m_plan;
}

bool SpinJob::render(int index, const std::uint8_t* data, std::size_t size, std::string& fullJpeg,
                     std::string& mediumJpeg)
{
    plan();
    Image image;
    if (!decode(data, size, image)) return false;
    if (!renderFrame(image, m_plan, index, m_full, m_medium, m_atlas)) return false;
    fullJpeg = encode(m_full);
    mediumJpeg = encode(m_medium);
    return true;
}

std::string SpinJob::atlasJpeg() const { return m_atlas.valid() ? encode(m_atlas) : std::string(); }

} // namespace dongelek::spin
