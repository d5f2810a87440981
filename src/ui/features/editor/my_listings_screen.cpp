#include "ui/features/editor/my_listings_screen.hpp"

#include "core/routes/editor_routes.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/features/editor/editor_screen.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/features/listing/deal_rating.hpp"
#include "ui/test_hook.hpp"
#include "ui/top_bar.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dongelek::ui {

using namespace finance_ui;

namespace {
// One decimal with the language's decimal mark ("1,5" in Russian and Kazakh).
std::string formatDecimal(const Strings& s, double v)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    std::string out = b;
    const std::size_t dot = out.find('.');
    if (dot != std::string::npos) out.replace(dot, 1, s.get("format.decimal_separator"));
    return out;
}
} // namespace

MyListingsScreen::MyListingsScreen(UiContext& ui, MyListingsModule& module)
    : Screen(ui, module, "title.dashboard_window", "screen.dashboard"), m_module(module)
{
    ui.topBar.addAccountLink({"account.menu.listings", "dashboard.title", MyListingsRoute{}.url()});
    ui.topBar.addAccountLink({"account.menu.sell", "dashboard.sell", EditorRoute{}.url()});
}

std::string MyListingsScreen::errorText() const
{
    return errorMessage(strings(), m_module.error(), false);
}

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
    {
        ButtonOptions o;
        o.enabled = !st.importing;
        const std::string text = s.get(st.importing ? "dashboard.import.working" : "dashboard.import");
        const float right = ImGui::GetItemRectMax().x + em(0.5f);
        const bool wrap = right + buttonWidth(text, o) > x0 + width;
        ImGui::SetCursorScreenPos(wrap ? ImVec2(x0, ImGui::GetItemRectMax().y + em(0.5f)) : ImVec2(right, y));
        if (button("dashboard.import", text, o)) m_module.importCsv();
    }
    y = ImGui::GetItemRectMax().y + em(1.0f);
    if (st.importError.kind != ErrorKind::None)
        y += textBlock("dashboard.import.error",
                       st.importError.api.code == "too_large" ? std::string(s.get("dashboard.import.too_large"))
                       : st.importError.api.message.empty()   ? errorMessage(s, st.importError, false)
                                                              : st.importError.api.message,
                       ImVec2(x0, y), width, Font::Bold, kDangerText) +
             em(0.75f);
    if (st.import) y += drawImport(x0, y, width) + em(1.0f);
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
        y += textBlock("dashboard.empty", s.get("dashboard.empty"), ImVec2(x0, y), width, Font::Regular,
                       color::kTextMuted) +
             em(1.0f);
    } else {
        if (st.actionError.kind != ErrorKind::None)
            y += textBlock("dashboard.error", errorMessage(s, st.actionError, false), ImVec2(x0, y), width, Font::Bold,
                           kDangerText) +
                 em(0.75f);
        if (st.drafts.has() && !st.drafts.value().empty()) {
            y += heading("dashboard.drafts", s.get("dashboard.drafts"), ImVec2(x0, y), Font::Heading).y + em(0.5f);
            for (const DraftItem& d : st.drafts.value())
                y += drawDraft(d, x0, y, width) + em(0.75f);
            y += em(0.5f);
        }
        if (st.listings.has() && !st.listings.value().empty()) {
            y += heading("dashboard.listings", s.get("dashboard.listings"), ImVec2(x0, y), Font::Heading).y + em(0.5f);
            if (!st.selected.empty()) y += drawBulkBar(x0, y, width) + em(0.75f);
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
    const std::string title = d.listingId       ? s.format("dashboard.draft.edit", {{"title", d.title}})
                              : d.title.empty() ? std::string(s.get("dashboard.draft.new"))
                                                : s.format("dashboard.draft.of", {{"title", d.title}});
    card.y +=
        textBlock((id + ".title").c_str(), title, ImVec2(card.x, card.y), card.w, Font::Bold, color::kText) + em(0.25f);
    const std::string detail =
        s.format("dashboard.draft.updated", {{"date", formatDate(s, d.updatedAt)}}) + " \xC2\xB7 " +
        (d.errors ? formatCount(s, "dashboard.draft.missing", d.errors) : std::string(s.get("dashboard.draft.ready")));
    card.y +=
        textBlock((id + ".detail").c_str(), detail, ImVec2(card.x, card.y), card.w, Font::Small, color::kTextMuted) +
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
    {
        // Picked for a change of many at once.
        ImGui::SetCursorScreenPos(ImVec2(card.x, card.y));
        if (checkbox((id + ".select").c_str(), s.get("dashboard.select"), st.selected.count(l.id) > 0, card.w))
            m_module.toggleSelected(l.id);
        card.y = ImGui::GetItemRectMax().y + em(0.5f);
    }
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
    ty += textBlock((id + ".price").c_str(), formatPrice(s, l.price), ImVec2(tx, ty), tw, Font::Bold, color::kText) +
          em(0.25f);
    const std::string status = s.get(("dashboard.status." + l.status).c_str());
    const std::string facts = status + " \xC2\xB7 " + formatCount(s, "dashboard.days", l.daysOnMarket) + " \xC2\xB7 " +
                              formatCount(s, "dashboard.photos", l.photoCount);
    const std::string counts = formatCount(s, "dashboard.views", l.views) + " \xC2\xB7 " +
                               formatCount(s, "dashboard.favorites", l.favorites) + " \xC2\xB7 " +
                               formatCount(s, "dashboard.contacts", l.contacts);
    ty += textBlock((id + ".status").c_str(), facts, ImVec2(tx, ty), tw, Font::Small,
                    l.status == "published" ? color::kTextMuted : kInterest) +
          em(0.25f);
    ty += textBlock((id + ".counts").c_str(), counts, ImVec2(tx, ty), tw, Font::Small, color::kTextMuted) + em(0.25f);
    // The price check buyers see, so the seller knows how the price looks.
    if (const auto insight = st.insights.find(l.id); insight != st.insights.end()) {
        const PriceInsight& in = insight->second;
        const DealColors c = dealColors(in.available ? in.rating : DealRating::Unknown);
        const std::string rating = s.get(dealKey(in.available ? in.rating : DealRating::Unknown));
        const float w = chip(dl, ImVec2(tx, ty), rating, c.bg, c.fg);
        hookRect(id + ".insight", rating, ImVec2(tx, ty), ImVec2(tx + w, ty + em(1.5f)), rating.c_str(),
                 withRole(Role::Text));
        if (in.available)
            textBlock((id + ".estimate").c_str(),
                      s.format("listing.insight.estimate", {{"price", formatPrice(s, in.estimate)}}),
                      ImVec2(tx + w + em(0.5f), ty + em(0.2f)), tw - w - em(0.5f), Font::Small, color::kTextMuted);
        ty += em(1.75f);
    }
    ty += em(0.25f);
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
        const float h = textBlock((id + ".confirm").c_str(), s.get("dashboard.delete.confirm"), ImVec2(card.x, rowY),
                                  card.w, Font::Bold, kDangerText);
        rowY += h + em(0.375f);
        if (action("delete.yes", s.get("dashboard.delete.yes"), ButtonKind::Primary)) m_module.confirmDelete();
        if (action("delete.no", s.get("dashboard.delete.no"))) m_module.cancelDelete();
    } else {
        const bool open = st.statsFor == l.id;
        {
            const std::string text = s.get(open ? "dashboard.action.hide_stats" : "dashboard.action.stats");
            ButtonOptions o;
            o.font = Font::Small;
            o.selected = open;
            MyListingsRoute r;
            r.listingId = open ? 0 : l.id;
            o.href = r.url();
            o.name = text + ": " + l.title;
            const float bw = buttonWidth(text, o);
            ImGui::SetCursorScreenPos(ImVec2(bx, rowY));
            if (button((id + ".stats").c_str(), text, o)) m_module.showStats(open ? 0 : l.id);
            bx += bw + em(0.375f);
        }
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
    if (st.statsFor == l.id) card.y += em(0.75f) + drawStats(card.x, card.y + em(0.75f), card.w);
    return card.finish();
}

float MyListingsScreen::drawBulkBar(float x, float y, float width)
{
    const Strings& s = strings();
    const MyListingsState& st = m_module.state();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    CardBlock card(width);
    card.y += textBlock("dashboard.bulk.count",
                        formatCount(s, "dashboard.bulk.selected", static_cast<std::int64_t>(st.selected.size())),
                        ImVec2(card.x, card.y), card.w, Font::Bold, color::kText) +
              em(0.5f);
    float bx = card.x, rowY = card.y;
    const auto action = [&](const char* hookId, const char* key) {
        const std::string text = s.get(key);
        ButtonOptions o;
        o.font = Font::Small;
        o.enabled = !st.bulkWorking;
        const float bw = buttonWidth(text, o);
        if (bx > card.x && bx + bw > card.x + card.w) {
            bx = card.x;
            rowY = ImGui::GetItemRectMax().y + em(0.375f);
        }
        ImGui::SetCursorScreenPos(ImVec2(bx, rowY));
        const bool pressed = button(hookId, text, o);
        bx += bw + em(0.375f);
        return pressed;
    };
    if (action("dashboard.bulk.cheaper", "dashboard.bulk.cheaper")) m_module.bulkPrice(-5);
    if (action("dashboard.bulk.dearer", "dashboard.bulk.dearer")) m_module.bulkPrice(5);
    if (action("dashboard.bulk.unpublish", "dashboard.action.unpublish")) m_module.bulkStatus("unpublish");
    if (action("dashboard.bulk.publish", "dashboard.action.publish")) m_module.bulkStatus("publish");
    if (action("dashboard.bulk.sold", "dashboard.action.sold")) m_module.bulkStatus("sold");
    if (action("dashboard.bulk.clear", "dashboard.bulk.clear")) m_module.clearSelection();
    card.y = ImGui::GetItemRectMax().y;
    if (!st.bulkError.empty())
        card.y +=
            em(0.5f) + textBlock("dashboard.bulk.error", s.format("dashboard.bulk.refused", {{"reason", st.bulkError}}),
                                 ImVec2(card.x, card.y + em(0.5f)), card.w, Font::Small, kDangerText);
    return card.finish();
}

float MyListingsScreen::drawImport(float x, float y, float width)
{
    const Strings& s = strings();
    const ImportReport& r = *m_module.state().import;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    CardBlock card(width);
    card.y += textBlock("dashboard.import.summary",
                        s.format("dashboard.import.summary",
                                 {{"file", r.file},
                                  {"created", formatCount(s, "dashboard.import.created", r.created)},
                                  {"failed", formatCount(s, "dashboard.import.failed", r.failed)}}),
                        ImVec2(card.x, card.y), card.w, Font::Bold, color::kText) +
              em(0.5f);
    int shown = 0;
    for (const ImportReport::Row& row : r.rows) {
        if (row.ok || shown >= 20) continue;
        ++shown;
        std::string problems;
        for (const std::string& p : row.problems)
            problems += (problems.empty() ? "" : "; ") + p;
        const std::string hook = "dashboard.import.row:" + std::to_string(row.row);
        card.y +=
            textBlock(hook.c_str(),
                      s.format("dashboard.import.row", {{"row", std::to_string(row.row)}, {"problems", problems}}),
                      ImVec2(card.x, card.y), card.w, Font::Small, kDangerText) +
            em(0.25f);
    }
    if (r.created > 0)
        card.y += textBlock("dashboard.import.next", s.get("dashboard.import.next"), ImVec2(card.x, card.y), card.w,
                            Font::Small, color::kTextMuted) +
                  em(0.25f);
    ImGui::SetCursorScreenPos(ImVec2(card.x, card.y + em(0.25f)));
    if (button("dashboard.import.dismiss", s.get("dashboard.import.dismiss"))) m_module.dismissImport();
    card.y = ImGui::GetItemRectMax().y;
    return card.finish();
}

float MyListingsScreen::drawStats(float x, float y, float width)
{
    const Strings& s = strings();
    const MyListingsState& st = m_module.state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y0 = y;
    // Days or weeks.
    float bx = x;
    const std::pair<const char*, const char*> buckets[] = {{"day", "dashboard.stats.day"},
                                                           {"week", "dashboard.stats.week"}};
    for (const auto& [bucket, key] : buckets) {
        const std::string text = s.get(key);
        ButtonOptions o;
        o.font = Font::Small;
        o.selected = st.bucket == bucket;
        o.kind = st.bucket == bucket ? ButtonKind::Primary : ButtonKind::Secondary;
        ImGui::SetCursorScreenPos(ImVec2(bx, y));
        if (button(key, text, o)) m_module.setBucket(bucket);
        bx += buttonWidth(text, o) + em(0.375f);
    }
    {
        const std::string text = s.get("dashboard.stats.csv");
        ButtonOptions o;
        o.font = Font::Small;
        o.hasIcon = true;
        o.icon = Icon::Copy;
        const float bw = buttonWidth(text, o);
        ImGui::SetCursorScreenPos(ImVec2(std::max(bx, x + width - bw), y));
        if (button("dashboard.stats.export", text, o)) m_module.exportCsv();
    }
    y = ImGui::GetItemRectMax().y + em(0.75f);
    if (!st.stats.has()) {
        if (st.stats.status() == Status::Error)
            return y - y0 +
                   textBlock("dashboard.stats.error", errorMessage(s, st.stats.error(), false), ImVec2(x, y), width,
                             Font::Small, kDangerText);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        spinnerBlock("dashboard.stats.loading", ImVec2(width, em(6)), shared().nowMs);
        return y - y0 + em(6);
    }
    const ListingStats& stats = st.stats.value();
    // The chart: views as bars, saves and contacts as lines, similar cars' views dashed.
    const float chartH = em(9), axisW = em(2);
    const ImVec2 cmin(x + axisW, y), cmax(x + width, y + chartH);
    std::int64_t top = 1;
    for (const StatsBucket& b : stats.series)
        top = std::max({top, b.views, b.favorites, b.contacts});
    const double peak = std::max(static_cast<double>(top), stats.similarViews);
    const auto yOf = [&](double v) { return cmax.y - static_cast<float>(v / peak) * (chartH - em(0.5f)); };
    dl->AddLine(ImVec2(cmin.x, cmax.y), cmax, col(IM_COL32(209, 213, 219, 255)));
    drawText(dl, Font::Small, ImVec2(x, cmin.y), color::kTextMuted,
             formatNumber(s, static_cast<std::int64_t>(std::ceil(peak))));
    drawText(dl, Font::Small, ImVec2(x, cmax.y - em(1)), color::kTextMuted, "0");
    const std::size_t n = stats.series.size();
    const float slot = n ? (cmax.x - cmin.x) / static_cast<float>(n) : 0;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    ImVec2 prevFav, prevContact;
    for (std::size_t i = 0; i < n; ++i) {
        const StatsBucket& b = stats.series[i];
        const float left = cmin.x + slot * static_cast<float>(i), centre = left + slot * 0.5f;
        const bool over = mouse.x >= left && mouse.x < left + slot && mouse.y >= cmin.y && mouse.y <= cmax.y;
        if (over) hovered = static_cast<int>(i);
        if (over)
            dl->AddRectFilled(ImVec2(left, cmin.y), ImVec2(left + slot, cmax.y), col(IM_COL32(243, 244, 246, 255)));
        const float barW = std::clamp(slot * 0.6f, 2.0f, em(2.5f));
        if (b.views > 0)
            dl->AddRectFilled(ImVec2(centre - barW / 2, yOf(static_cast<double>(b.views))),
                              ImVec2(centre + barW / 2, cmax.y), col(color::kAccent), em(0.125f));
        const ImVec2 fav(centre, yOf(static_cast<double>(b.favorites))),
            contact(centre, yOf(static_cast<double>(b.contacts)));
        if (i > 0) {
            dl->AddLine(prevFav, fav, col(kInterest), 2.0f);
            dl->AddLine(prevContact, contact, col(kGood), 2.0f);
        }
        prevFav = fav;
        prevContact = contact;
        // Each bucket in the mirror, so a screen reader reads the numbers the chart shows.
        const std::string text =
            s.format("dashboard.stats.bucket", {{"date", formatDate(s, b.start + "T00:00:00Z")},
                                                {"views", formatCount(s, "dashboard.views", b.views)},
                                                {"favorites", formatCount(s, "dashboard.favorites", b.favorites)},
                                                {"contacts", formatCount(s, "dashboard.contacts", b.contacts)}});
        hookRect("dashboard.stats.bucket:" + b.start, text, ImVec2(left, cmin.y), ImVec2(left + slot, cmax.y),
                 text.c_str(), withRole(Role::Text));
    }
    if (stats.peers > 0 && stats.similarViews > 0) { // the average of similar cars, dashed
        const float yy = yOf(stats.similarViews);
        for (float dx = cmin.x; dx < cmax.x; dx += em(0.75f))
            dl->AddLine(ImVec2(dx, yy), ImVec2(std::min(dx + em(0.4f), cmax.x), yy), col(color::kTextMuted), 1.5f);
    }
    if (hovered >= 0) {
        const StatsBucket& b = stats.series[static_cast<std::size_t>(hovered)];
        // The app's tooltip look (ui::tooltip's padding), at once: the pointer is on the value.
        const std::string text = formatDate(s, b.start + "T00:00:00Z") + "\n" +
                                 formatCount(s, "dashboard.views", b.views) + "\n" +
                                 formatCount(s, "dashboard.favorites", b.favorites) + "\n" +
                                 formatCount(s, "dashboard.contacts", b.contacts);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.625f), em(0.375f)));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em(0.375f));
        ImGui::SetTooltip("%s", text.c_str());
        ImGui::PopStyleVar(2);
    }
    y = cmax.y + em(0.5f);
    // The legend, the totals and how this car does against similar ones.
    const std::string legend =
        s.format("dashboard.stats.legend", {{"views", formatCount(s, "dashboard.views", stats.totalViews)},
                                            {"favorites", formatCount(s, "dashboard.favorites", stats.totalFavorites)},
                                            {"contacts", formatCount(s, "dashboard.contacts", stats.totalContacts)}});
    y += textBlock("dashboard.stats.totals", legend, ImVec2(x, y), width, Font::Small, color::kText) + em(0.25f);
    const std::string compare =
        stats.peers > 0
            ? s.format(stats.bucket == "week" ? "dashboard.stats.similar.week" : "dashboard.stats.similar.day",
                       {{"views", formatDecimal(s, stats.similarViews)}, {"count", std::to_string(stats.peers)}})
            : std::string(s.get("dashboard.stats.similar.none"));
    y += textBlock("dashboard.stats.similar", compare, ImVec2(x, y), width, Font::Small, color::kTextMuted);
    return y - y0;
}

} // namespace dongelek::ui
