// OpenGL 3.3 core for our own shaders in the desktop build (picked by include path in
// src/app/CMakeLists.txt; the web's is src/platform/gl/web/dk_gl.h). libGL exports the 3.3
// entry points on Linux, so no loader is needed.
#pragma once
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>

namespace dongelek::platform {
// Put before every shader source (shaders/ holds bodies without a #version line).
inline constexpr const char* kGlslPrelude = "#version 330 core\n";
} // namespace dongelek::platform
