// The files of spins and panoramas. Demo spins: rendered on first request
// (server/demo/spin_renderer) and kept in the media folder, like photos (media_store.hpp),
// under <media>/spins/r<renderer>/<listing / 1000>/<file name>. Uploaded spins: the seller's
// files under <media>/spins/u/<listing>/v<version>/<file name> (spin_upload.hpp), never drawn.
#pragma once

#include "server/features/view360/view360_service.hpp"

#include <optional>
#include <string>

namespace dongelek::server::view360 {

class SpinMedia {
public:
    SpinMedia(std::string mediaDir, View360Service& service) : m_dir(std::move(mediaDir)), m_service(service) {}

    // Where a demo spin's file lives (whether or not it exists yet).
    std::string pathFor(const SpinFile& f) const;
    // Where an uploaded spin's file lives.
    std::string uploadedPathFor(const SpinFile& f) const;

    // Where a file of the listing's current spin is: an uploaded file (which is there or not),
    // or a drawn one (pathFor; drawn by file() when missing). nullopt when the listing has no
    // such file (another version, an upload's file that is never drawn, no view).
    struct Location {
        std::string path;
        bool uploaded = false;
    };
    std::optional<Location> locate(const SpinFile& f);
    // The JPEG file, rendering and storing it first when missing (an upload's file is only
    // looked up); nullopt when the listing has no such file. Thread-safe like MediaStore::photoFile. A panorama is rendered once for
    // both of its tiles.
    std::optional<std::string> file(const SpinFile& f);

private:
    std::string m_dir;
    View360Service& m_service;
};

} // namespace dongelek::server::view360
