// OpenGL ES 3.0 (WebGL2) for our own shaders in the web build (picked by include path in
// src/app/CMakeLists.txt; the desktop's is src/platform/gl/native/dk_gl.h).
#pragma once
#include <GLES3/gl3.h>

namespace dongelek::platform {
// Put before every shader source (shaders/ holds bodies without a #version line).
inline constexpr const char* kGlslPrelude = "#version 300 es\nprecision highp float;\n";
} // namespace dongelek::platform
