// The one translation unit of the server with stb_image (JPEG only). STB_IMAGE_STATIC keeps
// its functions to this file, so binaries that link the server library and decode on their
// own (the API tests) have no clash.
#include "server/features/view360/spin_upload.hpp"

#include "server/features/media/jpeg.hpp"
#include "server/features/media/media_store.hpp"
#include "server/http/errors.hpp"

#include "core/spin_prep.hpp"
#include "core/view360.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_JPEG
#include <stb/stb_image.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

namespace dongelek::server::view360 {

namespace fs = std::filesystem;

namespace {

HttpError unprocessable(std::string code, std::string field, std::string message)
{
    return HttpError{422, ApiError{std::move(code), std::move(field), std::move(message)}};
}

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

bool digitsOnly(std::string_view s)
{
    return !s.empty() && s.size() <= 2 && s.find_first_not_of("0123456789") == std::string_view::npos &&
           !(s.size() > 1 && s[0] == '0');
}

// The size in a staged file's header (no pixels are decoded); nullopt when unreadable.
std::optional<spin::ImageSize> stagedSize(const fs::path& path)
{
    int w = 0, h = 0, comp = 0;
    if (!stbi_info(path.string().c_str(), &w, &h, &comp)) return std::nullopt;
    return spin::ImageSize{w, h};
}

// Puts `from` at `to` and leaves `from` where it is (staging stays whole until the row is
// written): a hard link, or a copy where the file system has none.
void placeFile(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

} // namespace

// [SECTION] Folders

std::string uploadFolder(const std::string& mediaDir, std::int64_t listingId)
{
    return (fs::path(mediaDir) / "spins" / "u" / std::to_string(listingId)).string();
}

std::string stagingFolder(const std::string& mediaDir, std::int64_t listingId)
{
    return (fs::path(uploadFolder(mediaDir, listingId)) / "staging").string();
}

std::string versionFolder(const std::string& mediaDir, std::int64_t listingId, int version)
{
    return (fs::path(uploadFolder(mediaDir, listingId)) / ("v" + std::to_string(version))).string();
}

std::string draftFolder(const std::string& mediaDir, std::int64_t userId, std::int64_t draftId)
{
    return (fs::path(mediaDir) / "spins" / "d" / std::to_string(userId) / std::to_string(draftId)).string();
}

// [SECTION] Upload names

std::optional<UploadName> parseUploadName(std::string_view name)
{
    UploadName n;
    if (name == "atlas.jpg") {
        n.atlas = true;
        return n;
    }
    // f<n>-l.jpg / f<n>-m.jpg
    if (name.size() < 8 || name[0] != 'f' || name.substr(name.size() - 4) != ".jpg") return std::nullopt;
    const std::string_view body = name.substr(1, name.size() - 5); // "<n>-l"
    const std::size_t dash = body.find('-');
    if (dash == std::string_view::npos || body.size() != dash + 2 || !digitsOnly(body.substr(0, dash)))
        return std::nullopt;
    n.frame = std::stoi(std::string(body.substr(0, dash)));
    n.size = body[dash + 1];
    if (n.frame >= dongelek::view360::kMaxFrames || (n.size != 'l' && n.size != 'm')) return std::nullopt;
    return n;
}

std::string uploadNameText(const UploadName& n)
{
    if (n.atlas) return "atlas.jpg";
    return "f" + std::to_string(n.frame) + "-" + n.size + ".jpg";
}

// [SECTION] Uploads

UploadName SpinUploads::admit(std::int64_t listingId, const Principal& who, std::string_view name)
{
    m_service.uploadable(listingId, who);
    const std::optional<UploadName> n = parseUploadName(name);
    if (!n)
        throw ClientError(badParameter(
            "name", "a spin's files are f<n>-l.jpg (1280x800), f<n>-m.jpg (640x400) with n from 0 to " +
                        std::to_string(dongelek::view360::kMaxFrames - 1) + ", and atlas.jpg"));
    return *n;
}

StagedFile SpinUploads::stage(std::int64_t listingId, const UploadName& name, std::string_view jpeg)
{
    return stageIn(stagingFolder(m_dir, listingId), name, jpeg);
}

void SpinUploads::admitDraft(const Principal& who, std::int64_t draftId)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::error_code ec;
    if (fs::exists(draftFolder(m_dir, who.userId, draftId), ec)) return;
    int holding = 0;
    const fs::path mine = fs::path(draftFolder(m_dir, who.userId, draftId)).parent_path();
    for (fs::directory_iterator it(mine, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory()) ++holding;
    if (holding >= kMaxDraftSpins)
        throw ClientError(unprocessable("too_many_spins", "draft",
                                        std::to_string(holding) + " of your drafts hold a 360° spin already (at most " +
                                            std::to_string(kMaxDraftSpins) + "); publish or delete one first"));
}

StagedFile SpinUploads::stageForDraft(const Principal& who, std::int64_t draftId, const UploadName& name,
                                      std::string_view jpeg)
{
    return stageIn(draftFolder(m_dir, who.userId, draftId), name, jpeg);
}

StagedFile SpinUploads::stageIn(const std::string& folder, const UploadName& name, std::string_view jpeg)
{
    const std::string text = uploadNameText(name);
    const auto* bytes = reinterpret_cast<const stbi_uc*>(jpeg.data());
    const int length = static_cast<int>(std::min<std::size_t>(jpeg.size(), 1u << 30));
    const auto notJpeg = [&] { return ClientError(unprocessable("invalid_image", "body", text + " is not a JPEG image")); };

    // The header first: a small file may claim a huge picture (a decompression bomb).
    int w = 0, h = 0, comp = 0;
    if (jpeg.empty() || !stbi_info_from_memory(bytes, length, &w, &h, &comp)) throw notJpeg();
    if (name.atlas) {
        if (w > kMaxAtlasSide || h > kMaxAtlasSide)
            throw ClientError(unprocessable("invalid_image", "body",
                                            text + " is " + sizeText(w, h) + "; an atlas is at most " +
                                                sizeText(kMaxAtlasSide, kMaxAtlasSide)));
    } else {
        if (std::max(w, h) > kMaxFrameSide)
            throw ClientError(unprocessable("invalid_image", "body",
                                            text + " is " + sizeText(w, h) + "; a frame is at most " +
                                                std::to_string(kMaxFrameSide) + " pixels on its longest side"));
        const bool full = name.size == 'l';
        const int ew = full ? SpinSizes::kFullW : SpinSizes::kMediumW, eh = full ? SpinSizes::kFullH : SpinSizes::kMediumH;
        if (w != ew || h != eh)
            throw ClientError(unprocessable("invalid_image", "body",
                                            text + " is " + sizeText(w, h) + (full ? "; a full frame is " : "; a medium frame is ") +
                                                sizeText(ew, eh)));
    }

    // Decoded and encoded again, so nothing but the pixels is kept (no EXIF, no location).
    int dw = 0, dh = 0, dc = 0;
    const std::unique_ptr<stbi_uc, void (*)(void*)> px(stbi_load_from_memory(bytes, length, &dw, &dh, &dc, 3),
                                                         stbi_image_free);
    if (!px || dw != w || dh != h) throw notJpeg();
    const std::vector<std::uint8_t> rgb(px.get(), px.get() + static_cast<std::size_t>(w) * h * 3);
    const std::string encoded = encodeJpeg(rgb, w, h, kJpegQuality);

    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        writeFileAtomically((fs::path(folder) / text).string(), encoded);
    }
    return StagedFile{text, w, h};
}

std::vector<SpinUploads::Staged> SpinUploads::collect(const std::string& folder, int frames) const
{
    const spin::SpinLimits limits;
    if (frames < limits.minFrames || frames > limits.maxFrames)
        throw ClientError(unprocessable(frames < limits.minFrames ? "too_few_frames" : "too_many_frames", "frames",
                                        "a spin has " + std::to_string(limits.minFrames) + " to " +
                                            std::to_string(limits.maxFrames) + " frames, not " + std::to_string(frames)));

    // What was staged, in the order the viewer uses it; the first file missing is named.
    const fs::path staging = folder;
    std::vector<Staged> files;
    spin::SpinManifest manifest;
    const auto staged = [&](const UploadName& n) {
        const std::string text = uploadNameText(n);
        const fs::path path = staging / text;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec))
            throw ClientError(unprocessable("file_missing", "frames", text + " was not uploaded"));
        const std::optional<spin::ImageSize> size = stagedSize(path);
        if (!size) throw ClientError(unprocessable("invalid_image", "frames", text + " is not a JPEG image"));
        files.push_back({n, path.string()});
        return *size;
    };
    for (int i = 0; i < frames; ++i) {
        manifest.frames.push_back(staged(UploadName{false, i, 'l'}));
        manifest.mediumFrames.push_back(staged(UploadName{false, i, 'm'}));
    }
    manifest.atlas = staged(UploadName{true, 0, 'l'});
    manifest.atlasColumns = atlasColumns(frames);
    manifest.atlasRows = (frames + manifest.atlasColumns - 1) / manifest.atlasColumns;
    manifest.cell = {SpinSizes::kCellW, SpinSizes::kCellH};
    const std::vector<spin::SpinProblem> problems = spin::checkSpin(manifest, limits);
    if (!problems.empty()) {
        const spin::SpinProblem& first = problems.front();
        std::string message = first.detail;
        if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
        throw ClientError(unprocessable(spin::problemCodeName(first.code), "frames", std::move(message)));
    }
    return files;
}

