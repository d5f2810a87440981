#include "ui/features/favorites/favorites_screen.hpp"

#include "ui/top_bar.hpp"

#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/style.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <cstdlib>

namespace dongelek::ui {

FavoritesScreen::FavoritesScreen(UiContext& ui, FavoritesModule& module)
    : Screen(ui, module, "title.favorites_window", "screen.favorites"), m_module(module)
{
    // Also in the account menu: on a phone the top bar's heart gives way to the search.
    ui.topBar.addAccountLink({"account.menu.favorites", "topbar.favorites", "/favorites"});
}

void FavoritesScreen::drawContent()
{
    const Strings& s = strings();
    const FavoritesState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##favorites.scroll", ImVec2(display.x, display.y - top), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    const float x0 = layout.left;
    float y = ImGui::GetCursorScreenPos().y + em(1.25f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 hs = heading("favorites.heading", s.get("favorites.heading"), ImVec2(x0, y));
    if (!st.items.empty()) {
        const std::string count = formatCount(s, "favorites.count", static_cast<std::int64_t>(st.items.size()));
        drawText(dl, Font::Regular, ImVec2(x0 + hs.x + em(0.75f), y + hs.y - em(1.4f)), color::kTextMuted, count);
    }
    y += hs.y + em(0.5f);
    if (!st.account && !st.items.empty()) {
        const char* note = s.get("favorites.device_note");
        drawText(dl, Font::Small, ImVec2(x0, y), color::kTextMuted, note, layout.width);
        hookRect("favorites.device_note", note, ImVec2(x0, y), ImVec2(x0 + layout.width, y + em(1.25f)), nullptr,
                 withRole(Role::Text));
        y += textSize(Font::Small, note, layout.width).y + em(0.5f);
    }
    if (!st.notice.empty()) {
        const char* notice = s.get(st.notice.c_str());
        drawText(dl, Font::Small, ImVec2(x0, y), color::kDanger, notice, layout.width);
        hookRect("favorites.notice", notice, ImVec2(x0, y), ImVec2(x0 + layout.width, y + em(1.25f)), nullptr,
                 withRole(Role::Text));
        y += em(1.5f);
    }
    y += em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    const ImVec2 avail(layout.width, std::max(em(12), display.y - y - em(2)));
    const Status status = m_module.status();
    std::int64_t open = 0;
    if (status == Status::Error) {
        const RequestError& e = st.list.error();
        if (errorPanel(s, errorMessage(s, e, false), errorHint(s, e), avail)) m_ui.app.retry();
    } else if (status == Status::Loading) {
        spinnerBlock("spinner", avail, shared().nowMs);
    } else if (status == Status::Empty) {
        const char* title = s.get("favorites.empty.title");
        const char* hint = s.get("favorites.empty.hint");
        const float cy = y + em(3);
        drawIcon(dl, Icon::Heart, ImVec2(x0 + layout.width * 0.5f, cy), em(3), color::kTextSubtle);
        const ImVec2 ts = textSize(Font::Heading, title);
        drawText(dl, Font::Heading, ImVec2(x0 + (layout.width - ts.x) * 0.5f, cy + em(2.5f)), color::kText, title);
        hookRect("empty", title, ImVec2(x0, cy + em(2.5f)), ImVec2(x0 + layout.width, cy + em(4)), nullptr,
                 withRole(Role::Text));
        const ImVec2 hsz = textSize(Font::Regular, hint, layout.width);
        drawText(dl, Font::Regular, ImVec2(x0 + std::max(0.0f, (layout.width - hsz.x) * 0.5f), cy + em(4.5f)),
                 color::kTextMuted, hint, layout.width);
        ButtonOptions b;
        b.kind = ButtonKind::Primary;
        b.href = "/";
        const char* all = s.get("listing.browse_all");
        ImGui::SetCursorScreenPos(ImVec2(x0 + (layout.width - buttonWidth(all, b)) * 0.5f, cy + em(6.5f)));
        if (button("favorites.browse", all, b)) m_ui.app.navigate("/");
        ImGui::SetCursorScreenPos(ImVec2(x0, cy + em(9)));
        ImGui::Dummy(ImVec2(1, 1));
    } else {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em(0.5f), em(0.75f)));
        for (const Favorite& f : st.items) {
            ImGui::PushID(static_cast<int>(f.listingId));
            if (const std::int64_t id = drawRow(f, layout.width, layout.width < em(36))) open = id;
            ImGui::PopID();
        }
        ImGui::PopStyleVar();
        ImGui::Dummy(ImVec2(1, em(2)));
    }
    endScrollRegion();
    if (open) m_ui.app.navigate(ListingRoute{open}.url());
}

