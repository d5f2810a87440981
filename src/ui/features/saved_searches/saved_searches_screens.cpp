// The saved searches and notifications screens, and the top bar's bell.

// [SECTION] Index
// - Pieces (the bell, waiting states)
// - Saved searches
// - Notifications

#include "ui/features/saved_searches/saved_searches_screens.hpp"

#include "client/features/account/account_text.hpp"
#include "core/money.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/features/account/account_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/top_bar.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dongelek::ui {

using account::Column;
using account::FormLayout;

namespace {

// [SECTION] Pieces (the bell, waiting states)

double epochSeconds()
{
    using namespace std::chrono;
    return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

// A bell drawn with lines (the icon set has none).
void drawBell(ImDrawList* dl, ImVec2 c, float size, ImU32 color)
{
    const float w = size * 0.36f, top = c.y - size * 0.40f, rim = c.y + size * 0.22f;
    const float t = std::max(1.5f, size * 0.09f);
    dl->PathArcTo(ImVec2(c.x, top + w), w, 3.14159f, 2 * 3.14159f, 12);
    dl->PathLineTo(ImVec2(c.x + w, rim - size * 0.08f));
    dl->PathLineTo(ImVec2(c.x + w + size * 0.1f, rim));
    dl->PathLineTo(ImVec2(c.x - w - size * 0.1f, rim));
    dl->PathLineTo(ImVec2(c.x - w, rim - size * 0.08f));
    dl->PathStroke(color, ImDrawFlags_Closed, t);
    dl->AddLine(ImVec2(c.x, top - size * 0.06f), ImVec2(c.x, top + size * 0.02f), color, t);
    dl->PathArcTo(ImVec2(c.x, rim + size * 0.04f), size * 0.12f, 0, 3.14159f, 8);
    dl->PathStroke(color, 0, t);
}

// The bell: a link to the notifications with the unread count on it, for signed-in users only.
float drawBellItem(UiContext& ui, float right, float cy, bool, bool measureOnly)
{
    AppController& app = ui.app;
    const NotificationsModule* notes = app.find<NotificationsModule>();
    if (!notes || !app.session().signedIn()) return 0;
    const float size = tapSize(em(2.5f));
    if (measureOnly) return size;
    const Strings& s = app.shared().strings;
    const std::int64_t unread = notes->state().unread;
    ButtonOptions o;
    o.kind = ButtonKind::Ghost;
    o.size = ImVec2(size, size);
    o.href = kNotificationsRoute.url();
    o.selected = app.isCurrent(*notes);
    o.name = unread > 0 ? formatCount(s, "notifications.bell_unread", unread) : std::string(s.get("notifications.bell"));
    const ImVec2 pos(right - size, cy - size * 0.5f);
    ImGui::SetCursorScreenPos(pos);
    if (button("notifications.bell", "", o)) app.navigate(o.href);
    tooltip(o.name.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    drawBell(dl, ImVec2(pos.x + size * 0.5f, cy), em(1.35f), col(color::kText));
    if (unread > 0) {
        const std::string n = unread > 99 ? "99+" : std::to_string(unread);
        const ImVec2 ts = textSize(Font::Small, n);
        const float bh = em(1.1f), bw = std::max(bh, ts.x + em(0.5f));
        const ImVec2 bmin(pos.x + size * 0.5f + em(0.15f), cy - em(1.05f));
        dl->AddRectFilled(bmin, ImVec2(bmin.x + bw, bmin.y + bh), col(color::kDanger), bh * 0.5f);
        drawText(dl, Font::Small, ImVec2(bmin.x + (bw - ts.x) * 0.5f, bmin.y + (bh - ts.y) * 0.5f), col(IM_COL32_WHITE), n);
    }
    return size;
}

// Spinner or error with Retry while the page has nothing to show yet; true when drawn.
bool drawWaiting(UiContext& ui, const Strings& s, const Module& m, const Column& c, FormLayout& f, double now)
{
    if (m.status() == Status::Error) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, f.y()));
        if (errorPanel(s, errorMessage(s, m.error(), false), errorHint(s, m.error()), ImVec2(c.width, em(20))))
            ui.app.retry();
        f.gap(22);
        return true;
    }
    if (m.status() == Status::Loading || m.status() == Status::Idle) {
        spinner("spinner", ImVec2(c.x + c.width * 0.5f, f.y() + em(3)), em(1.25f), now);
        f.gap(6);
        return true;
    }
    return false;
}

