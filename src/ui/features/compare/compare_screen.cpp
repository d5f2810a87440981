#include "ui/features/compare/compare_screen.hpp"

#include "core/routes/favorites_routes.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/style.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

namespace dongelek::ui {

namespace {

std::string cell(const Strings& s, CompareField f, const ListingDetails& d)
{
    switch (f) {
    case CompareField::Price: return formatPrice(s, d.summary.price);
    case CompareField::Year: return std::to_string(d.summary.year);
    case CompareField::Mileage: return formatKm(s, d.summary.mileageKm);
    case CompareField::Engine: {
        const std::string e = formatEngine(s, d.engineLitres);
        return e.empty() ? std::string(s.get("compare.value.electric")) : e;
    }
    case CompareField::Power: return s.format("compare.value.hp", {{"hp", std::to_string(d.powerHp)}});
    case CompareField::Fuel: return label(s, d.summary.fuel);
    case CompareField::Transmission: return label(s, d.summary.transmission);
    case CompareField::Drive: return label(s, d.drive);
    case CompareField::Body: return label(s, d.summary.body);
    case CompareField::Color: return colorName(s, d.color);
    case CompareField::Owners:
        return d.owners == 0 ? std::string(s.get("compare.value.no_owners")) : formatCount(s, "compare.value.owners", d.owners);
    case CompareField::Accidents:
        return d.accidents == 0 ? std::string(s.get("compare.value.no_accidents"))
                                : formatCount(s, "compare.value.accidents", d.accidents);
    case CompareField::Customs: return s.get(d.customsCleared ? "compare.value.cleared" : "compare.value.not_cleared");
    case CompareField::City: return cityName(s, d.summary.city);
    case CompareField::Seller: return d.seller.name + " \xC2\xB7 " + label(s, d.seller.kind);
    case CompareField::Checks: {
        std::string out;
        if (d.summary.vinVerified) out = s.get("browse.badge.vin");
        if (d.summary.sellerVerified) out += (out.empty() ? "" : " \xC2\xB7 ") + std::string(s.get("browse.badge.verified_seller"));
        return out.empty() ? std::string(s.get("compare.value.no_checks")) : out;
    }
    }
    return {};
}

} // namespace

CompareScreen::CompareScreen(UiContext& ui, CompareModule& module)
    : Screen(ui, module, "title.compare_window", "screen.compare"), m_module(module)
{
    Screen::addOverlay([&module](UiContext& ctx) { drawTray(ctx, module); });
}

void CompareScreen::drawContent()
{
    const Strings& s = strings();
    const CompareState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##compare.scroll", ImVec2(display.x, display.y - top), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    const float x0 = layout.left;
    float y = ImGui::GetCursorScreenPos().y + em(1.25f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 hs = heading("compare.heading", s.get("compare.heading"), ImVec2(x0, y));
    y += hs.y + em(0.75f);

    const Status status = m_module.status();
    const ImVec2 avail(layout.width, std::max(em(12), display.y - y - em(2)));
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (status == Status::Error) {
        const RequestError& e = st.comparison.error();
        if (errorPanel(s, errorMessage(s, e, false), errorHint(s, e), avail)) m_ui.app.retry();
    } else if (status == Status::Loading && !st.comparison.has()) {
        spinnerBlock("spinner", avail, shared().nowMs);
    } else if (status == Status::Empty) {
        const char* title = s.get("compare.empty.title");
        const char* hint = s.get("compare.empty.hint");
        drawIcon(dl, Icon::Compare, ImVec2(x0 + layout.width * 0.5f, y + em(2.5f)), em(3), color::kTextSubtle);
        const ImVec2 ts = textSize(Font::Heading, title);
        drawText(dl, Font::Heading, ImVec2(x0 + (layout.width - ts.x) * 0.5f, y + em(4.75f)), color::kText, title);
        hookRect("empty", title, ImVec2(x0, y + em(4.75f)), ImVec2(x0 + layout.width, y + em(6.25f)), nullptr,
                 withRole(Role::Text));
        const ImVec2 hsz = textSize(Font::Regular, hint, layout.width);
        drawText(dl, Font::Regular, ImVec2(x0 + std::max(0.0f, (layout.width - hsz.x) * 0.5f), y + em(6.75f)),
                 color::kTextMuted, hint, layout.width);
        ButtonOptions b;
        b.kind = ButtonKind::Primary;
        b.href = "/";
        const char* all = s.get("listing.browse_all");
        ImGui::SetCursorScreenPos(ImVec2(x0 + (layout.width - buttonWidth(all, b)) * 0.5f, y + em(9)));
        if (button("compare.browse", all, b)) m_ui.app.navigate("/");
        ImGui::Dummy(ImVec2(1, em(3)));
    } else if (st.comparison.has()) {
        // Differences only: a toggle button.
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        o.selected = st.differencesOnly;
        o.hasIcon = st.differencesOnly;
        o.icon = Icon::Check;
        o.font = Font::Regular;
        const char* diff = s.get("compare.differences_only");
        if (button("compare.differences", diff, o)) m_module.setDifferencesOnly(!st.differencesOnly);
        y += ImGui::GetFrameHeight() + em(0.75f);
        const std::vector<std::int64_t>& unknown = st.comparison.value().unknownIds;
        if (!unknown.empty()) {
            const std::string note = formatCount(s, "compare.unknown", static_cast<std::int64_t>(unknown.size()));
            drawText(dl, Font::Small, ImVec2(x0, y), color::kTextMuted, note);
            hookRect("compare.unknown", note, ImVec2(x0, y), ImVec2(x0 + layout.width, y + em(1.25f)), nullptr,
                     withRole(Role::Text));
            y += em(1.75f);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        drawTable(st.comparison.value(), layout.width);
        ImGui::Dummy(ImVec2(1, em(2)));
    }
    endScrollRegion();
}

void CompareScreen::drawTable(const Comparison& c, float width)
{
    const Strings& s = strings();
    const CompareState& st = m_module.state();
    const std::vector<CompareRow> rows = compareRows(c.items);
    const bool narrow = width < em(36);
    const float labelW = narrow ? em(7.5f) : em(10);
    const float colW = narrow ? em(10) : std::max(em(11), std::min(em(16), (width - labelW) / float(c.items.size())));
    const float headH = narrow ? em(10.5f) : em(12);
    const float rowH = em(2.5f);
    std::vector<const CompareRow*> shown;
    for (const CompareRow& r : rows)
        if (!st.differencesOnly || r.differs) shown.push_back(&r);
    const float tableH = headH + rowH * float(shown.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    surface(dl, pos, ImVec2(pos.x + width, pos.y + tableH + em(0.5f)), em(0.75f));

    // The first column stays: the row names, outside the sideways region.
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const float ry = pos.y + headH + rowH * float(i);
        if (i % 2 == 0) dl->AddRectFilled(ImVec2(pos.x + 1, ry), ImVec2(pos.x + width - 1, ry + rowH), col(color::kChip));
        const char* name = s.get(labelKey(shown[i]->field));
        drawText(dl, Font::Small, ImVec2(pos.x + em(0.75f), ry + (rowH - em(1.1f)) * 0.5f), color::kTextMuted,
                 ellipsize(Font::Small, name, labelW - em(1)));
        hookRect(std::string("compare.row:") + (labelKey(shown[i]->field) + 12), name, ImVec2(pos.x, ry),
                 ImVec2(pos.x + labelW, ry + rowH), nullptr, withRole(Role::Text));
    }

    // The cars, side by side; sideways scrolling when they do not fit.
    const float regionW = width - labelW;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + labelW, pos.y));
    const float contentW = colW * float(c.items.size());
    std::int64_t open = 0, drop = 0;
    if (beginScrollRegion("##compare.columns", ImVec2(regionW, tableH + (contentW > regionW ? em(0.75f) : 0.0f)),
                          ScrollKind::Inner, ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar)) {
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t ci = 0; ci < c.items.size(); ++ci) {
            const ListingDetails& d = c.items[ci];
            const float cx = origin.x + colW * float(ci);
            const float pad = em(0.5f);
            ImGui::PushID(static_cast<int>(d.summary.id));
            const std::string id = std::to_string(d.summary.id);
            // Remove (over the photo, so hooked first), then the photo and title as one link.
            ToggleOptions rm;
            rm.overlay = true;
            rm.size = em(2);
            if (toggleButton(("compare.remove:" + id).c_str(), Icon::Close, false,
                             s.format("compare.remove", {{"title", d.summary.title}}),
                             ImVec2(cx + colW - pad - tapSize(em(2)), origin.y + pad), rm))
                drop = d.summary.id;
            ImGui::SetCursorScreenPos(ImVec2(cx + pad, origin.y + pad));
            const float photoW = colW - pad * 2;
            const float photoH = std::round(photoW * 0.6f);
            const Press press = pressable("##col", ImVec2(photoW, headH - pad * 2));
            ItemInfo link;
            link.role = Role::Link;
            link.href = ListingRoute{d.summary.id}.url();
            hookItem("compare.car:" + id, d.summary.title, nullptr, link);
            if (press.clicked) open = d.summary.id;
            photo(cdl, m_ui.textures, d.summary.thumbUrl, ImVec2(cx + pad, origin.y + pad),
                  ImVec2(cx + pad + photoW, origin.y + pad + photoH), em(0.5f), shared().nowMs, s.get("common.no_photo"));
            const std::string title = d.summary.title;
            drawText(cdl, Font::Bold, ImVec2(cx + pad, origin.y + pad + photoH + em(0.375f)),
                     press.hovered ? color::kAccent : color::kText, title, photoW);
            ImGui::PopID();
            for (std::size_t ri = 0; ri < shown.size(); ++ri) {
                const float ry = origin.y + headH + rowH * float(ri);
                if (ri % 2 == 0) cdl->AddRectFilled(ImVec2(cx, ry), ImVec2(cx + colW, ry + rowH), col(color::kChip));
                const bool best = shown[ri]->best[ci];
                const std::string value = cell(s, shown[ri]->field, d);
                if (best)
                    cdl->AddRectFilled(ImVec2(cx + em(0.25f), ry + em(0.25f)), ImVec2(cx + colW - em(0.25f), ry + rowH - em(0.25f)),
                                       col(IM_COL32(220, 252, 231, 255)), em(0.375f));
                const Font f = best ? Font::Bold : Font::Regular;
                drawText(cdl, f, ImVec2(cx + pad, ry + (rowH - em(1.2f)) * 0.5f),
                         best ? IM_COL32(21, 128, 61, 255) : color::kText, ellipsize(f, value, colW - pad * 2));
                ItemInfo cellInfo = withRole(Role::Text);
                if (best) cellInfo.detail = s.get("compare.best");
                hookRect("compare.cell:" + id + ":" + (labelKey(shown[ri]->field) + 12), value, ImVec2(cx, ry),
                         ImVec2(cx + colW, ry + rowH), nullptr, cellInfo);
            }
        }
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(contentW, tableH));
    }
    endScrollRegion();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + tableH + em(0.5f) + (contentW > regionW ? em(0.75f) : 0.0f)));
    ImGui::Dummy(ImVec2(width, 1));
    if (drop) m_module.remove(drop);
    if (open) m_ui.app.navigate(ListingRoute{open}.url());
}

