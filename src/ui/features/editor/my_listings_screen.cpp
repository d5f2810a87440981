#include "ui/features/editor/my_listings_screen.hpp"

#include "core/routes/editor_routes.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/features/editor/editor_screen.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/top_bar.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace dongelek::ui {

using namespace finance_ui;

MyListingsScreen::MyListingsScreen(UiContext& ui, MyListingsModule& module)
    : Screen(ui, module, "title.dashboard_window", "screen.dashboard"), m_module(module)
{
    ui.topBar.addAccountLink({"account.menu.listings", "dashboard.title", MyListingsRoute{}.url()});
    ui.topBar.addAccountLink({"account.menu.sell", "dashboard.sell", EditorRoute{}.url()});
}

std::string MyListingsScreen::errorText() const { return errorMessage(strings(), m_module.error(), false); }

void MyListingsScreen::drawContent()
{
    const Strings& s = strings();
    const MyListingsState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##dashboard.scroll", ImVec2(display.x, display.y - top), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    const float width = std::min(layout.width, em(52));
    const float x0 = layout.left + (layout.width - width) * 0.5f;
    const float y0 = ImGui::GetCursorScreenPos().y + em(0.75f);
    float y = y0;
    y += heading("dashboard.heading", s.get("dashboard.heading"), ImVec2(x0, y)).y + em(0.75f);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ButtonOptions sell;
    sell.kind = ButtonKind::Primary;
    sell.href = EditorRoute{}.url();
    if (button("dashboard.sell", s.get("dashboard.sell"), sell)) m_ui.app.navigate(sell.href);
    y = ImGui::GetItemRectMax().y + em(1.0f);
    const ImVec2 avail(width, std::max(em(10), display.y - y - em(2)));
    if (m_module.status() == Status::Error) {
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        if (errorPanel(s, errorText(), errorHint(s, m_module.error()), avail)) m_ui.app.retry();
        y += avail.y;
    } else if (m_module.status() == Status::Loading) {
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        spinnerBlock("dashboard.loading", ImVec2(width, em(8)), shared().nowMs);
        y += em(8);
    } else if (m_module.status() == Status::Empty) {
        y += textBlock("dashboard.empty", s.get("dashboard.empty"), ImVec2(x0, y), width, Font::Regular, color::kTextMuted) +
             em(1.0f);
    } else {
        if (st.actionError.kind != ErrorKind::None)
            y += textBlock("dashboard.error", errorMessage(s, st.actionError, false), ImVec2(x0, y), width, Font::Bold, kDangerText) +
                 em(0.75f);
        if (st.drafts.has() && !st.drafts.value().empty()) {
            y += heading("dashboard.drafts", s.get("dashboard.drafts"), ImVec2(x0, y), Font::Heading).y + em(0.5f);
            for (const DraftItem& d : st.drafts.value())
                y += drawDraft(d, x0, y, width) + em(0.75f);
            y += em(0.5f);
        }
        if (st.listings.has() && !st.listings.value().empty()) {
            y += heading("dashboard.listings", s.get("dashboard.listings"), ImVec2(x0, y), Font::Heading).y + em(0.5f);
            for (const OwnListingItem& l : st.listings.value())
                y += drawListing(l, x0, y, width) + em(0.75f);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y0));
    ImGui::Dummy(ImVec2(width, y - y0 + em(1.0f)));
    endScrollRegion();
}

float MyListingsScreen::drawDraft(const DraftItem& d, float x, float y, float width)
{
    const Strings& s = strings();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    CardBlock card(width);
    const std::string id = "dashboard.draft:" + std::to_string(d.id);
    const std::string title = d.listingId ? s.format("dashboard.draft.edit", {{"title", d.title}})
                                          : d.title.empty() ? std::string(s.get("dashboard.draft.new"))
                                                            : s.format("dashboard.draft.of", {{"title", d.title}});
    card.y += textBlock((id + ".title").c_str(), title, ImVec2(card.x, card.y), card.w, Font::Bold, color::kText) + em(0.25f);
    const std::string detail =
        s.format("dashboard.draft.updated", {{"date", formatDate(s, d.updatedAt)}}) + " \xC2\xB7 " +
        (d.errors ? formatCount(s, "dashboard.draft.missing", d.errors) : std::string(s.get("dashboard.draft.ready")));
    card.y += textBlock((id + ".detail").c_str(), detail, ImVec2(card.x, card.y), card.w, Font::Small, color::kTextMuted) +
              em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(card.x, card.y));
    EditorRoute r;
    r.draftId = d.id;
    ButtonOptions go;
    go.kind = ButtonKind::Primary;
    go.href = r.url();
    if (button((id + ".continue").c_str(), s.get("dashboard.draft.continue"), go)) m_ui.app.navigate(go.href);
    const float bx = ImGui::GetItemRectMax().x + em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(bx, card.y));
    if (button((id + ".discard").c_str(), s.get("dashboard.draft.discard"))) m_module.discardDraft(d.id);
    card.y = ImGui::GetItemRectMax().y;
    return card.finish();
}