std::int64_t FavoritesScreen::drawRow(const Favorite& f, float width, bool narrow)
{
    const Strings& s = strings();
    const float pad = narrow ? em(0.75f) : em(1.0f);
    const float thumbW = narrow ? std::min(em(8), width * 0.34f) : em(10);
    const float thumbH = std::round(thumbW * 0.75f);
    const float h = thumbH + pad * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + h);
    const bool gone = f.status == ListingStatus::Removed || !f.listing;
    const std::string title = f.listing ? f.listing->title : s.format("favorites.unknown_title", {{"id", std::to_string(f.listingId)}});

    // The heart first: it sits over the row and must win the press.
    ListingSummary summary = f.listing.value_or(ListingSummary{});
    summary.id = f.listingId;
    if (summary.title.empty()) summary.title = title;
    const float d = tapSize(em(2.25f));
    ToggleOptions heart;
    heart.overlay = true;
    heart.onColor = color::kDanger;
    if (toggleButton(("favorite:" + std::to_string(f.listingId)).c_str(), Icon::Heart, true,
                     s.format("favorites.toggle.remove", {{"title", title}}), ImVec2(max.x - pad - d, pos.y + pad), heart))
        m_module.remove(f.listingId);

    const Press press = pressable("##row", ImVec2(width, h), !gone);
    ItemInfo info;
    info.role = gone ? Role::Text : Role::Link;
    if (!gone) info.href = ListingRoute{f.listingId}.url();
    const std::string price = formatPrice(s, f.price);
    const int pct = priceChangePercent(f);
    std::string change;
    if (f.price.amountMinor != f.savedPrice.amountMinor && f.price.currency == f.savedPrice.currency)
        change = s.format(pct < 0 ? "favorites.change.down" : "favorites.change.up",
                          {{"percent", std::to_string(std::abs(pct))}, {"price", formatPrice(s, f.savedPrice)}});
    else
        change = s.get("favorites.unchanged");
    const char* badge = f.status == ListingStatus::Sold      ? s.get("favorites.sold")
                        : f.status == ListingStatus::Removed ? s.get("favorites.removed")
                                                             : "";
    info.detail = price + ", " + change + (*badge ? std::string(", ") + badge : std::string());
    hookItem("saved:" + std::to_string(f.listingId), title, nullptr, info);
    if (!ImGui::IsRectVisible(pos, max)) return 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    surface(dl, pos, max, em(0.75f), press.hovered && !gone);
    const bool dim = f.status != ListingStatus::Active;
    if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.6f);
    const ImVec2 tmin(pos.x + pad, pos.y + pad), tmax(pos.x + pad + thumbW, pos.y + pad + thumbH);
    photo(dl, m_ui.textures, f.listing ? f.listing->thumbUrl : std::string(), tmin, tmax, em(0.5f), shared().nowMs,
          s.get("common.no_photo"));
    const float x = tmax.x + (narrow ? em(0.75f) : em(1.25f));
    const float textW = max.x - pad - d - em(0.5f) - x;
    float y = pos.y + pad - 2;
    drawText(dl, narrow ? Font::Bold : Font::Heading, ImVec2(x, y), press.hovered && !gone ? color::kAccent : color::kText,
             ellipsize(narrow ? Font::Bold : Font::Heading, title, textW));
    y += narrow ? em(1.5f) : em(1.875f);
    drawText(dl, Font::Large, ImVec2(x, y), color::kText, ellipsize(Font::Large, price, textW));
    y += em(1.75f);
    const ImU32 changeColor = pct < 0 ? IM_COL32(21, 128, 61, 255) : pct > 0 ? color::kDanger : color::kTextMuted;
    drawText(dl, Font::Small, ImVec2(x, y), changeColor, ellipsize(Font::Small, change, textW));
    y += em(1.375f);
    if (dim) ImGui::PopStyleVar();
    if (*badge) {
        chip(dl, ImVec2(x, y), badge, color::kDangerSoft, color::kDanger);
    } else if (f.listing && !narrow) {
        const std::string saved = s.format("favorites.saved_on", {{"date", formatDate(s, f.savedAt)}});
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextSubtle, ellipsize(Font::Small, saved, textW));
    }
    return press.clicked && !gone ? f.listingId : 0;
}

} // namespace dongelek::ui
