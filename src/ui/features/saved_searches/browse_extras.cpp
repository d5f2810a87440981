// "Save this search" and the recently viewed strip on the browse screen.

#include "ui/features/saved_searches/browse_extras.hpp"

#include "client/features/browse/browse_module.hpp"
#include "client/features/saved_searches/recently_viewed_module.hpp"
#include "client/features/saved_searches/saved_searches_module.hpp"
#include "core/money.hpp"
#include "core/routes/account_routes.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/screen.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <string>

namespace dongelek::ui {

namespace {

// The save form's UI state: open or not, the name being typed, the alert switch.
struct SaveForm {
    bool open = false;
    std::string name;
    bool alert = true;
    std::string forQuery; // the search the form was opened for (another search closes it)
    std::uint64_t seenSaves = 0;
};
SaveForm& saveForm()
{
    static SaveForm form;
    return form;
}

float drawSaveSearch(UiContext& ui, SavedSearchesModule& saved, const ListingFilter& filter, float x, float y, float width)
{
    AppController& app = ui.app;
    const Strings& s = app.shared().strings;
    const SavedSearchesState& st = saved.state();
    SaveForm& form = saveForm();
    const std::string query = SavedSearchesModule::canonicalQuery(filter);
    if (form.forQuery != query) {
        form.open = false;
        form.forQuery = query;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rowH = tapSize(em(2.25f));
    ButtonOptions o;
    o.kind = ButtonKind::Secondary;
    o.font = Font::Regular;
    o.size = ImVec2(0, rowH);
    ImGui::SetCursorScreenPos(ImVec2(x, y));

    if (!app.session().signedIn()) {
        if (app.session().phase() == SessionPhase::Unknown) return 0; // not known yet: no jump later
        // Signed out: a link to sign in that comes back to this search.
        o.href = SignInRoute{SignInRoute::Method::Password, safeReturnPath(app.current().url())}.url();
        if (button("saved.save", s.get("saved.save"), o)) app.navigate(o.href);
        const float bw = buttonWidth(s.get("saved.save"), o);
        drawText(dl, Font::Small, ImVec2(x + bw + em(0.75f), y + (rowH - em(0.875f)) * 0.5f), color::kTextMuted,
                 ellipsize(Font::Small, s.get("saved.sign_in_hint"), width - bw - em(0.75f)));
        return rowH;
    }

    const SavedSearch* existing = st.findByQuery(query);
    if (existing && !form.open) {
        // Saved already: say so, with the way to the saved searches.
        const std::string text = s.format("saved.is_saved", {{"name", existing->name}});
        const float tw = std::min(textSize(Font::Regular, text).x, width * 0.6f);
        drawIcon(dl, Icon::Check, ImVec2(x + em(0.6f), y + rowH * 0.5f), em(1.0f), color::kAccent);
        drawText(dl, Font::Regular, ImVec2(x + em(1.5f), y + (rowH - em()) * 0.5f), color::kText,
                 ellipsize(Font::Regular, text, width * 0.6f));
        hookRect("saved.is_saved", text, ImVec2(x, y), ImVec2(x + em(1.5f) + tw, y + rowH), nullptr, withRole(Role::Text));
        ButtonOptions link;
        link.kind = ButtonKind::Link;
        link.font = Font::Regular;
        link.size = ImVec2(0, rowH);
        link.href = kSavedSearchesRoute.url();
        ImGui::SetCursorScreenPos(ImVec2(x + em(2.25f) + tw, y));
        if (button("saved.to_list", s.get("saved.to_list"), link)) app.navigate(link.href);
        return rowH;
    }

    if (!form.open) {
        if (button("saved.save", s.get("saved.save"), o)) {
            form.open = true;
            form.alert = true;
            const BrowseModule* browse = app.find<BrowseModule>();
            static const std::vector<MakeInfo> none;
            const auto& makes = browse && browse->state().catalog.makes.has() ? browse->state().catalog.makes.value() : none;
            form.name = SavedSearchesModule::suggestName(filter, makes);
            if (form.name.empty()) form.name = s.get("saved.name.all");
            saved.clearSaveResult();
            form.seenSaves = st.saveCount;
        }
        float used = rowH;
        if (!st.saveError.empty()) {
            drawText(dl, Font::Small, ImVec2(x, y + rowH + em(0.25f)), color::kDanger, s.get(st.saveError.c_str()), width);
            used += em(1.5f);
        }
        return used;
    }

    // The form: name, alert, Save and Cancel, on a white card.
    const float pad = em(1.0f);
    const float cardH = pad * 2 + em(1.25f) + ImGui::GetFrameHeight() + em(0.5f) + tapSize(em(2.0f)) + em(0.5f) + rowH +
                        (st.saveError.empty() ? 0.0f : em(1.75f));
    surface(dl, ImVec2(x, y), ImVec2(x + width, y + cardH), em(0.75f));
    float cy = y + pad;
    drawText(dl, Font::Bold, ImVec2(x + pad, cy), color::kText, s.get("saved.form.title"));
    hookRect("saved.form.title", s.get("saved.form.title"), ImVec2(x + pad, cy), ImVec2(x + width - pad, cy + em(1.25f)),
             nullptr, withRole(Role::Heading));
    cy += em(1.5f);
    FieldOptions fo;
    fo.maxChars = 100;
    fo.label = s.get("saved.form.name");
    ImGui::SetCursorScreenPos(ImVec2(x + pad, cy));
    const FieldEvents ev = formTextField("saved.form.name", s.get("saved.form.name"), form.name, std::min(width - pad * 2, em(26)), fo);
    cy += ImGui::GetFrameHeight() + em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x + pad, cy));
    if (checkbox("saved.form.alert", s.get("saved.form.alert"), form.alert, std::min(width - pad * 2, em(26)))) form.alert = !form.alert;
    cy += tapSize(em(2.0f)) + em(0.5f);
    if (!st.saveError.empty()) {
        drawText(dl, Font::Small, ImVec2(x + pad, cy), color::kDanger, s.get(st.saveError.c_str()), width - pad * 2);
        hookRect("saved.form.error", s.get(st.saveError.c_str()), ImVec2(x + pad, cy), ImVec2(x + width - pad, cy + em(1.25f)),
                 nullptr, withRole(Role::Text));
        cy += em(1.75f);
    }
    ButtonOptions save;
    save.kind = ButtonKind::Primary;
    save.size = ImVec2(0, rowH);
    save.enabled = !st.saving;
    ImGui::SetCursorScreenPos(ImVec2(x + pad, cy));
    const char* saveText = s.get(st.saving ? "saved.form.saving" : "saved.form.save");
    if (button("saved.form.save", saveText, save) || (ev.submitted && !st.saving)) saved.save(filter, form.name, form.alert);
    ButtonOptions cancel;
    cancel.kind = ButtonKind::Ghost;
    cancel.size = ImVec2(0, rowH);
    ImGui::SetCursorScreenPos(ImVec2(x + pad + buttonWidth(saveText, save) + em(0.5f), cy));
    if (button("saved.form.cancel", s.get("saved.cancel"), cancel)) {
        form.open = false;
        saved.clearSaveResult();
    }
    if (st.saveCount != form.seenSaves && st.justSaved) form.open = false; // saved: "Saved" shows instead
    return cardH;
}

float drawRecent(UiContext& ui, RecentlyViewedModule& recent, float x, float y, float width)
{
    const auto& items = recent.items();
    if (items.empty()) return 0;
    const Strings& s = ui.app.shared().strings;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* heading = s.get("recent.title");
    drawText(dl, Font::Bold, ImVec2(x, y + em(0.25f)), color::kText, heading);
    const float hw = textSize(Font::Bold, heading).x;
    hookRect("recent.title", heading, ImVec2(x, y), ImVec2(x + hw, y + em(1.5f)), nullptr, withRole(Role::Heading));
    ButtonOptions clear;
    clear.kind = ButtonKind::Link;
    clear.font = Font::Regular;
    clear.size = ImVec2(0, tapSize(em(1.75f)));
    clear.name = s.get("recent.clear_all");
    // Centred on the heading's line.
    ImGui::SetCursorScreenPos(ImVec2(x + width - buttonWidth(s.get("recent.clear"), clear),
                                     y + em(0.25f) + em(0.5f) - clear.size.y * 0.5f));
    const bool cleared = button("recent.clear", s.get("recent.clear"), clear);
    const float stripTop = y + em(2.0f);
    const float cardW = em(10), photoH = em(6.5f), cardH = photoH + em(2.75f), gap = em(0.75f);
    const float stripW = static_cast<float>(items.size()) * (cardW + gap) - gap;
    const bool scrolls = stripW > width;
    const float stripH = cardH + (scrolls ? em(1.0f) : 0.0f);
    std::int64_t open = 0;
    ImGui::SetCursorScreenPos(ImVec2(x, stripTop));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em(0.5f));
    if (beginScrollRegion("##recent", ImVec2(width, stripH), ScrollKind::Inner, ImGuiChildFlags_None,
                          ImGuiWindowFlags_HorizontalScrollbar)) {
        ImDrawList* sdl = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const RecentListing& r = items[i];
            ImGui::PushID(static_cast<int>(r.id));
            if (i > 0) ImGui::SameLine(0, gap);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const Press press = pressable("##recent.card", ImVec2(cardW, cardH));
            ItemInfo info;
            info.role = Role::Link;
            info.href = ListingRoute{r.id}.url();
            info.detail = formatPrice(s, r.price);
            const std::string title = r.year > 0 ? r.title + ", " + std::to_string(r.year) : r.title;
            hookItem("recent:" + std::to_string(r.id), title, nullptr, info);
            const ImVec2 q(p.x + cardW, p.y + cardH);
            if (ImGui::IsRectVisible(p, q)) {
                surface(sdl, p, q, em(0.5f));
                photo(sdl, ui.textures, r.thumbUrl, p, ImVec2(q.x, p.y + photoH), em(0.5f), ui.app.shared().nowMs,
                      s.get("common.no_photo"));
                drawText(sdl, Font::Small, ImVec2(p.x + em(0.5f), p.y + photoH + em(0.375f)),
                         press.hovered ? color::kAccent : color::kText, ellipsize(Font::Small, title, cardW - em(1)));
                drawText(sdl, Font::Bold, ImVec2(p.x + em(0.5f), p.y + photoH + em(1.4f)), color::kText,
                         ellipsize(Font::Bold, formatPrice(s, r.price), cardW - em(1)));
            }
            if (press.clicked) open = r.id;
            ImGui::PopID();
        }
    }
    endScrollRegion();
    ImGui::PopStyleVar();
    if (cleared) recent.clear();
    else if (open) ui.app.navigate(ListingRoute{open}.url());
    return stripTop - y + stripH;
}

} // namespace

void drawBrowseExtras(UiContext& ui, const ListingFilter& filter, float width)
{
    SavedSearchesModule* saved = ui.app.find<SavedSearchesModule>();
    RecentlyViewedModule* recent = ui.app.find<RecentlyViewedModule>();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float y = start.y;
    if (saved) {
        const float h = drawSaveSearch(ui, *saved, filter, start.x, y, width);
        if (h > 0) y += h + em(1.0f);
    }
    if (recent) {
        const float h = drawRecent(ui, *recent, start.x, y, width);
        if (h > 0) y += h + em(1.0f);
    }
    ImGui::SetCursorScreenPos(start);
    if (y > start.y) ImGui::Dummy(ImVec2(width, y - start.y));
}

} // namespace dongelek::ui
