// Browse screen layout and listing cards. The list keeps its scroll position across a
// visit to a listing (same ImGui child id) and jumps to the top when a new page arrives.

// [SECTION] Index
// - Layout
// - Header (count, sort, filters toggle)
// - Results (states, cards, pager)
// - Card

#include "ui/features/browse/browse_screen.hpp"

#include "core/text_format.hpp"
#include "core/finance/loan_filter.hpp"
#include "core/limits.hpp"
#include "core/money.hpp"
#include "core/routes/browse_route.hpp"
#include "core/routes/listing_route.hpp"
#include "ui/features/saved_searches/browse_extras.hpp"
#include "ui/test_hook.hpp"
#include "ui/top_bar.hpp"
#include "ui/features/favorites/listing_toggles.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

BrowseScreen::BrowseScreen(UiContext& ui, BrowseModule& module)
    : Screen(ui, module, "title.browse_window", "screen.browse"), m_module(module)
{
}

// [SECTION] Layout

void BrowseScreen::drawContent()
{
    const BrowseState& b = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y + em(1.5f);
    const float bottom = display.y;
    const float panelW = em(18);
    const float gap = em(1.75f);
    if (!layout.narrow) m_filtersOpen = false;

    if (!layout.narrow) {
        // Filter panel: a white card, as tall as its content up to the window's bottom.
        const float availH = bottom - top - em(1.5f);
        const float boxH = m_panelContentHeight > 0 ? std::min(availH, m_panelContentHeight + em(2.5f)) : availH;
        const ImVec2 pmin(layout.left, top), pmax(layout.left + panelW, top + boxH);
        surface(ImGui::GetWindowDrawList(), pmin, pmax, em(0.75f));
        ImGui::SetCursorScreenPos(pmin);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.25f), em(1.25f)));
        if (beginScrollRegion("##filters", ImVec2(panelW, boxH), ScrollKind::Inner,
                              ImGuiChildFlags_AlwaysUseWindowPadding)) {
            m_panelContentHeight = m_filters.draw(m_ui.app.shared(), m_module, panelW - em(2.5f));
        }
        endScrollRegion();
        ImGui::PopStyleVar();

        const float x = layout.left + panelW + gap;
        const float width = layout.left + layout.width - x;
        drawHeader(x, top, width, false);
        const float listTop = top + em(3.5f);
        // The list reaches the window's right edge so its scrollbar sits there, not mid-page.
        ImGui::SetCursorScreenPos(ImVec2(x, listTop));
        if (beginScrollRegion("##results", ImVec2(display.x - x, bottom - listTop), ScrollKind::Main))
            drawResults(width);
        endScrollRegion();
        return;
    }

    // Narrow: header with a Filters button; the panel, when open, replaces the list and keeps
    // its "Show N cars" button in view below the scrolling fields.
    drawHeader(layout.left, top, layout.width, true);
    const float listTop = top + (layout.width < em(36) ? em(6.25f) : em(3.5f));
    ImGui::SetCursorScreenPos(ImVec2(layout.left, listTop));
    if (m_filtersOpen) {
        const float boxH = bottom - listTop - em(1.0f);
        const float footH = ImGui::GetFrameHeight() + em(2.0f);
        const ImVec2 bmin(layout.left, listTop), bmax(layout.left + layout.width, listTop + boxH);
        surface(ImGui::GetWindowDrawList(), bmin, bmax, em(0.75f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.25f), em(1.25f)));
        if (beginScrollRegion("##filters.narrow", ImVec2(layout.width, boxH - footH), ScrollKind::Main,
                              ImGuiChildFlags_AlwaysUseWindowPadding))
            m_filters.draw(m_ui.app.shared(), m_module, layout.width - em(2.5f));
        endScrollRegion();
        ImGui::PopStyleVar();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddLine(ImVec2(bmin.x, bmax.y - footH), ImVec2(bmax.x, bmax.y - footH), col(color::kBorder));
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.size = ImVec2(layout.width - em(2.5f), 0);
        // The live total of the filter as edited (the facets'), else the results' own.
        const bool live = b.facets.has() && b.facetsQuery == BrowseModule::facetsQuery(m_module.draftFilter());
        const std::string text =
            live ? formatCount(strings(), "browse.show_results", b.facets.value().total)
            : b.page.has() && m_module.draftFilter() == b.filter
                ? formatCount(strings(), "browse.show_results", b.page.value().total)
                : std::string(strings().get("browse.show_results_plain"));
        ImGui::SetCursorScreenPos(ImVec2(bmin.x + em(1.25f), bmax.y - footH + em(1.0f)));
        if (button("filters.apply", text, o)) m_filtersOpen = false;
        return;
    }
    if (beginScrollRegion("##results", ImVec2(display.x - layout.left, bottom - listTop), ScrollKind::Main))
        drawResults(layout.width);
    endScrollRegion();
}