View360 SpinUploads::commit(std::int64_t listingId, const Principal& who, int frames)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const SpinListing listing = m_service.uploadable(listingId, who);
    const fs::path staging = stagingFolder(m_dir, listingId);
    const std::vector<Staged> files = collect(staging.string(), frames);

    // The files first: if this fails halfway, the row still names the previous version.
    const int version = View360Service::nextVersion(listing);
    const fs::path target = versionFolder(m_dir, listingId, version);
    fs::remove_all(target); // left by a commit that stopped before its row was written
    fs::create_directories(target);
    for (const Staged& f : files) {
        SpinFile out;
        out.listingId = listingId;
        out.version = version;
        if (f.name.atlas) {
            out.kind = SpinFile::Kind::Atlas;
        } else {
            out.kind = SpinFile::Kind::Frame;
            out.frame = f.name.frame;
            out.size = f.name.size;
        }
        placeFile(fs::path(f.path), target / spinFileName(out));
    }

    StoredSpin spin;
    spin.source = "upload";
    spin.frames = frames;
    spin.hasPanorama = false;
    spin.version = version;
    m_repository.replaceSpin(listingId, spin, m_now());

    // What is no longer served: the staged copies and earlier uploads.
    std::error_code ec;
    fs::remove_all(staging, ec);
    const std::string keep = "v" + std::to_string(version);
    std::vector<fs::path> older;
    for (fs::directory_iterator it(uploadFolder(m_dir, listingId), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name != keep && name.size() > 1 && name[0] == 'v') older.push_back(it->path());
    }
    for (const fs::path& p : older)
        fs::remove_all(p, ec);
    return m_service.view(listingId, who);
}

// [SECTION] A draft's spin

void SpinUploads::checkDraft(const Principal& who, std::int64_t draftId, int frames)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    collect(draftFolder(m_dir, who.userId, draftId), frames);
}

View360 SpinUploads::adoptDraft(const Principal& who, std::int64_t draftId, std::int64_t listingId, int frames)
{
    {
        // The draft's checked files take the staging folder's place (what was staged there by
        // hand is replaced: the draft is what the seller published).
        const std::lock_guard<std::mutex> lock(m_mutex);
        const fs::path from = draftFolder(m_dir, who.userId, draftId);
        const std::vector<Staged> files = collect(from.string(), frames);
        const fs::path staging = stagingFolder(m_dir, listingId);
        std::error_code ec;
        fs::remove_all(staging, ec);
        fs::create_directories(staging);
        for (const Staged& f : files)
            placeFile(fs::path(f.path), staging / fs::path(f.path).filename());
    }
    View360 view = commit(listingId, who, frames);
    dropDraft(who, draftId);
    return view;
}

void SpinUploads::dropDraft(const Principal& who, std::int64_t draftId)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::error_code ec;
    fs::remove_all(draftFolder(m_dir, who.userId, draftId), ec);
}

} // namespace dongelek::server::view360
