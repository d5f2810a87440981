// Both platforms (image_decode.hpp): a photo decoded by stb_image (native: an HTTP worker thread; web: the image
// Web Worker) becomes a GL texture on the main thread, with calls OpenGL 3.3 and WebGL2 share.

#include "platform/image_decode.hpp"

#include <SDL_opengl.h>

#include <vector>

namespace dongelek::platform {

unsigned uploadImage(DecodedImage& image)
{
    if (image.rgba.empty()) return 0;
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, 0);
    std::vector<unsigned char>().swap(image.rgba); // the GPU has its copy now
    return id;
}

void discardImage(DecodedImage& image) { std::vector<unsigned char>().swap(image.rgba); }

} // namespace dongelek::platform
