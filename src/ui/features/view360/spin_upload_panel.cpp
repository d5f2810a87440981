#include "ui/features/view360/spin_upload_panel.hpp"

#include "core/text_format.hpp"
#include "ui/style.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace dongelek::ui {

namespace {

// A paragraph the mirror reads (and the person can select), then the cursor under it.
void paragraph(const char* hookId, const std::string& text, float left, float width, ImU32 colour = color::kTextMuted)
{
    ImGui::SetCursorPosX(left);
    SelectableTextOptions t;
    t.wrapWidth = width;
    t.hookId = hookId;
    const ImVec2 size = selectableText(hookId, Font::Regular, ImGui::GetCursorScreenPos(), colour, text, t);
    ImGui::Dummy(ImVec2(1, size.y + em(0.3f)));
}

std::string problems(const Strings& s, const spin::FrameFlags& f)
{
    std::vector<const char*> keys;
    if (f.carNotFound) keys.push_back("view360.flag.no_car");
    if (f.cutOff) keys.push_back("view360.flag.cut_off");
    if (f.blurry) keys.push_back("view360.flag.blurry");
    if (f.tooDark) keys.push_back("view360.flag.too_dark");
    if (f.outOfOrder) keys.push_back("view360.flag.out_of_order");
    std::string out;
    for (const char* k : keys) out += (out.empty() ? "" : ", ") + std::string(s.get(k));
    return out;
}

} // namespace

void drawSpinUploadPanel(const SpinPanel& panel, const Strings& s, float left, float width)
{
    const SpinUploader::State& u = panel.upload.state();
    using Phase = SpinUploader::Phase;
    ButtonOptions secondary;
    secondary.kind = ButtonKind::Secondary;
    ImGui::SetCursorPosX(left);
    switch (u.phase) {
    case Phase::Idle:
    case Phase::Done:
    case Phase::Failed: {
        if (u.phase == Phase::Done)
            paragraph("view360.upload_done", formatCount(s, panel.doneKey, u.frames), left, width, color::kText);
        if (u.phase == Phase::Failed) {
            std::string msg;
            if (u.error == "count") msg = s.format("view360.upload_error.count", {{"count", std::to_string(u.frames)}});
            else if (u.error == "notimage")
                msg = s.format("view360.upload_error.notimage", {{"index", std::to_string(u.errorIndex + 1)}});
            else if (u.error == "memory") msg = s.get("view360.upload_error.memory");
            else if (u.error == "unsupported") msg = s.get("view360.upload_error.unsupported");
            else
                msg = s.format("view360.upload_error.server",
                               {{"detail", u.request.api.message.empty() ? errorMessage(s, u.request, false)
                                                                         : u.request.api.message}});
            paragraph("view360.upload_error", msg, left, width, color::kDanger);
        }
        ImGui::SetCursorPosX(left);
        if (button("view360.upload", s.get(panel.startKey), secondary)) panel.start();
        paragraph("view360.upload_hint", s.get("view360.upload_hint"), left, width);
        break;
    }
    case Phase::Preparing: {
        const float f = u.prepTotal > 0 ? static_cast<float>(u.prepared) / static_cast<float>(u.prepTotal) : 0.0f;
        const std::string label =
            s.format("view360.upload_preparing", {{"percent", std::to_string(static_cast<int>(f * 100 + 0.5f))}});
        progressBar("view360.upload_progress", label, f, std::min(width, em(24)));
        break;
    }
    case Phase::Review: {
        paragraph("view360.upload_review", formatCount(s, "view360.upload_review", u.flagged), left, width, color::kText);
        int shown = 0;
        for (std::size_t i = 0; i < u.flags.size() && shown < 12; ++i) {
            if (!u.flags[i].any()) continue;
            ++shown;
            const std::string line = s.format("view360.flag_line", {{"index", std::to_string(i + 1)}, {"problems", problems(s, u.flags[i])}});
            const std::string id = "view360.flag." + std::to_string(i);
            paragraph(id.c_str(), line, left + em(0.75f), width - em(0.75f));
        }
        ImGui::SetCursorPosX(left);
        ButtonOptions primary;
        primary.kind = ButtonKind::Primary;
        if (button("view360.upload_anyway", s.get("view360.upload_anyway"), primary)) panel.uploadAnyway();
        ImGui::SameLine();
        if (button("view360.upload", s.get("view360.upload_other"), secondary)) panel.start();
        ImGui::SameLine();
        ButtonOptions ghost;
        ghost.kind = ButtonKind::Ghost;
        if (button("view360.upload_cancel", s.get("view360.cancel"), ghost)) panel.dismiss();
        break;
    }
    case Phase::Uploading: {
        const float f = u.toSend > 0 ? static_cast<float>(u.sent) / static_cast<float>(u.toSend) : 0.0f;
        const std::string label =
            s.format("view360.upload_sending", {{"sent", std::to_string(u.sent)}, {"total", std::to_string(u.toSend)}});
        progressBar("view360.upload_progress", label, f, std::min(width, em(24)));
        break;
    }
    case Phase::Committing:
        progressBar("view360.upload_progress", s.get("view360.upload_checking"), 1.0f, std::min(width, em(24)));
        break;
    }
    ImGui::Dummy(ImVec2(1, em(0.5f)));
}

} // namespace dongelek::ui