// [SECTION] Header (count, sort, filters toggle)

void BrowseScreen::drawHeader(float x, float y, float width, bool narrow)
{
    const Strings& s = strings();
    const BrowseState& b = m_module.state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rowH = ImGui::GetFrameHeight();
    const bool twoRows = narrow && width < em(36); // phones: count above, buttons below

    // "5,000 cars" (or a placeholder before the first answer) and a small spinner while loading.
    std::string total;
    if (b.page.has()) total = formatCount(s, "browse.total", b.page.value().total);
    else total = s.get(b.page.status() == Status::Error ? "browse.total_unknown" : "common.loading");
    const float totalW = textSize(Font::Large, total).x;
    const float textY = y + (rowH - em(1.375f)) * 0.5f - 2;
    drawText(dl, Font::Large, ImVec2(x, textY), color::kText, total);
    ItemInfo totalInfo;
    totalInfo.role = Role::Heading;
    hookRect("browse.total", total, ImVec2(x, textY), ImVec2(x + totalW, textY + em(1.375f)), nullptr, totalInfo);
    if (b.page.loading() && b.page.has())
        spinner("spinner", ImVec2(x + totalW + em(1.25f), y + rowH * 0.5f), em(0.625f), shared().nowMs);

    // Sort on the right (with its label when there is room).
    const float rowY = twoRows ? y + rowH + em(0.75f) : y;
    const float sortW = twoRows ? std::min(em(13), width * 0.45f) : em(13);
    const float sortX = x + width - sortW;
    ListingFilter f = m_module.draftFilter();
    float leftOfSort = sortX;
    if (!narrow) {
        const char* sortLabel = s.get("browse.sort.label");
        const float lw = textSize(Font::Regular, sortLabel).x;
        drawText(dl, Font::Regular, ImVec2(sortX - lw - em(0.625f), y + (rowH - em()) * 0.5f - 1), color::kTextMuted,
                 sortLabel);
    }
    // List or grid, left of the sort. Phones have room for one button: the view not shown.
    {
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        o.hasIcon = true;
        o.size = ImVec2(rowH, rowH);
        const BrowseView view = b.view;
        const auto viewButton = [&](BrowseView v, float bx) {
            const bool grid = v == BrowseView::Grid;
            o.icon = grid ? Icon::Grid : Icon::List;
            o.selected = view == v;
            o.name = s.get(grid ? "browse.view.grid" : "browse.view.list");
            ImGui::SetCursorScreenPos(ImVec2(bx, rowY));
            if (button(grid ? "view.grid" : "view.list", "", o)) m_module.setView(v);
            tooltip(o.name.c_str());
        };
        if (twoRows) {
            leftOfSort = sortX - em(0.5f) - rowH;
            viewButton(view == BrowseView::Grid ? BrowseView::List : BrowseView::Grid, leftOfSort);
        } else {
            const float pairW = rowH * 2 + em(0.25f);
            const float labelW = narrow ? 0.0f : textSize(Font::Regular, s.get("browse.sort.label")).x + em(0.625f);
            leftOfSort = sortX - labelW - em(0.875f) - pairW;
            viewButton(BrowseView::List, leftOfSort);
            viewButton(BrowseView::Grid, leftOfSort + rowH + em(0.25f));
        }
    }

    // The sort after the view buttons: Tab goes left to right.
    ImGui::SetCursorScreenPos(ImVec2(sortX, rowY));
    if (beginCombo("sort", s.get("browse.sort.label"), label(s, f.sort), sortW)) {
        for (Sort sort : allValues<Sort>())
            if (comboOption("sort", std::string(toString(sort)), label(s, sort), f.sort == sort)) {
                f.sort = sort;
                m_module.editFilter(f, false);
            }
        endCombo();
    }

    if (narrow) {
        const int active = FilterPanel::activeCount(f);
        std::string text = s.get("browse.filters.toggle");
        if (active > 0) text += " (" + std::to_string(active) + ")";
        ButtonOptions o;
        o.kind = m_filtersOpen ? ButtonKind::Primary : ButtonKind::Secondary;
        o.hasIcon = true;
        o.icon = m_filtersOpen ? Icon::Close : Icon::Filter;
        const float bx = twoRows ? x : leftOfSort - em(0.75f) - buttonWidth(text, o);
        ImGui::SetCursorScreenPos(ImVec2(bx, rowY));
        if (button("filters.toggle", text, o)) m_filtersOpen = !m_filtersOpen;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::Dummy(ImVec2(width, twoRows ? rowH * 2 + em(0.75f) : rowH));
}

// [SECTION] Results (states, cards, pager)

void BrowseScreen::drawResults(float width)
{
    const Strings& s = strings();
    const BrowseState& b = m_module.state();
    const Remote<ListingPage>& page = b.page;
    const double now = shared().nowMs;
    const ImVec2 avail(width, ImGui::GetContentRegionAvail().y);
    // Each search keeps its scroll position: Back to an earlier search (a history entry of its
    // own) shows it where the user left it; a search not seen before starts at its top.
    const bool arrived = page.valueGeneration() != m_seenGeneration;
    if (arrived) {
        m_seenGeneration = page.valueGeneration();
        m_shownAddress = BrowseRoute{b.filter}.url();
        float y = 0;
        for (const auto& [address, scroll] : m_scrollByAddress)
            if (address == m_shownAddress) y = scroll;
        ImGui::SetScrollY(y);
    } else if (!m_shownAddress.empty()) {
        const float y = ImGui::GetScrollY();
        auto it = std::find_if(m_scrollByAddress.begin(), m_scrollByAddress.end(),
                               [&](const auto& e) { return e.first == m_shownAddress; });
        if (it != m_scrollByAddress.end()) m_scrollByAddress.erase(it);
        m_scrollByAddress.emplace_back(m_shownAddress, y);
        if (m_scrollByAddress.size() > 64) m_scrollByAddress.erase(m_scrollByAddress.begin());
    }

    if (page.status() == Status::Error) {
        if (errorPanel(s, errorMessage(s, page.error(), false), errorHint(s, page.error()), avail)) m_ui.app.retry();
        return;
    }
    if (page.loading() && !page.has()) {
        spinnerBlock("spinner", avail, now);
        return;
    }
    drawBrowseExtras(m_ui, b.filter, width); // saved searches: "Save this search", recently viewed
    if (page.status() == Status::Empty || (page.has() && page.value().items.empty())) {
        if (page.loading()) {
            spinnerBlock("spinner", avail, now);
            return;
        }
        if (emptyPanel(s, avail)) m_module.resetFilters();
        return;
    }
    if (!page.has()) return;

    // Old results stay visible, faded, while the next search loads: no flash of emptiness.
    const bool stale = page.loading();
    if (stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
    std::int64_t open = 0;

    // A list that starts further on (an old link's page): a way back to its first car.
    if (b.filter.page > 1) {
        ButtonOptions o;
        o.kind = ButtonKind::Link;
        o.font = Font::Regular;
        o.size = ImVec2(0, tapSize(em(1.75f)));
        BrowseRoute first{b.filter, b.view};
        first.filter.page = 1;
        o.href = first.url();
        if (button("list.from_start", s.get("browse.from_start"), o)) m_module.setPage(1);
    }

    // Rows of equal height: only those in view (and one either side, for Tab) are laid out.
    const CardLayout layout = b.view == BrowseView::Grid ? CardLayout::Tile
                              : width < em(36)         ? CardLayout::CompactRow
                                                       : CardLayout::Row;
    const float gapX = em(0.75f), gapY = em(0.75f);
    int cols = 1;
    float cardW = width;
    if (layout == CardLayout::Tile) {
        const float minW = width < em(36) ? em(9.5f) : em(14.5f);
        cols = std::clamp(static_cast<int>((width + gapX) / (minW + gapX)), 1, 4);
        cardW = std::floor((width - gapX * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    }
    const float cardH = cardHeight(cardW, layout);
    const float stride = cardH + gapY;
    const std::size_t count = b.shownCount();
    const auto rows = static_cast<std::ptrdiff_t>((count + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    const float scrollY = ImGui::GetScrollY();
    const float viewH = ImGui::GetWindowHeight();
    const auto firstRow = std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(std::floor((scrollY - top) / stride)) - 1, 0, rows);
    const auto lastRow = std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(std::ceil((scrollY + viewH - top) / stride)) + 1, 0, rows);
    for (std::ptrdiff_t row = firstRow; row < lastRow; ++row) {
        for (int col = 0; col < cols; ++col) {
            const std::size_t i = static_cast<std::size_t>(row) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(col);
            if (i >= count) break;
            const ListingSummary& item = b.shown(i);
            ImGui::SetCursorPos(ImVec2(left + static_cast<float>(col) * (cardW + gapX), top + static_cast<float>(row) * stride));
            ImGui::PushID(static_cast<int>(item.id));
            if (drawCard(item, cardW, layout)) open = item.id;
            ImGui::PopID();
        }
    }
    ImGui::SetCursorPos(ImVec2(left, top + static_cast<float>(rows) * stride));
    if (stale) ImGui::PopStyleVar();

    // Fetch ahead: the next page is asked for while two screens of cars are still left.
    const float rowsPerScreen = std::max(1.0f, viewH / stride);
    if (!stale && static_cast<float>(rows - lastRow) < rowsPerScreen * 2) m_module.loadMore();

    // The list's foot: the next page loading, its failure with Retry, or the end.
    const float footH = em(4.0f);
    const ImVec2 foot = ImGui::GetCursorScreenPos();
    if (b.next.loading()) {
        spinner("list.more", ImVec2(foot.x + width * 0.5f, foot.y + footH * 0.5f), em(0.75f), now);
        ImGui::Dummy(ImVec2(width, footH));
    } else if (b.next.status() == Status::Error) {
        const std::string msg = errorMessage(s, b.next.error(), false);
        drawText(ImGui::GetWindowDrawList(), Font::Regular, ImVec2(foot.x, foot.y + em(0.5f)), color::kDanger, msg, width);
        ImGui::Dummy(ImVec2(width, em(2.0f)));
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        if (button("list.retry", s.get("common.retry"), o)) m_module.retryMore();
        ImGui::Dummy(ImVec2(width, em(1.0f)));
    } else if (!b.hasMore()) {
        const std::string end = formatCount(s, "browse.end", page.value().total);
        const float tw = textSize(Font::Small, end).x;
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(foot.x + (width - tw) * 0.5f, foot.y + em(1.0f)),
                 color::kTextMuted, end);
        hookRect("list.end", end, foot, ImVec2(foot.x + width, foot.y + em(2.5f)), nullptr, withRole(Role::Text));
        ImGui::Dummy(ImVec2(width, footH));
    } else {
        ImGui::Dummy(ImVec2(width, footH));
    }
    if (open) m_ui.app.navigate(ListingRoute{open}.url());
}

// [SECTION] Card

float BrowseScreen::cardHeight(float width, CardLayout layout)
{
    switch (layout) {
    case CardLayout::Tile: return std::round(width * 0.75f) + em(6.75f);
    case CardLayout::CompactRow: return std::round(std::min(em(9), width * 0.36f) * 0.75f) + em(0.75f) * 2 + em(1.875f);
    case CardLayout::Row: break;
    }
    return std::round((width < em(46) ? em(10) : em(12)) * 0.75f) + em(1.0f) * 2;
}

namespace {

// A monthly payment as a card shows it: whole tenge or dinars, rounded up ("~205,300 ₸/mo"; the font has no ≈).
Money roundedUp(Currency currency, std::int64_t minor)
{
    const std::int64_t unit = minorPerWhole(currency);
    return {(minor + unit - 1) / unit * unit, currency};
}

// After the price on one line, when it fits before `maxX`.
void monthlyAfter(ImDrawList* dl, const std::string& text, ImVec2 pos, float maxX)
{
    if (text.empty() || pos.x + textSize(Font::Small, text).x > maxX) return;
    drawText(dl, Font::Small, pos, color::kTextMuted, text);
}


// The card's badges, compact: new or used, dealer, 360°, VIN checked, verified seller (the
// ones that do not fit are left off). Returns the width used.
float badges(ImDrawList* dl, const Strings& s, const ListingSummary& item, ImVec2 pos, float maxWidth)
{
    struct Badge {
        const char* text;
        ImU32 bg, fg;
    };
    std::vector<Badge> list;
    if (item.condition == Condition::New) list.push_back({s.get("browse.badge.new"), color::kAccentSoft, color::kAccent});
    else list.push_back({s.get("browse.badge.used"), color::kChip, color::kChipText});
    if (item.sellerKind == SellerKind::Dealer) list.push_back({s.get("browse.badge.dealer"), color::kChip, color::kChipText});
    if (item.hasSpin) list.push_back({s.get("browse.badge.spin"), color::kAccentSoft, color::kAccent});
    if (item.vinVerified) list.push_back({s.get("browse.badge.vin"), IM_COL32(220, 243, 228, 255), IM_COL32(21, 101, 52, 255)});
    if (item.sellerVerified)
        list.push_back({s.get("browse.badge.verified_seller"), IM_COL32(220, 243, 228, 255), IM_COL32(21, 101, 52, 255)});
    float x = pos.x;
    for (const Badge& badge : list) {
        const float w = chipWidth(badge.text);
        if (x + w > pos.x + maxWidth) break;
        x += chip(dl, ImVec2(x, pos.y), badge.text, badge.bg, badge.fg) + em(0.375f);
    }
    return x - pos.x;
}

// The badges as words for the card's accessible name.
std::string badgeWords(const Strings& s, const ListingSummary& item)
{
    std::string out = s.get(item.condition == Condition::New ? "browse.badge.new" : "browse.badge.used");
    if (item.sellerKind == SellerKind::Dealer) out += std::string(", ") + s.get("browse.badge.dealer");
    if (item.hasSpin) out += std::string(", ") + s.get("browse.badge.spin");
    if (item.vinVerified) out += std::string(", ") + s.get("browse.badge.vin");
    if (item.sellerVerified) out += std::string(", ") + s.get("browse.badge.verified_seller");
    return out;
}

} // namespace

bool BrowseScreen::drawCard(const ListingSummary& item, float width, CardLayout layout)
{
    const Strings& s = strings();
    const bool narrow = layout == CardLayout::CompactRow; // phone-sized: stacked text, smaller photo
    const bool tile = layout == CardLayout::Tile;
    const float pad = narrow || tile ? em(0.75f) : em(1.0f);
    const float h = cardHeight(width, layout);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + h);

    cardToggles(m_ui, item, pos, ImVec2(width, h)); // the heart and compare, over the card
    const Press press = pressable("##card", ImVec2(width, h));
    ItemInfo cardInfo;
    cardInfo.role = Role::Link;
    cardInfo.href = ListingRoute{item.id}.url();
    // "~205,300 ₸/mo": the annuity payment at the buyer's terms (the filter's, else the market's).
    const std::int64_t monthlyMinor = finance::monthlyPaymentMinor(item.price, finance::loanTermsFor(m_module.state().filter, item.price.currency));
    const std::string monthly =
        monthlyMinor > 0 ? s.format("browse.card.monthly", {{"amount", formatPrice(s, roundedUp(item.price.currency, monthlyMinor))}})
                         : std::string();
    cardInfo.detail = formatPrice(s, item.price) + (monthly.empty() ? "" : " (" + monthly + ")") + ", " +
                      std::to_string(item.year) + ", " + formatKm(s, item.mileageKm) + ", " + cityName(s, item.city) + ", " +
                      badgeWords(s, item);
    hookItem("card:" + std::to_string(item.id), item.title, nullptr, cardInfo);
    if (!ImGui::IsRectVisible(pos, max)) return press.clicked;
    const bool clicked = press.clicked;
    const bool hovered = press.hovered;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = em(0.75f);
    surface(dl, pos, max, r, hovered);
    const std::string price = formatPrice(s, item.price);
    const std::string city = cityName(s, item.city);

    if (tile) {
        // Photo across the top, then title, price, facts and badges.
        const float photoH = std::round(width * 0.75f);
        photo(dl, m_ui.textures, item.thumbUrl, pos, ImVec2(max.x, pos.y + photoH), r, shared().nowMs,
              s.get("common.no_photo"));
        const float x = pos.x + pad, textW = width - pad * 2;
        float y = pos.y + photoH + em(0.5f);
        drawText(dl, Font::Bold, ImVec2(x, y), hovered ? color::kAccent : color::kText, ellipsize(Font::Bold, item.title, textW));
        y += em(1.375f);
        drawText(dl, Font::Large, ImVec2(x, y), color::kText, ellipsize(Font::Large, price, textW));
        monthlyAfter(dl, monthly, ImVec2(x + textSize(Font::Large, price).x + em(0.5f), y + em(0.3f)), x + textW);
        y += em(1.75f);
        const std::string meta = std::to_string(item.year) + " \xC2\xB7 " + formatKm(s, item.mileageKm) + " \xC2\xB7 " + city;
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, ellipsize(Font::Small, meta, textW));
        y += em(1.375f);
        badges(dl, s, item, ImVec2(x, y), textW);
        return clicked;
    }

    const float thumbW = narrow ? std::min(em(9), width * 0.36f) : (width < em(46) ? em(10) : em(12));
    const float thumbH = std::round(thumbW * 0.75f);
    const ImVec2 tmin(pos.x + pad, pos.y + pad), tmax(pos.x + pad + thumbW, pos.y + pad + thumbH);
    photo(dl, m_ui.textures, item.thumbUrl, tmin, tmax, em(0.5f), shared().nowMs, s.get("common.no_photo"));

    const float x = tmax.x + (narrow ? em(0.875f) : em(1.25f));
    const float right = max.x - pad;
    const float textW = right - x;
    float y = pos.y + pad - 2;

    if (narrow) {
        drawText(dl, Font::Bold, ImVec2(x, y), hovered ? color::kAccent : color::kText,
                 ellipsize(Font::Bold, item.title, textW));
        y += em(1.5f);
        drawText(dl, Font::Large, ImVec2(x, y), color::kText, ellipsize(Font::Large, price, textW));
        monthlyAfter(dl, monthly, ImVec2(x + textSize(Font::Large, price).x + em(0.5f), y + em(0.3f)), x + textW);
        y += em(1.875f);
        const std::string meta = std::to_string(item.year) + " \xC2\xB7 " + formatKm(s, item.mileageKm);
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, ellipsize(Font::Small, meta, textW));
        y += em(1.375f);
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, ellipsize(Font::Small, city, textW));
        badges(dl, s, item, ImVec2(pos.x + pad, tmax.y + em(0.375f)), width - pad * 2);
    } else {
        // Title and price on the first line; the price never gets cut, the title yields.
        const float priceW = textSize(Font::Large, price).x;
        drawText(dl, Font::Large, ImVec2(right - priceW, y - 2), color::kText, price);
        // The monthly payment under the price; the facts beside it yield.
        const float monthlyW = monthly.empty() ? 0.0f : textSize(Font::Small, monthly).x + em(1.0f);
        if (!monthly.empty()) drawText(dl, Font::Small, ImVec2(right - monthlyW + em(1.0f), y + em(2.1f)), color::kTextMuted, monthly);
        drawText(dl, Font::Heading, ImVec2(x, y), hovered ? color::kAccent : color::kText,
                 ellipsize(Font::Heading, item.title, textW - priceW - em(1.5f)));
        y += em(2.0f);
        const std::string meta = std::to_string(item.year) + "  \xC2\xB7  " + formatKm(s, item.mileageKm) + "  \xC2\xB7  " + city;
        drawText(dl, Font::Regular, ImVec2(x, y), color::kTextMuted, ellipsize(Font::Regular, meta, textW - monthlyW));
        y += em(2.0f);
        float cx = x;
        for (const char* text : {label(s, item.transmission), label(s, item.fuel), label(s, item.body)}) {
            if (cx + chipWidth(text) > right) break;
            cx += chip(dl, ImVec2(cx, y), text) + em(0.5f);
        }
        // Bottom line: badges, then when.
        const float by = max.y - pad - em(1.0f);
        const std::string when = formatDate(s, item.createdAt);
        float postedW = 0;
        if (!when.empty()) {
            const std::string posted = s.format("browse.card.posted", {{"date", when}});
            postedW = textSize(Font::Small, posted).x;
            drawText(dl, Font::Small, ImVec2(right - postedW, by), color::kTextSubtle, posted);
        }
        badges(dl, s, item, ImVec2(x, by - em(0.2f)), textW - postedW - em(1.0f));
    }
    return clicked;
}

} // namespace dongelek::ui
