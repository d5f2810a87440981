#include "ui/gl_program.hpp"

#include "platform/window.hpp"

#include <dk_gl.h>

#include <memory>
#include <vector>

namespace dongelek::ui {

namespace {

unsigned compile(GLenum stage, const char* body, std::string& error)
{
    const GLuint s = glCreateShader(stage);
    const char* parts[] = {platform::kGlslPrelude, body};
    glShaderSource(s, 2, parts, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
        std::string log(static_cast<std::size_t>(std::max(n, 1)), '\0');
        glGetShaderInfoLog(s, n, nullptr, log.data());
        error += (stage == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

// The callbacks' work, kept alive until ImGui has rendered the frame.
struct PendingDraw {
    ImVec2 min, max;
    std::function<void(const float clip[4])> draw;
};
std::vector<std::unique_ptr<PendingDraw>>& pending()
{
    static std::vector<std::unique_ptr<PendingDraw>> p;
    return p;
}
int g_pendingFrame = -1;

void runPending(const ImDrawList*, const ImDrawCmd* cmd)
{
    const auto* d = static_cast<const PendingDraw*>(cmd->UserCallbackData);
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize;
    if (size.x <= 0 || size.y <= 0) return;
    const float clip[4] = {(d->min.x - pos.x) / size.x * 2 - 1, 1 - (d->min.y - pos.y) / size.y * 2,
                           (d->max.x - pos.x) / size.x * 2 - 1, 1 - (d->max.y - pos.y) / size.y * 2};
    d->draw(clip);
    glActiveTexture(GL_TEXTURE0); // ImGui binds its textures on unit 0 without setting it
}

} // namespace

GlProgram GlProgram::build(const char* vertexBody, const char* fragmentBody, std::string& error)
{
    GlProgram p;
    const unsigned vs = compile(GL_VERTEX_SHADER, vertexBody, error);
    const unsigned fs = compile(GL_FRAGMENT_SHADER, fragmentBody, error);
    if (vs && fs) {
        const GLuint id = glCreateProgram();
        glAttachShader(id, vs);
        glAttachShader(id, fs);
        glLinkProgram(id);
        GLint ok = 0;
        glGetProgramiv(id, GL_LINK_STATUS, &ok);
        if (ok) {
            p.m_id = id;
            p.m_generation = platform::gpuGeneration();
        } else {
            GLint n = 0;
            glGetProgramiv(id, GL_INFO_LOG_LENGTH, &n);
            std::string log(static_cast<std::size_t>(std::max(n, 1)), '\0');
            glGetProgramInfoLog(id, n, nullptr, log.data());
            error += "link: " + log;
            glDeleteProgram(id);
        }
    }
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return p;
}

GlProgram::~GlProgram() { release(); }
bool GlProgram::lost() const { return m_id != 0 && m_generation != platform::gpuGeneration(); }
void GlProgram::release()
{
    if (m_id && !lost()) glDeleteProgram(m_id); // a lost one went with its context
    m_id = 0;
}
GlProgram::GlProgram(GlProgram&& other) noexcept : m_id(other.m_id), m_generation(other.m_generation) { other.m_id = 0; }
GlProgram& GlProgram::operator=(GlProgram&& other) noexcept
{
    if (this != &other) {
        release();
        m_id = other.m_id;
        m_generation = other.m_generation;
        other.m_id = 0;
    }
    return *this;
}

int GlProgram::uniform(const char* name) const { return m_id ? glGetUniformLocation(m_id, name) : -1; }

GlQuad::~GlQuad()
{
    if (m_generation != platform::gpuGeneration()) return; // never made, or gone with a lost context
    if (m_vbo) glDeleteBuffers(1, &m_vbo);
    if (m_vao) glDeleteVertexArrays(1, &m_vao);
}

void GlQuad::draw()
{
    if (!m_vao || m_generation != platform::gpuGeneration()) {
        m_generation = platform::gpuGeneration();
        static const float kQuad[] = {0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1};
        glGenVertexArrays(1, &m_vao);
        glGenBuffers(1, &m_vbo);
        glBindVertexArray(m_vao);
        glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
        glBufferData(GL_ARRAY_BUFFER, sizeof kQuad, kQuad, GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    }
    glBindVertexArray(m_vao);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
}

void addGlDraw(ImDrawList* list, ImVec2 min, ImVec2 max, std::function<void(const float clip[4])> draw)
{
    auto& all = pending();
    if (g_pendingFrame != ImGui::GetFrameCount()) { // last frame's draws have been rendered
        all.clear();
        g_pendingFrame = ImGui::GetFrameCount();
    }
    all.push_back(std::make_unique<PendingDraw>(PendingDraw{min, max, std::move(draw)}));
    list->AddCallback(runPending, all.back().get());
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void bindTexture(const GlProgram& p, const char* name, int unit, unsigned texture)
{
    glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
    glBindTexture(GL_TEXTURE_2D, texture);
    glUniform1i(p.uniform(name), unit);
}

} // namespace dongelek::ui