float MyListingsScreen::drawListing(const OwnListingItem& l, float x, float y, float width)
{
    const Strings& s = strings();
    const MyListingsState& st = m_module.state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    CardBlock card(width);
    const std::string id = "dashboard.listing:" + std::to_string(l.id);
    const float thumbW = std::min(em(8), card.w * 0.35f), thumbH = thumbW * 0.75f;
    const ImVec2 tmin(card.x, card.y), tmax(card.x + thumbW, card.y + thumbH);
    photo(dl, m_ui.textures, l.thumbUrl, tmin, tmax, em(0.375f), shared().nowMs, s.get("common.no_photo"));
    const float tx = card.x + thumbW + em(0.75f), tw = card.w - thumbW - em(0.75f);
    float ty = card.y;
    ImGui::SetCursorScreenPos(ImVec2(tx, ty));
    ButtonOptions open;
    open.kind = ButtonKind::Link;
    open.href = ListingRoute{l.id}.url();
    if (button((id + ".open").c_str(), ellipsize(Font::Bold, l.title + " " + std::to_string(l.year), tw), open))
        m_ui.app.navigate(open.href);
    ty = ImGui::GetItemRectMax().y + em(0.25f);
    ty += textBlock((id + ".price").c_str(), formatPrice(s, l.price), ImVec2(tx, ty), tw, Font::Bold, color::kText) + em(0.25f);
    const std::string status = s.get(("dashboard.status." + l.status).c_str());
    const std::string facts = status + " \xC2\xB7 " + formatCount(s, "dashboard.days", l.daysOnMarket) + " \xC2\xB7 " +
                              formatCount(s, "dashboard.photos", l.photoCount);
    const std::string counts = formatCount(s, "dashboard.views", l.views) + " \xC2\xB7 " +
                               formatCount(s, "dashboard.favorites", l.favorites) + " \xC2\xB7 " +
                               formatCount(s, "dashboard.contacts", l.contacts);
    ty += textBlock((id + ".status").c_str(), facts, ImVec2(tx, ty), tw, Font::Small,
                    l.status == "published" ? color::kTextMuted : kInterest) +
          em(0.25f);
    ty += textBlock((id + ".counts").c_str(), counts, ImVec2(tx, ty), tw, Font::Small, color::kTextMuted) + em(0.5f);
    card.y = std::max(tmax.y, ty) + em(0.25f);
    // What can be done with it, wrapping on phones.
    float bx = card.x;
    float rowY = card.y;
    const bool working = st.working == l.id;
    const auto action = [&](const char* suffix, const std::string& text, ButtonKind kind = ButtonKind::Secondary) {
        ButtonOptions o;
        o.kind = kind;
        o.font = Font::Small;
        o.enabled = !working;
        o.name = text + ": " + l.title;
        const float bw = buttonWidth(text, o);
        if (bx > card.x && bx + bw > card.x + card.w) {
            bx = card.x;
            rowY = ImGui::GetItemRectMax().y + em(0.375f);
        }
        ImGui::SetCursorScreenPos(ImVec2(bx, rowY));
        const bool pressed = button((id + "." + suffix).c_str(), text, o);
        bx += bw + em(0.375f);
        return pressed;
    };
    if (st.confirmDelete == l.id) {
        const float h = textBlock((id + ".confirm").c_str(), s.get("dashboard.delete.confirm"), ImVec2(card.x, rowY), card.w, Font::Bold, kDangerText);
        rowY += h + em(0.375f);
        if (action("delete.yes", s.get("dashboard.delete.yes"), ButtonKind::Primary)) m_module.confirmDelete();
        if (action("delete.no", s.get("dashboard.delete.no"))) m_module.cancelDelete();
    } else {
        if (action("edit", s.get("dashboard.action.edit"))) m_module.edit(l.id);
        if (l.status == "published") {
            if (action("unpublish", s.get("dashboard.action.unpublish"))) m_module.setStatus(l.id, "unpublished");
            if (action("sold", s.get("dashboard.action.sold"))) m_module.setStatus(l.id, "sold");
        } else if (action("publish", s.get("dashboard.action.publish"))) {
            m_module.setStatus(l.id, "published");
        }
        if (action("delete", s.get("dashboard.action.delete"))) m_module.askDelete(l.id);
    }
    card.y = ImGui::GetItemRectMax().y;
    return card.finish();
}

} // namespace dongelek::ui
