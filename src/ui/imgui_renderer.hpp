// Dear ImGui's draw lists on our GL context (WebGL 2 on the web, GL 3.3 core on the desktop).
//
// Ours instead of ImGui's OpenGL 3 backend because the app owns the context: nothing else draws
// between frames, so no GL state is read back and restored around each frame (the backend's 25
// glGet calls and as many sets cost more than the drawing on WebGL, where each is a call into
// JavaScript, and its per-frame vertex array object is made and deleted again). The state is set
// once per frame and again after each of our own GL draws (ui/gl_program.hpp's callbacks end
// with ImDrawCallback_ResetRenderState). A lost context is noticed by platform::gpuGeneration:
// the program, buffers and font texture are made again on the next frame.
#pragma once

#include <imgui.h>

namespace dongelek::ui {

// Tells ImGui what the renderer can do; once, after ImGui's context exists.
void initImGuiRenderer();
// The font atlas was (re)built: uploads its texture now (and builds the shaders the first time).
void uploadImGuiFonts();
// Draws a frame's lists into the current framebuffer (viewport and clear are the caller's).
void renderImGui(const ImDrawData* data);
// Frees the GL objects (before the context goes).
void shutdownImGuiRenderer();

} // namespace dongelek::ui