// [SECTION] The tray

void CompareScreen::drawTray(UiContext& ui, CompareModule& module)
{
    const CompareState& st = module.state();
    if (st.selected.empty() || ui.app.isCurrent(module)) return;
    const Strings& s = ui.app.shared().strings;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float barH = tapSize(em(2.5f)) + em(1.0f) + (st.limitReached ? em(1.75f) : 0.0f);
    reserveBottom(barH);
    ImGui::SetNextWindowPos(ImVec2(0, display.y - barH));
    ImGui::SetNextWindowSize(ImVec2(display.x, barH));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (ImGui::Begin("##compare.tray", nullptr, kFlags)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float y0 = display.y - barH;
        dl->AddLine(ImVec2(0, y0), ImVec2(display.x, y0), col(color::kBorder), 1.0f);
        float y = y0 + em(0.5f);
        if (st.limitReached) {
            const std::string msg = s.format("compare.limit", {{"max", std::to_string(CompareModule::kMax)}});
            drawText(dl, Font::Small, ImVec2(layout.left, y), color::kDanger, ellipsize(Font::Small, msg, layout.width));
            hookRect("compare.limit", msg, ImVec2(layout.left, y), ImVec2(layout.left + layout.width, y + em(1.25f)),
                     nullptr, withRole(Role::Text));
            y += em(1.75f);
        }
        const float btnH = tapSize(em(2.5f));
        ButtonOptions go;
        go.kind = ButtonKind::Primary;
        go.href = module.compareUrl();
        go.size = ImVec2(0, btnH);
        go.enabled = st.selected.size() >= 2;
        const std::string goText = s.format("compare.go", {{"count", std::to_string(st.selected.size())}});
        const float goW = buttonWidth(goText, go);
        ImGui::SetCursorScreenPos(ImVec2(layout.left + layout.width - goW, y));
        if (button("compare.go", goText, go)) ui.app.navigate(module.compareUrl());
        // The picked cars as chips with a remove button each; on phones only the count.
        const float chipsRight = layout.left + layout.width - goW - em(0.75f);
        float x = layout.left;
        const bool tiny = layout.width < em(30);
        if (tiny) {
            const std::string n = formatCount(s, "compare.picked", static_cast<std::int64_t>(st.selected.size()));
            drawText(dl, Font::Regular, ImVec2(x, y + (btnH - em(1.25f)) * 0.5f), color::kText, n);
        }
        std::int64_t drop = 0;
        ButtonOptions clear;
        clear.kind = ButtonKind::Ghost;
        clear.font = Font::Regular;
        clear.size = ImVec2(0, btnH);
        const char* clearText = s.get("compare.clear");
        const float clearW = buttonWidth(clearText, clear);
        for (const ListingSummary& l : st.selected) {
            if (tiny) break;
            const std::string name = ellipsize(Font::Small, l.make + " " + l.model, em(8));
            const float w = textSize(Font::Small, name).x + em(0.75f) + tapSize(em(1.75f));
            if (x + w > chipsRight - clearW) break;
            dl->AddRectFilled(ImVec2(x, y + em(0.25f)), ImVec2(x + w, y + btnH - em(0.25f)), col(color::kChip), em(0.5f));
            drawText(dl, Font::Small, ImVec2(x + em(0.5f), y + (btnH - em(1.1f)) * 0.5f), color::kText, name);
            ToggleOptions rm;
            rm.size = em(1.75f);
            const std::string id = "compare.tray.remove:" + std::to_string(l.id);
            if (toggleButton(id.c_str(), Icon::Close, false, s.format("compare.remove", {{"title", l.title}}),
                             ImVec2(x + w - tapSize(em(1.75f)), y + (btnH - tapSize(em(1.75f))) * 0.5f), rm))
                drop = l.id;
            x += w + em(0.5f);
        }
        ImGui::SetCursorScreenPos(ImVec2(tiny ? chipsRight - clearW : x, y));
        if (button("compare.clear", clearText, clear)) module.clear();
        if (drop) module.remove(drop);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

} // namespace dongelek::ui
