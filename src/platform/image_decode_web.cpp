// image_decode.hpp in the browser: the network worker (net_worker_client_web.hpp) fetches each
// photo and decodes it with stb_image, so the main thread only posts a URL and copies the pixels
// it gets back into the image the upload (image_upload.cpp) reads.

#include "platform/image_decode.hpp"
#include "platform/net_worker_client_web.hpp"

namespace dongelek::platform {

void prepareImageDecoder()
{
    // Fetch and compile the worker while the first listings load, so it is ready for their photos.
    net_worker::start();
}

void loadImage(const std::string& url, std::function<void(LoadedImage)> done)
{
    HttpRequest request;
    request.url = url;
    net_worker::send(request, true, [done = std::move(done)](net_worker::Reply reply) {
        LoadedImage loaded;
        loaded.status = reply.status;
        loaded.ok = reply.status == 200 && reply.decoded;
        if (loaded.ok) loaded.image = std::move(reply.image);
        done(std::move(loaded));
    });
}

} // namespace dongelek::platform
