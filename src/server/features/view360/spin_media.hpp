// The files of demo spins and panoramas: rendered on first request (server/demo/spin_renderer)
// and kept in the media folder, like photos (media_store.hpp), under
// <media>/spins/r<renderer>/<listing / 1000>/<file name>.
#pragma once

#include "server/features/view360/view360_service.hpp"

#include <optional>
#include <string>

namespace dongelek::server::view360 {

class SpinMedia {
public:
    SpinMedia(std::string mediaDir, View360Service& service) : m_dir(std::move(mediaDir)), m_service(service) {}

    // Where a file lives (whether or not it exists yet).
    std::string pathFor(const SpinFile& f) const;
    // The JPEG file, rendering and storing it first when missing; nullopt when the listing has
    // no such file. Thread-safe like MediaStore::photoFile. A panorama is rendered once for
    // both of its tiles.
    std::optional<std::string> file(const SpinFile& f);

private:
    std::string m_dir;
    View360Service& m_service;
};

} // namespace dongelek::server::view360
