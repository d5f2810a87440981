// spin_prepare.hpp on the desktop: no file dialog (the desktop build is a developer's tool);
// the photos are the .jpg/.jpeg/.png files of the folder named by DONGELEK_PICK, prepared on a
// worker thread.

#include "platform/spin_prepare.hpp"

#include "core/view360.hpp"
#include "platform/workers_native.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace dongelek::platform {

namespace {

std::vector<std::string> pickedPaths()
{
    std::vector<std::string> out;
    const char* dir = std::getenv("DONGELEK_PICK");
    std::error_code ec;
    if (!dir || !std::filesystem::is_directory(dir, ec)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (e.is_regular_file(ec) && (ext == ".jpg" || ext == ".jpeg" || ext == ".png")) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

void pickAndPrepareSpin(std::function<void(spin::PrepUpdate)> onUpdate)
{
    using spin::PrepUpdate;
    const std::vector<std::string> paths = pickedPaths();
    const int n = static_cast<int>(paths.size());
    PrepUpdate fail;
    fail.kind = PrepUpdate::Kind::Failed;
    fail.total = n;
    if (n == 0) {
        fail.error = "cancelled";
        onUpdate(fail);
        return;
    }
    if (n < view360::kMinFrames || n > view360::kMaxFrames) {
        fail.error = "count";
        onUpdate(fail);
        return;
    }
    native::post([paths, onUpdate = std::move(onUpdate), n] {
        spin::SpinJob job(n);
        const auto bytes = [](const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); };
        const auto failed = [&](int index) {
            PrepUpdate f;
            f.kind = PrepUpdate::Kind::Failed;
            f.error = "notimage";
            f.index = index;
            f.total = n;
            onUpdate(f);
        };
        int done = 0;
        const auto stepDone = [&] {
            PrepUpdate p;
            p.done = ++done;
            p.total = 2 * n;
            onUpdate(p);
        };
        for (int i = 0; i < n; ++i) {
            const std::string data = readFile(paths[static_cast<std::size_t>(i)]);
            if (!job.analyze(i, bytes(data), data.size())) return failed(i);
            stepDone();
        }
        PrepUpdate planned;
        planned.kind = PrepUpdate::Kind::Planned;
        planned.total = n;
        for (const auto& f : job.plan().frames) planned.flags.push_back(f.flags);
        onUpdate(planned);
        for (int i = 0; i < n; ++i) {
            const std::string data = readFile(paths[static_cast<std::size_t>(i)]);
            PrepUpdate frame;
            frame.kind = PrepUpdate::Kind::Frame;
            frame.index = i;
            frame.total = n;
            if (!job.render(i, bytes(data), data.size(), frame.full, frame.medium)) return failed(i);
            onUpdate(frame);
            stepDone();
        }
        PrepUpdate finished;
        finished.kind = PrepUpdate::Kind::Finished;
        finished.total = n;
        finished.atlas = job.atlasJpeg();
        onUpdate(finished);
    });
}

} // namespace dongelek::platform
