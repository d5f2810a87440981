// photo_pick.hpp on the desktop: no file dialog (the desktop build is a developer's tool). The
// "picked" photos are DONGELEK_PICK_PHOTOS: paths separated by ':', or a folder (its .jpg, .jpeg
// and .png files by name). Each is prepared by its own task on the shared worker threads, the
// next posted when one is done: the photos stay in order, no worker is held for the whole run,
// and closing the window waits for one photo at most.

#include "platform/photo_pick.hpp"

#include "core/photo_job.hpp"
#include "platform/workers_native.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace dongelek::platform {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> pickedPaths()
{
    std::vector<std::string> out;
    const char* env = std::getenv("DONGELEK_PICK_PHOTOS");
    if (!env || !*env) return out;
    const std::string value = env;
    std::error_code ec;
    if (fs::is_directory(value, ec)) {
        for (const auto& e : fs::directory_iterator(value, ec)) {
            std::string ext = e.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (e.is_regular_file(ec) && (ext == ".jpg" || ext == ".jpeg" || ext == ".png")) out.push_back(e.path().string());
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(':', start), value.size());
        if (end > start) out.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The file's bytes, or an error ("notimage" unreadable, "toolarge" over the limit, "memory").
std::string readPhoto(const std::string& path, std::string& bytes)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return "notimage";
    const auto size = fs::file_size(path, ec);
    if (ec) return "notimage";
    if (size > photo::kMaxPhotoFileBytes) return "toolarge";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "notimage";
    try {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } catch (const std::bad_alloc&) {
        return "memory";
    }
    return in.bad() ? "notimage" : "";
}

struct Run {
    std::vector<std::string> paths;
    int maxFiles = 0;
    int prepared = 0;
    std::function<void(PhotoPickUpdate)> onUpdate;
};

// Photo `i` of the run, then a task for the next; Finished after the last.
void step(const std::shared_ptr<Run>& run, std::size_t i)
{
    if (i >= run->paths.size()) {
        PhotoPickUpdate done;
        done.kind = PhotoPickUpdate::Kind::Finished;
        done.count = run->prepared;
        run->onUpdate(std::move(done));
        return;
    }
    PhotoPickUpdate u;
    u.index = static_cast<int>(i);
    u.name = fs::path(run->paths[i]).filename().string();
    u.kind = PhotoPickUpdate::Kind::Failed;
    if (u.index >= run->maxFiles) {
        u.error = "toomany";
    } else {
        std::string bytes;
        u.error = readPhoto(run->paths[i], bytes);
        if (u.error.empty()) {
            photo::PhotoResult r = photo::preparePhotoFile(bytes);
            if (r.ok) {
                u.kind = PhotoPickUpdate::Kind::Photo;
                u.jpeg = std::move(r.jpeg);
                u.width = r.width;
                u.height = r.height;
                u.srcWidth = r.srcWidth;
                u.srcHeight = r.srcHeight;
                u.tooSmall = r.quality.tooSmall;
                u.blurry = r.quality.blurry;
                u.tooDark = r.quality.tooDark;
                ++run->prepared;
            } else {
                u.error = r.error;
            }
        }
    }
    run->onUpdate(std::move(u));
    native::post([run, i] { step(run, i + 1); });
}

} // namespace

void pickPhotos(int maxFiles, std::function<void(PhotoPickUpdate)> onUpdate)
{
    auto run = std::make_shared<Run>();
    run->paths = pickedPaths();
    run->maxFiles = std::max(maxFiles, 0);
    run->onUpdate = std::move(onUpdate);
    if (run->paths.empty()) {
        PhotoPickUpdate cancelled;
        cancelled.kind = PhotoPickUpdate::Kind::Finished;
        cancelled.error = "cancelled";
        run->onUpdate(std::move(cancelled));
        return;
    }
    native::post([run] {
        PhotoPickUpdate picked;
        picked.kind = PhotoPickUpdate::Kind::Picked;
        picked.count = static_cast<int>(run->paths.size());
        run->onUpdate(std::move(picked));
        step(run, 0);
    });
}

} // namespace dongelek::platform
