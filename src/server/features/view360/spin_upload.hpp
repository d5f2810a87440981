// A seller's own 360-degree exterior spin, prepared in the browser (core/spin_prep) and sent
// file by file: each file is checked (a JPEG of the size its name says), decoded and encoded
// again (no metadata is kept) into the listing's staging folder; the commit checks the whole
// spin (core's checkSpin), moves the files to the next version's folder and makes it the
// listing's spin, clearing its hotspots (they were placed on the old frames).
//
//   <media>/spins/u/<listing>/staging/f7-l.jpg          PUT .../spin/files/f7-l.jpg
//   <media>/spins/u/<listing>/v<version>/42-v2-f7-l.jpg  after POST .../spin (spinFileName)
#pragma once

#include "server/features/view360/view360_service.hpp"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::view360 {

// [SECTION] Folders

std::string uploadFolder(const std::string& mediaDir, std::int64_t listingId); // <media>/spins/u/<listing>
std::string stagingFolder(const std::string& mediaDir, std::int64_t listingId);
std::string versionFolder(const std::string& mediaDir, std::int64_t listingId, int version);
// A draft's spin before its listing exists: <media>/spins/d/<user>/<draft>.
std::string draftFolder(const std::string& mediaDir, std::int64_t userId, std::int64_t draftId);

// [SECTION] Upload names

// "f<n>-l.jpg" (a full 1280x800 frame), "f<n>-m.jpg" (640x400), n 0..71 without leading zeros,
// or "atlas.jpg" (every frame's 160x100 cell, atlasColumns(frames) to a row).
struct UploadName {
    bool atlas = false;
    int frame = 0;
    char size = 'l';
};
std::optional<UploadName> parseUploadName(std::string_view name);
std::string uploadNameText(const UploadName& n);

struct StagedFile {
    std::string name;
    int width = 0;
    int height = 0;
};

// [SECTION] Uploads

class SpinUploads {
public:
    // Limits of the files (also the sizes read from a header before anything is decoded).
    static constexpr int kMaxFrameSide = 2048;
    static constexpr int kMaxAtlasSide = 4096;
    static constexpr int kJpegQuality = 90;

    SpinUploads(std::string mediaDir, View360Service& service, View360Repository& repository,
                std::function<std::int64_t()> now)
        : m_dir(std::move(mediaDir)), m_service(service), m_repository(repository), m_now(std::move(now))
    {
    }

    // Whether `who` may upload `name` for this listing: 404 for an unknown or inactive listing,
    // 403 unless its seller's account or an admin with the second factor, 400 for a name that
    // is none of the upload names. Cheap (no decoding), so the route checks it first.
    UploadName admit(std::int64_t listingId, const Principal& who, std::string_view name);
    // Checks the bytes (a JPEG of the size the name says; the header is read before the
    // pixels), decodes and encodes them again and writes the file into the staging folder
    // atomically. 422 naming the file and the problem. Slow (tens of ms): call it off the I/O
    // threads.
    StagedFile stage(std::int64_t listingId, const UploadName& name, std::string_view jpeg);
    // Makes the staged files of `frames` frames the listing's spin: every frame at both sizes
    // and the atlas must be staged and pass checkSpin (else 422 naming the first problem); the
    // files move to the next version's folder first, then the spins row is replaced and the
    // hotspots deleted (a version folder without its row is harmless and overwritten next
    // time); the staging folder and older versions' folders are removed. Returns the view as
    // `who` sees it.
    View360 commit(std::int64_t listingId, const Principal& who, int frames);

    // [SECTION] A draft's spin (the editor's 360° step; the caller checked the draft is `who`'s).
    // The same files and checks as a listing's, kept under the draft until publishing.
    static constexpr int kMaxDraftSpins = 5; // drafts of one account holding a spin at once

    // 422 too_many_spins when this draft holds no spin yet and kMaxDraftSpins others do.
    void admitDraft(const Principal& who, std::int64_t draftId);
    // Stages one file into the draft's folder (the checks and re-encoding of stage()).
    StagedFile stageForDraft(const Principal& who, std::int64_t draftId, const UploadName& name, std::string_view jpeg);
    // 422 naming the first problem unless the draft's folder holds a whole spin of `frames`.
    void checkDraft(const Principal& who, std::int64_t draftId, int frames);
    // After publishing: the draft's files become the listing's spin (commit), and the draft's
    // folder goes.
    View360 adoptDraft(const Principal& who, std::int64_t draftId, std::int64_t listingId, int frames);
    // The draft is gone (or its spin removed): its files too.
    void dropDraft(const Principal& who, std::int64_t draftId);

private:
    struct Staged {
        UploadName name;
        std::string path;
    };
    // The files of a spin of `frames` in `folder`, checked as a whole (checkSpin); 422 naming the
    // first problem.
    std::vector<Staged> collect(const std::string& folder, int frames) const;
    StagedFile stageIn(const std::string& folder, const UploadName& name, std::string_view jpeg);

    std::string m_dir;
    View360Service& m_service;
    View360Repository& m_repository;
    std::function<std::int64_t()> m_now;
    // One staging write or commit at a time in this process, so a commit moves the files it
    // checked.
    std::mutex m_mutex;
};

} // namespace dongelek::server::view360