void separator(ImDrawList* dl, const FormLayout& f)
{
    dl->AddLine(ImVec2(f.x(), f.y() - em(0.375f)), ImVec2(f.x() + f.width(), f.y() - em(0.375f)), col(color::kBorder));
}

} // namespace

// [SECTION] Saved searches

SavedSearchesScreen::SavedSearchesScreen(UiContext& ui, SavedSearchesModule& module)
    : Screen(ui, module, "title.saved_searches", "screen.saved_searches"), m_module(module)
{
    ui.topBar.addAccountLink({"account.menu.saved_searches", "saved.menu", kSavedSearchesRoute.url()});
}

void SavedSearchesScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const SavedSearchesState& st = m_module.state();
    Column c;
    const bool open = account::beginPage("##saved.scroll", 46, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.title("saved.title", s.get("saved.title"));
        if (st.deleting) {
            f.notice("saved.deleted", s.format("saved.deleted", {{"name", st.deleting->name}}));
            if (f.textButton("saved.undo", s.get("saved.undo"))) m_module.undoRemove();
            f.gap(0.5f);
        }
        if (!st.itemError.empty()) f.error("saved.error", s.get(st.itemError.c_str()));
        if (!st.list.has() && drawWaiting(m_ui, s, m_module, c, f, now)) {
            // spinner or error drawn
        } else if (st.shownCount() == 0) {
            f.paragraph("saved.empty", s.get("saved.empty"));
            if (f.link("saved.empty.browse", s.get("saved.empty.browse"), "/")) m_ui.app.navigate("/");
        } else {
            f.paragraph("saved.count", formatCount(s, "saved.count", static_cast<std::int64_t>(st.shownCount())));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            std::string go;
            for (const SavedSearch& item : st.list.value().items) {
                if (st.hidden(item)) continue;
                const std::string id = std::to_string(item.id);
                ImGui::PushID(id.c_str());
                const float top = f.y();
                const bool wide = f.width() > em(30);
                const float actionsW = wide ? em(15) : 0.0f;
                const float textW = f.width() - actionsW;
                const bool busy = st.updating.count(item.id) != 0;
                float y = top;
                if (m_renaming == item.id) {
                    // Rename in place: the field, then Save and Cancel.
                    FieldOptions fo;
                    fo.maxChars = 100;
                    fo.focusNow = ImGui::IsWindowAppearing();
                    fo.label = s.get("saved.rename.label");
                    ImGui::SetCursorScreenPos(ImVec2(f.x(), y));
                    const FieldEvents ev = formTextField(("saved.rename.field:" + id).c_str(), s.get("saved.rename.label"),
                                                         m_renameText, textW - em(0.75f), fo);
                    y += ImGui::GetFrameHeight() + em(0.5f);
                    ButtonOptions save;
                    save.kind = ButtonKind::Primary;
                    save.enabled = !m_renameText.empty();
                    ImGui::SetCursorScreenPos(ImVec2(f.x(), y));
                    const bool saved = button(("saved.rename.save:" + id).c_str(), s.get("saved.rename.save"), save);
                    ButtonOptions cancel;
                    ImGui::SetCursorScreenPos(ImVec2(f.x() + buttonWidth(s.get("saved.rename.save"), save) + em(0.5f), y));
                    const bool cancelled = button(("saved.rename.cancel:" + id).c_str(), s.get("saved.cancel"), cancel);
                    if ((saved || ev.submitted) && !m_renameText.empty()) {
                        m_module.rename(item.id, m_renameText);
                        m_renaming = 0;
                    } else if (cancelled) {
                        m_renaming = 0;
                    }
                    y += ImGui::GetFrameHeight();
                } else {
                    // The name is a link to its search.
                    const std::string href = SavedSearchesModule::browseAddress(item);
                    ButtonOptions link;
                    link.kind = ButtonKind::Link;
                    link.href = href;
                    link.size = ImVec2(0, tapSize(em(1.75f)));
                    const std::string name = ellipsize(Font::Bold, item.name, textW - em(1));
                    ImGui::SetCursorScreenPos(ImVec2(f.x(), y));
                    if (button(("saved.open:" + id).c_str(), name, link)) go = href;
                    y += tapSize(em(1.75f)) + em(0.25f);
                    // What it finds now and the new cars not seen yet.
                    const std::string total = formatCount(s, "saved.total", item.total);
                    drawText(dl, Font::Small, ImVec2(f.x(), y), col(color::kTextMuted), total);
                    float x = f.x() + textSize(Font::Small, total).x + em(0.625f);
                    if (item.unread > 0) {
                        const std::string unread = formatCount(s, "saved.unread", item.unread);
                        const float cw = chip(dl, ImVec2(x, y - em(0.125f)), unread, color::kAccentSoft, color::kAccent);
                        hookRect("saved.unread:" + id, unread, ImVec2(x, y), ImVec2(x + cw, y + em(1.25f)), nullptr,
                                 withRole(Role::Text));
                    }
                    hookRect("saved.total:" + id, total, ImVec2(f.x(), y), ImVec2(f.x() + textW, y + em(1.25f)), nullptr,
                             withRole(Role::Text));
                    y += em(1.5f);
                }
                // The alert switch, Rename and Delete: on the right, or under it on phones.
                float ay = wide ? top : y + em(0.25f);
                const float ax = wide ? f.x() + textW : f.x();
                ImGui::SetCursorScreenPos(ImVec2(ax, ay));
                CheckOptions co;
                if (checkbox(("saved.alert:" + id).c_str(), s.get("saved.alert"), item.alert, wide ? actionsW : f.width(), co) &&
                    !busy)
                    m_module.setAlert(item.id, !item.alert);
                ay += tapSize(em(2.0f)) + em(0.25f);
                if (m_renaming != item.id) {
                    ButtonOptions small;
                    small.kind = ButtonKind::Ghost;
                    small.font = Font::Regular;
                    small.size = ImVec2(0, tapSize(em(2.0f)));
                    small.name = s.format("saved.rename.named", {{"name", item.name}});
                    ImGui::SetCursorScreenPos(ImVec2(ax, ay));
                    if (button(("saved.rename:" + id).c_str(), s.get("saved.rename"), small)) {
                        m_renaming = item.id;
                        m_renameText = item.name;
                    }
                    small.name = s.format("saved.delete.named", {{"name", item.name}});
                    ImGui::SetCursorScreenPos(ImVec2(ax + buttonWidth(s.get("saved.rename"), small) + em(0.5f), ay));
                    if (button(("saved.delete:" + id).c_str(), s.get("saved.delete"), small)) m_module.remove(item.id);
                    ay += small.size.y;
                }
                f.gap((std::max(y, ay) - top) / em() + 0.75f);
                separator(dl, f);
                f.gap(0.5f);
                ImGui::PopID();
            }
            if (!go.empty()) m_ui.app.navigate(go);
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Notifications

NotificationsScreen::NotificationsScreen(UiContext& ui, NotificationsModule& module)
    : Screen(ui, module, "title.notifications", "screen.notifications"), m_module(module)
{
    ui.topBar.addItem(drawBellItem);
}

void NotificationsScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const NotificationsState& st = m_module.state();
    Column c;
    const bool open = account::beginPage("##notifications.scroll", 46, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.title("notifications.title", s.get("notifications.title"));
        if (!st.error.empty()) f.error("notifications.error", s.get(st.error.c_str()));
        if (!st.list.has() && drawWaiting(m_ui, s, m_module, c, f, now)) {
            // spinner or error drawn
        } else if (st.list.value().items.empty()) {
            f.paragraph("notifications.empty", s.get("notifications.empty"));
            if (f.link("notifications.saved", s.get("notifications.to_saved"), kSavedSearchesRoute.url()))
                m_ui.app.navigate(kSavedSearchesRoute.url());
        } else {
            const NotificationList& list = st.list.value();
            f.paragraph("notifications.unread",
                        st.unread > 0 ? formatCount(s, "notifications.unread", st.unread) : std::string(s.get("notifications.all_read")));
            f.row();
            if (f.link("notifications.saved", s.get("notifications.to_saved"), kSavedSearchesRoute.url()))
                m_ui.app.navigate(kSavedSearchesRoute.url());
            if (st.unread > 0 && f.secondary("notifications.mark_all", s.get("notifications.mark_all"), !st.marking))
                m_module.markAllRead();
            f.endRow();
            f.gap(0.5f);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const double nowS = epochSeconds();
            std::int64_t openId = 0, openListing = 0;
            for (const Notification& n : list.items) {
                const std::string id = std::to_string(n.id);
                ImGui::PushID(id.c_str());
                const bool gone = n.listing.title.empty();
                const bool isNew = !n.read || st.fresh.count(n.id) != 0;
                const float top = f.y();
                const float thumbW = em(6), thumbH = em(4.5f);
                const float rowH = thumbH;
                const ImVec2 rmin(f.x(), top), rmax(f.x() + f.width(), top + rowH);
                // The whole row is a link to the car (a gone car's row is text).
                Press press;
                if (!gone) {
                    ImGui::SetCursorScreenPos(rmin);
                    press = pressable("##note", ImVec2(f.width(), rowH));
                }
                const std::string search = s.format("notifications.for_search", {{"name", n.savedSearchName}});
                const std::string title = gone ? std::string(s.get("notifications.gone"))
                                               : n.listing.title + ", " + std::to_string(n.listing.year);
                ItemInfo info;
                info.role = gone ? Role::Text : Role::Link;
                if (!gone) info.href = ListingRoute{n.listing.id}.url();
                info.detail = search + (isNew ? std::string(", ") + s.get("notifications.new") : std::string());
                if (gone) hookRect("note:" + id, title, rmin, rmax, nullptr, info);
                else hookItem("note:" + id, title, nullptr, info);
                if (isNew) dl->AddRectFilled(ImVec2(rmin.x - em(0.5f), rmin.y - em(0.25f)), ImVec2(rmax.x + em(0.5f), rmax.y + em(0.25f)),
                                             col(color::kAccentSoft), em(0.5f));
                const ImVec2 tmin = rmin, tmax(rmin.x + thumbW, rmin.y + thumbH);
                if (gone) dl->AddRectFilled(tmin, tmax, col(color::kChip), em(0.375f));
                else photo(dl, m_ui.textures, n.listing.thumbUrl, tmin, tmax, em(0.375f), now, s.get("common.no_photo"));
                const float tx = tmax.x + em(0.75f), tw = rmax.x - tx;
                float y = top;
                drawText(dl, Font::Bold, ImVec2(tx, y), col(gone ? color::kTextMuted : press.hovered ? color::kAccent : color::kText),
                         ellipsize(Font::Bold, title, tw - (isNew ? em(4) : 0.0f)));
                if (isNew) {
                    const float cw = chipWidth(s.get("notifications.new"));
                    chip(dl, ImVec2(rmax.x - cw, y), s.get("notifications.new"), color::kAccent, IM_COL32_WHITE);
                }
                y += em(1.4f);
                if (!gone) {
                    drawText(dl, Font::Regular, ImVec2(tx, y), col(color::kText), formatPrice(s, n.listing.price));
                    y += em(1.3f);
                }
                const std::string when = dongelek::account::formatAgo(s, nowS, n.createdAt);
                drawText(dl, Font::Small, ImVec2(tx, y), col(color::kTextMuted),
                         ellipsize(Font::Small, search + (when.empty() ? "" : " \xC2\xB7 " + when), tw));
                if (press.clicked) {
                    openId = n.id;
                    openListing = n.listing.id;
                }
                f.gap(rowH / em() + 1.0f);
                separator(dl, f);
                f.gap(0.5f);
                ImGui::PopID();
            }
            if (openListing) {
                m_module.opened(openId);
                m_ui.app.navigate(ListingRoute{openListing}.url());
            }
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

} // namespace dongelek::ui
