#include "ui/imgui_renderer.hpp"

#include "platform/window.hpp"
#include "shaders.hpp"
#include "ui/gl_program.hpp"
#include "ui/texture_cache.hpp"

#include <dk_gl.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace dongelek::ui {

namespace {

struct Renderer {
    GlProgram program;
    int projection = -1, texture = -1;
    unsigned vao = 0, vbo = 0, ibo = 0;
    unsigned generation = 0; // of the context the buffers were made in
    Texture fonts;
    bool fontsDirty = true;
};
Renderer g;

void makeDeviceObjects()
{
    const unsigned generation = platform::gpuGeneration();
    if (g.vao && g.generation == generation && g.program && !g.program.lost()) return;
    if (g.vao && g.generation == generation) { // only the program is missing: keep the buffers
    } else {
        // Lost with their context, or never made: new names (the old ones are gone with it).
        glGenVertexArrays(1, &g.vao);
        glGenBuffers(1, &g.vbo);
        glGenBuffers(1, &g.ibo);
        glBindVertexArray(g.vao);
        glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo); // kept by the vertex array
        glEnableVertexAttribArray(0);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
        glBindVertexArray(0);
        g.generation = generation;
        g.fontsDirty = true;
    }
    std::string error;
    g.program = GlProgram::build(shaders::kShader_imgui_vert, shaders::kShader_imgui_frag, error);
    if (!g.program) std::fprintf(stderr, "dongelek: ImGui's shaders: %s\n", error.c_str());
    g.projection = g.program.uniform("uProjection");
    g.texture = g.program.uniform("uTexture");
}

void uploadFontsNow()
{
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    g.fonts = Texture::adopt(id, w, h); // the old atlas's texture goes here
    io.Fonts->SetTexID(g.fonts.id());
    g.fontsDirty = false;
}

void setupState(const ImDrawData* data, int fbWidth, int fbHeight)
{
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fbWidth, fbHeight);
    const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
    const float ortho[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                             (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUseProgram(g.program.id());
    glUniform1i(g.texture, 0);
    glUniformMatrix4fv(g.projection, 1, GL_FALSE, ortho);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
}

} // namespace

void initImGuiRenderer()
{
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "dongelek_gl";
    // No RendererHasVtxOffset: WebGL 2 has no glDrawElementsBaseVertex, so ImGui keeps each
    // list's indices within 16 bits by splitting it.
}

void uploadImGuiFonts()
{
    makeDeviceObjects(); // the shaders too: start-up compiles them in this step, not in the first frame
    uploadFontsNow();
}

void renderImGui(const ImDrawData* data)
{
    const int fbWidth = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
    const int fbHeight = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0) return;
    makeDeviceObjects();
    if (!g.program) return;
    if (g.fontsDirty || !g.fonts || g.fonts.lost()) uploadFontsNow();
    setupState(data, fbWidth, fbHeight);
    const ImVec2 clipOff = data->DisplayPos, clipScale = data->FramebufferScale;
    ImTextureID bound = nullptr;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    setupState(data, fbWidth, fbHeight);
                    bound = nullptr;
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clipOff.x) * clipScale.x, y0 = (cmd.ClipRect.y - clipOff.y) * clipScale.y;
            const float x1 = (cmd.ClipRect.z - clipOff.x) * clipScale.x, y1 = (cmd.ClipRect.w - clipOff.y) * clipScale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fbHeight) - y1), static_cast<int>(x1 - x0),
                      static_cast<int>(y1 - y0));
            const ImTextureID tex = cmd.GetTexID();
            if (tex != bound) {
                glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(tex)));
                bound = tex;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    // The next frame's clear covers the whole framebuffer, and our own GL work starts clean.
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
}

void shutdownImGuiRenderer()
{
    g.fonts = Texture();
    g.program = GlProgram();
    if (g.vao && g.generation == platform::gpuGeneration()) {
        glDeleteBuffers(1, &g.vbo);
        glDeleteBuffers(1, &g.ibo);
        glDeleteVertexArrays(1, &g.vao);
    }
    g.vao = g.vbo = g.ibo = 0;
}

} // namespace dongelek::ui
