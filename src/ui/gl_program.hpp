// Our own GL drawing inside ImGui's frame (the 360 viewer): a shader program built from
// shaders/ (generated/shaders.hpp) with the platform's GLSL prelude, a unit quad to run it over
// a screen rectangle, and drawing as an ImDrawList callback so it lands in ImGui's draw order
// (clipped like the widgets around it). Move-only owners: GL objects are freed exactly once.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>

namespace dongelek::ui {

class GlProgram {
public:
    GlProgram() = default;
    // Compiles and links; an empty program and the compiler's log in `error` when it fails.
    static GlProgram build(const char* vertexBody, const char* fragmentBody, std::string& error);
    ~GlProgram();
    GlProgram(GlProgram&& other) noexcept;
    GlProgram& operator=(GlProgram&& other) noexcept;
    GlProgram(const GlProgram&) = delete;
    GlProgram& operator=(const GlProgram&) = delete;

    explicit operator bool() const { return m_id != 0; }
    // Built in an earlier GL context (platform::gpuGeneration): gone with it, build it again.
    bool lost() const;
    unsigned id() const { return m_id; }
    int uniform(const char* name) const; // -1 when the program has none by that name

private:
    void release();
    unsigned m_id = 0;
    unsigned m_generation = 0;
};

// Two triangles over 0..1 (attribute 0), drawn with glDrawArrays.
class GlQuad {
public:
    GlQuad() = default;
    ~GlQuad();
    GlQuad(const GlQuad&) = delete;
    GlQuad& operator=(const GlQuad&) = delete;
    // Creates its buffers on first use (the GL context exists by then) and again after the
    // context was lost and restored.
    void draw();

private:
    unsigned m_vao = 0, m_vbo = 0;
    unsigned m_generation = 0;
};

// Runs `draw` with the GL state of ImGui's renderer at this point of `list`, then hands the
// state back to ImGui. `draw` gets the rectangle in clip space (top left x, y; bottom right x, y).
// Must be drawn this frame (it is kept until the list is rendered).
void addGlDraw(ImDrawList* list, ImVec2 min, ImVec2 max, std::function<void(const float clip[4])> draw);
// Binds `texture` (a GL name from ui::Texture) to unit `unit` and points sampler `name` at it.
void bindTexture(const GlProgram& p, const char* name, int unit, unsigned texture);

} // namespace dongelek::ui
