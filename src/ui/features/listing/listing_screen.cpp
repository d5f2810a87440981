// Listing screen. Two columns on wide windows (gallery, specs, description | summary,
// seller), one column on narrow ones. Left/Right switch photos, Esc goes back.

// [SECTION] Index
// - Layout and states
// - Gallery
// - Summary and seller
// - Specifications and description

#include "ui/features/listing/listing_screen.hpp"

#include "core/routes/view360_route.hpp"

#include "client/features/listing/listing_text.hpp"
#include "core/text_format.hpp"
#include "core/money.hpp"
#include "core/utf8.hpp"
#include "ui/redraw.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"
#include "ui/features/favorites/listing_toggles.hpp"
#include "ui/features/finance/finance_link.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dongelek::ui {

namespace {
// A white card with a heading; returns the y where content starts.
float cardHeading(ImDrawList* dl, ImVec2 pos, const char* hookId, const char* heading)
{
    const ImVec2 at(pos.x + em(1.25f), pos.y + em(1.125f));
    const ImVec2 size = textSize(Font::Heading, heading);
    hookRect(hookId, heading, at, ImVec2(at.x + size.x, at.y + size.y), nullptr, withRole(Role::Heading));
    drawText(dl, Font::Heading, ImVec2(pos.x + em(1.25f), pos.y + em(1.125f)), color::kText, heading);
    return pos.y + em(3.0f);
}
} // namespace

ListingScreen::ListingScreen(UiContext& ui, ListingModule& module)
    : Screen(ui, module, "title.listing_window", "screen.listing"), m_module(module)
{
}

std::string ListingScreen::errorText() const
{
    return errorMessage(strings(), m_module.state().details.error(), true);
}

// [SECTION] Layout and states

void ListingScreen::drawContent()
{
    const Strings& s = strings();
    const ListingState& l = m_module.state();
    const bool hasDetails = l.details.has();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;

    // Escape goes back (a popup or a field takes it first); the arrows change the photo,
    // unless the keyboard is moving focus between controls.
    const bool keyboardNav = GImGui->NavId != 0 && !GImGui->NavDisableHighlight;
    const bool overlay = l.viewerOpen || l.report.open; // they take the keys themselves
    if (!ImGui::GetIO().WantTextInput && !overlay) {
        if (!l.preview && ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
            !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
            m_ui.app.back();
        if (hasDetails && !keyboardNav && ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) m_module.showPhoto(l.photoIndex - 1);
        if (hasDetails && !keyboardNav && ImGui::IsKeyPressed(ImGuiKey_RightArrow)) m_module.showPhoto(l.photoIndex + 1);
    }

    // On phones the contact buttons stay at the bottom of the screen, under the page.
    const bool bar = layout.narrow && hasDetails;
    const float barH = bar ? contactBarHeight() : 0.0f;
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##listing.scroll", ImVec2(display.x, display.y - top - barH), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    if (m_scrolledFor != l.id) {
        m_scrolledFor = l.id;
        m_thumbScrolledTo = -1;
        ImGui::SetScrollY(0);
    }
    const float x0 = layout.left;
    const float y0 = ImGui::GetCursorScreenPos().y + em(1.0f);

    float bannerH = 0;
    if (m_banner) {
        bannerH = m_banner(x0, y0, layout.width);
    } else {
        ButtonOptions backOpt;
        backOpt.kind = ButtonKind::Ghost;
        backOpt.hasIcon = true;
        backOpt.icon = Icon::ChevronLeft;
        ImGui::SetCursorScreenPos(ImVec2(x0 - em(0.5f), y0));
        if (button("back", s.get("listing.back"), backOpt)) m_ui.app.back();
        bannerH = ImGui::GetFrameHeight();
    }
    const float y = y0 + bannerH + em(1.0f);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));

    const ImVec2 avail(layout.width, display.y - y);
    const RequestError& error = l.details.error();
    if (l.details.status() == Status::Error) {
        if (error.kind == ErrorKind::NotFound) {
            if (goneListingPanel(s, errorMessage(s, error, true), errorHint(s, error), avail)) m_ui.app.back();
        } else if (errorPanel(s, errorMessage(s, error, true), errorHint(s, error), avail)) {
            m_ui.app.retry();
        }
    } else if (!hasDetails) {
        spinnerBlock("spinner", avail, shared().nowMs);
    } else if (layout.narrow) {
        const float w = layout.width;
        const float gap = em(1.0f);
        float h = 0;
        const auto block = [&](float blockH) {
            if (blockH > 0) h += blockH + gap;
            ImGui::SetCursorScreenPos(ImVec2(x0, y + h));
        };
        block(drawGallery(w));
        block(drawSummary(w));
        block(drawActions(w));
        block(drawInsight(w));
        block(drawContact(w, false));
        block(drawSeller(w));
        block(drawSpecs(w, w > em(36)));
        block(drawDescription(w));
        block(drawSellerListings(w));
        block(drawSimilar(w));
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ImGui::Dummy(ImVec2(w, h + em(1.0f)));
    } else {
        const float gap = em(1.5f);
        const float rightW = em(24);
        const float leftW = layout.width - rightW - gap;
        // The title, price and seller column first: that is the order a screen reader (and
        // Tab) meets them in, the title before the photos.
        const float rx = x0 + leftW + gap;
        float right = 0;
        const auto rightBlock = [&](float blockH, float after) {
            if (blockH > 0) right += blockH + after;
            ImGui::SetCursorScreenPos(ImVec2(rx, y + right));
        };
        ImGui::SetCursorScreenPos(ImVec2(rx, y));
        rightBlock(drawSummary(rightW), em(0.75f));
        rightBlock(drawContact(rightW, true), em(0.5f));
        rightBlock(drawActions(rightW), em(0.75f));
        rightBlock(drawInsight(rightW), gap);
        rightBlock(drawSeller(rightW), 0.0f);
        float left = 0;
        const auto leftBlock = [&](float blockH) {
            if (blockH > 0) left += blockH + gap;
            ImGui::SetCursorScreenPos(ImVec2(x0, y + left));
        };
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        leftBlock(drawGallery(leftW));
        leftBlock(drawSpecs(leftW, leftW > em(36)));
        leftBlock(drawDescription(leftW));
        leftBlock(drawSellerListings(leftW));
        // Similar cars across the whole page, under both columns.
        const float bottom = std::max(left, right + gap);
        ImGui::SetCursorScreenPos(ImVec2(x0, y + bottom));
        const float similar = drawSimilar(layout.width);
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ImGui::Dummy(ImVec2(layout.width, bottom + similar + em(2.0f)));
    }
    endScrollRegion();
    if (bar) drawContactBar(display.y - barH, display.x);
    drawReportDialog();
    drawViewer();
}

// [SECTION] Gallery

// Two fingers on the photo zoom it (1x to 4x) about the point between them, which stays under
// the fingers; one finger then pans it, kept so the photo still covers its frame. Showing
// another photo, or pinching back under 1.05x, returns to the whole photo. Returns whether the
// photo is zoomed (a drag pans it, a tap does nothing).
bool ListingScreen::updatePhotoZoom(ImVec2 min, ImVec2 max, int photoIndex)
{
    PhotoZoom& z = m_photoZoom;
    const ImGuiIO& io = ImGui::GetIO();
    if (z.photo != photoIndex) z = PhotoZoom{1.0f, ImVec2(0, 0), photoIndex};
    const ImVec2 c0((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const ImVec2 size(max.x - min.x, max.y - min.y);
    const PinchInput& p = pinch();
    if (ImGui::IsMouseClicked(0)) z.pinchedThisPress = false;
    if (p.active && (z.pinching || ImRect(min, max).Contains(p.center))) {
        if (!z.pinching) {
            z.pinching = true;
            z.zoomAtStart = z.zoom;
            z.panAtStart = z.pan;
            z.centreAtStart = p.center;
        }
        z.pinchedThisPress = true;
        z.zoom = std::clamp(z.zoomAtStart * p.scale, 1.0f, 4.0f);
        // The photo's point that was under the fingers when they landed stays under them.
        const ImVec2 u((z.centreAtStart.x - c0.x - z.panAtStart.x) / z.zoomAtStart,
                       (z.centreAtStart.y - c0.y - z.panAtStart.y) / z.zoomAtStart);
        z.pan = ImVec2(p.center.x - c0.x - u.x * z.zoom, p.center.y - c0.y - u.y * z.zoom);
        claimTouchDrag();
    } else if (z.pinching) {
        z.pinching = false;
        if (z.zoom < 1.05f) {
            z.zoom = 1.0f;
            z.pan = ImVec2(0, 0);
        }
    } else if (z.zoom > 1.0f && io.MouseDown[0] && ImRect(min, max).Contains(io.MouseClickedPos[0]) &&
               ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        z.pan = ImVec2(z.pan.x + io.MouseDelta.x, z.pan.y + io.MouseDelta.y);
        claimTouchDrag();
    }
    const ImVec2 room(size.x * (z.zoom - 1.0f) * 0.5f, size.y * (z.zoom - 1.0f) * 0.5f);
    z.pan = ImVec2(std::clamp(z.pan.x, -room.x, room.x), std::clamp(z.pan.y, -room.y, room.y));
    return z.zoom > 1.0f || z.pinching || z.pinchedThisPress;
}

float ListingScreen::drawGallery(float width)
{
    const Strings& s = strings();
    const ListingState& l = m_module.state();
    TextureCache& textures = m_ui.textures;
    const auto& photos = l.details.value().photos;
    const int count = static_cast<int>(photos.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // 4:3 like the photos, but never so tall that the title drops far below the fold.
    const float displayH = ImGui::GetIO().DisplaySize.y;
    const float mainH = std::round(std::min({width * 0.75f, em(34), std::max(em(14), displayH * 0.62f)}));
    const ImVec2 mmax(pos.x + width, pos.y + mainH);
    const float r = em(0.75f);

    // Main photo, letter-boxed on a dark backdrop; the thumbnail stands in while the large one loads.
    ImGui::SetNextItemAllowOverlap();
    bool mainClicked = pressable("##photo.main", ImVec2(width, mainH), count > 0).clicked;
    bool swiped = false;
    const ImGuiIO& io = ImGui::GetIO();
    const bool zoomed = updatePhotoZoom(pos, mmax, l.photoIndex);
    if (zoomed) mainClicked = false; // a tap on a zoomed photo does not turn it
    // A sideways swipe on the photo (a finger, or a mouse drag), wherever it starts on it (the
    // arrows included), shows the next or previous one; while it lasts the photo follows it.
    // A mostly vertical drag is the page's scroll. On a zoomed photo a drag pans it instead.
    const ImVec2 drag(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
    const bool fromPhoto = ImRect(pos, mmax).Contains(io.MouseClickedPos[0]) &&
                           ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const bool sideways = !zoomed && fromPhoto && std::fabs(drag.x) > em(0.75f) && std::fabs(drag.x) > std::fabs(drag.y);
    const float shift = count > 1 && ImGui::IsMouseDown(0) && sideways ? drag.x : 0.0f;
    if (count > 1 && ImGui::IsMouseReleased(0) && sideways && std::fabs(drag.x) > std::max(em(3), width * 0.12f)) {
        m_module.showPhoto(l.photoIndex + (drag.x < 0 ? 1 : -1));
        mainClicked = false; // the release ends a swipe, not a click
        swiped = true;
    }
    if (shift != 0) keepAnimating();
    char zoomText[16];
    std::snprintf(zoomText, sizeof zoomText, "%.2f", m_photoZoom.zoom); // for tests: the zoom factor
    hookItem("photo.main", count > 0 ? s.format("listing.photo_of", {{"index", std::to_string(l.photoIndex + 1)},
                                                                      {"count", std::to_string(count)}})
                                     : std::string(s.get("common.no_photo")),
             zoomText, withRole(count > 0 ? Role::Button : Role::Image));
    dl->AddRectFilled(pos, mmax, col(color::kPhotoBackdrop), r);
    if (count > 0) {
        const Photo& p = photos[static_cast<std::size_t>(l.photoIndex)];
        const Texture* large = textures.get(p.largeUrl);
        const Texture* thumb = large ? nullptr : textures.get(p.thumbUrl);
        dl->PushClipRect(pos, mmax, true);
        // Zoomed about the frame's centre, then panned; or following a swipe.
        const ImVec2 c((pos.x + mmax.x) * 0.5f + m_photoZoom.pan.x + shift, (pos.y + mmax.y) * 0.5f + m_photoZoom.pan.y);
        const ImVec2 half(width * 0.5f * m_photoZoom.zoom, mainH * 0.5f * m_photoZoom.zoom);
        const ImVec2 zmin(c.x - half.x, c.y - half.y), zmax(c.x + half.x, c.y + half.y);
        if (large) imageContain(dl, *large, zmin, zmax);
        else if (thumb) imageContain(dl, *thumb, zmin, zmax);
        else if (textures.failed(p.largeUrl) && textures.failed(p.thumbUrl))
            photo(dl, textures, "", pos, mmax, r, shared().nowMs, s.get("common.no_photo"));
        else shimmer(dl, pos, mmax, r, shared().nowMs);
        if (!large && !textures.failed(p.largeUrl))
            spinner("photo.loading", ImVec2(mmax.x - em(1.5f), pos.y + em(1.5f)), em(0.625f), shared().nowMs);
        dl->PopClipRect();
        // Preload the neighbours so next/prev feel instant.
        if (count > 1) {
            textures.prefetch(photos[static_cast<std::size_t>((l.photoIndex + 1) % count)].largeUrl);
            textures.prefetch(photos[static_cast<std::size_t>((l.photoIndex + count - 1) % count)].largeUrl);
        }
    } else {
        photo(dl, textures, "", pos, mmax, r, shared().nowMs, s.get("common.no_photo"));
    }

    bool navClicked = false;
    if (count > 1) {
        // Counter pill.
        const std::string counter = std::to_string(l.photoIndex + 1) + " / " + std::to_string(count);
        const float cw = textSize(Font::Small, counter).x + em(1.25f);
        const ImVec2 cmin(mmax.x - cw - em(0.75f), mmax.y - em(2.25f));
        dl->AddRectFilled(cmin, ImVec2(cmin.x + cw, cmin.y + em(1.5f)), col(IM_COL32(17, 24, 39, 170)), em(0.75f));
        drawText(dl, Font::Small, ImVec2(cmin.x + em(0.625f), cmin.y + em(0.25f) - 1), IM_COL32_WHITE, counter);
        // Prev / next: round white buttons over the photo's edges.
        const float d = em(2.75f);
        for (int dir : {-1, 1}) {
            const ImVec2 bmin(dir < 0 ? pos.x + em(0.75f) : mmax.x - em(0.75f) - d, pos.y + (mainH - d) * 0.5f);
            ImGui::SetCursorScreenPos(bmin);
            const char* id = dir < 0 ? "photo.prev" : "photo.next";
            const Press press = pressable(id, ImVec2(d, d));
            const bool clicked = press.clicked;
            const bool hovered = press.hovered;
            hookItem(id, s.get(dir < 0 ? "listing.photo_prev" : "listing.photo_next"), nullptr, withRole(Role::Button));
            const ImVec2 cc(bmin.x + d * 0.5f, bmin.y + d * 0.5f);
            dl->AddCircleFilled(ImVec2(cc.x, cc.y + 1), d * 0.5f, col(IM_COL32(0, 0, 0, 40)), 32);
            dl->AddCircleFilled(cc, d * 0.5f, col(hovered ? IM_COL32_WHITE : IM_COL32(255, 255, 255, 225)), 32);
            drawIcon(dl, dir < 0 ? Icon::ChevronLeft : Icon::ChevronRight, cc, em(1.125f), color::kText);
            if (clicked && !swiped) {
                m_module.showPhoto(l.photoIndex + dir);
                navClicked = true;
            }
        }
    }
    // The 360-degree view (its own screen, a link) over the photo's top left corner.
    if (l.details.value().summary.hasSpin) {
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.href = View360Route{l.id, false}.url();
        m_ui.app.prefetch(o.href); // the click then finds the car ready to turn
        ImGui::SetCursorScreenPos(ImVec2(pos.x + em(0.75f), pos.y + em(0.75f)));
        if (button("listing.view360", s.get("view360.open"), o)) {
            m_ui.app.navigate(o.href);
            mainClicked = false;
        }
    }
    // A click, tap or Enter on the photo opens it full screen.
    if (mainClicked && !navClicked && count > 0) m_module.openViewer(l.photoIndex);

    float h = mainH;
    if (count > 1) {
        // Thumbnail strip, scrolling sideways when it does not fit.
        const float tw = em(6), th = em(4.5f), gap = em(0.5f);
        const float stripW = count * tw + (count - 1) * gap;
        const bool scrolls = stripW > width;
        const float stripH = th + (scrolls ? em(1.0f) : 0.0f);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + mainH + em(0.75f)));
        ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em(0.5f));
        if (beginScrollRegion("##thumbs", ImVec2(width, stripH), ScrollKind::Inner, ImGuiChildFlags_None,
                              ImGuiWindowFlags_HorizontalScrollbar)) {
            ImDrawList* tdl = ImGui::GetWindowDrawList();
            for (int i = 0; i < count; ++i) {
                ImGui::PushID(i);
                if (i > 0) ImGui::SameLine(0, gap);
                const ImVec2 tp = ImGui::GetCursorScreenPos();
                const Press press = pressable("##thumb", ImVec2(tw, th));
                const bool clicked = press.clicked;
                const bool hovered = press.hovered;
                hookItem("photo.thumb:" + std::to_string(i),
                         s.format("listing.photo_of", {{"index", std::to_string(i + 1)}, {"count", std::to_string(count)}}),
                         nullptr, withRole(Role::Button));
                if (i == l.photoIndex && m_thumbScrolledTo != i) {
                    ImGui::SetScrollHereX(0.5f);
                    m_thumbScrolledTo = i;
                }
                const ImVec2 tq(tp.x + tw, tp.y + th);
                if (ImGui::IsRectVisible(tp, tq))
                    photo(tdl, textures, photos[static_cast<std::size_t>(i)].thumbUrl, tp, tq, em(0.375f), shared().nowMs,
                          nullptr);
                if (i == l.photoIndex) tdl->AddRect(tp, tq, col(color::kAccent), em(0.375f), 0, 2.5f);
                else if (hovered) tdl->AddRect(tp, tq, col(color::kTextSubtle), em(0.375f), 0, 1.5f);
                else tdl->AddRectFilled(tp, tq, col(IM_COL32(255, 255, 255, 70)), em(0.375f));
                if (clicked) m_module.showPhoto(i);
                ImGui::PopID();
            }
        }
        endScrollRegion();
        ImGui::PopStyleVar();
        h += em(0.75f) + stripH;
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

// [SECTION] Summary and seller

float ListingScreen::drawSummary(float width)
{
    const Strings& s = strings();
    const ListingSummary& item = m_module.state().details.value().summary;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f);
    const float inner = width - pad * 2;
    const ImVec2 titleSize = selectableTextSize(Font::Title, item.title, inner);
    // "Posted 12 November 2024": the date in full, with the month in the form a day takes.
    const std::string date = formatLongDate(s, item.createdAt);
    const std::string posted = date.empty() ? std::string() : s.format("listing.posted", {{"date", date}});
    const float postedH = posted.empty() ? 0.0f : em(0.75f) + em(1.25f);
    // The price in the buyer's currency too, at the reference rate.
    const std::string converted = convertedPriceText(s, item.price, m_module.buyerCurrency());
    const float convertedH = converted.empty() ? 0.0f : em(1.5f) + em(1.25f);
    const float financeH = monthlyPaymentLinkHeight(m_ui, item, inner); // the loan calculator and the cost estimate
    const float h = pad + titleSize.y + em(0.5f) + em(1.5f) + em(0.75f) + em(2.25f) + convertedH + financeH + em(0.75f) +
                    em(1.5f) + postedH + pad;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));

    float y = pos.y + pad;
    SelectableTextOptions titleText;
    titleText.wrapWidth = inner;
    titleText.hookId = "listing.title";
    titleText.role = Role::Heading;
    selectableText("##title", Font::Title, ImVec2(pos.x + pad, y), color::kText, item.title, titleText);
    y += titleSize.y + em(0.5f);
    const std::string meta = std::to_string(item.year) + "  \xC2\xB7  " + formatKm(s, item.mileageKm) + "  \xC2\xB7  " +
                             cityName(s, item.city);
    selectableText("##meta", Font::Regular, ImVec2(pos.x + pad, y), color::kTextMuted, ellipsize(Font::Regular, meta, inner));
    y += em(1.5f) + em(0.75f);
    const std::string price = formatPrice(s, item.price);
    SelectableTextOptions priceText;
    priceText.hookId = "listing.price";
    const ImVec2 priceSize = selectableText("##price", Font::Title, ImVec2(pos.x + pad, y), color::kAccent, price, priceText);
    // Save and compare, at the right (not in the seller's preview: there is nothing to keep yet).
    if (!m_module.state().preview) rowToggles(m_ui, item, ImVec2(pos.x + pad + inner, y));
    // The deal badge beside the price, once the price check knows it.
    const ListingState& l = m_module.state();
    if (l.insight.has() && l.insight.value().available && l.insight.value().rating != DealRating::Unknown) {
        const DealRating rating = l.insight.value().rating;
        const char* key = rating == DealRating::Great ? "listing.insight.great"
                          : rating == DealRating::Good ? "listing.insight.good"
                          : rating == DealRating::Fair ? "listing.insight.fair"
                                                       : "listing.insight.high";
        const ImU32 bg = rating == DealRating::Great  ? IM_COL32(21, 128, 61, 255)
                         : rating == DealRating::Good ? IM_COL32(220, 252, 231, 255)
                         : rating == DealRating::Fair ? IM_COL32(232, 240, 252, 255)
                                                      : IM_COL32(254, 237, 213, 255);
        const ImU32 fg = rating == DealRating::Great  ? IM_COL32_WHITE
                         : rating == DealRating::Good ? IM_COL32(22, 101, 52, 255)
                         : rating == DealRating::Fair ? IM_COL32(14, 75, 160, 255)
                                                      : IM_COL32(154, 52, 18, 255);
        const float bx = pos.x + pad + priceSize.x + em(0.75f);
        if (bx + chipWidth(s.get(key)) <= pos.x + pad + inner - em(6)) { // clear of the toggles
            const float bw = chip(dl, ImVec2(bx, y + em(0.375f)), s.get(key), bg, fg);
            hookRect("listing.deal", s.get(key), ImVec2(bx, y + em(0.375f)), ImVec2(bx + bw, y + em(1.875f)),
                     std::string(toString(rating)).c_str(), withRole(Role::Text));
        }
    }
    y += em(2.25f);
    if (!converted.empty()) {
        // "≈ BD 8,750": the font has no U+2248, so the sign is drawn and the rest is text (the
        // hook and the page's mirror get the whole line).
        const std::string approxSign = "\xE2\x89\x88 ";
        const std::string amount = converted.rfind(approxSign, 0) == 0 ? converted.substr(approxSign.size()) : converted;
        const float sx = pos.x + pad, sy = y + em(0.8f), sw = em(0.75f);
        for (float dy : {-em(0.15f), em(0.15f)}) {
            ImVec2 pts[9];
            for (int k = 0; k < 9; ++k) {
                const float t = k / 8.0f;
                pts[k] = ImVec2(sx + t * sw, sy + dy - std::sin(t * 6.2832f) * em(0.09f));
            }
            dl->AddPolyline(pts, 9, col(color::kTextMuted), 0, 1.6f);
        }
        SelectableTextOptions convertedText;
        convertedText.hookId = "listing.price_converted";
        convertedText.hookLabel = &converted;
        selectableText("##converted", Font::Large, ImVec2(sx + sw + em(0.4f), y), color::kTextMuted, amount, convertedText);
        y += em(1.5f);
        const std::string rate = referenceRateText(s);
        SelectableTextOptions rateText;
        rateText.hookId = "listing.rate";
        selectableText("##rate", Font::Small, ImVec2(pos.x + pad, y), color::kTextSubtle, ellipsize(Font::Small, rate, inner),
                       rateText);
        y += em(1.25f);
    }
    y += monthlyPaymentLink(m_ui, item, ImVec2(pos.x + pad, y), inner);
    y += em(0.75f);
    float cx = pos.x + pad;
    for (const char* text : {label(s, item.transmission), label(s, item.fuel), label(s, item.body)}) {
        if (cx + chipWidth(text) > pos.x + pad + inner) break;
        cx += chip(dl, ImVec2(cx, y), text) + em(0.5f);
    }
    if (!posted.empty()) {
        y += em(1.5f) + em(0.75f);
        const std::string shown = ellipsize(Font::Small, posted, inner);
        SelectableTextOptions postedText;
        postedText.hookId = "listing.posted";
        postedText.hookLabel = &posted;
        selectableText("##posted", Font::Small, ImVec2(pos.x + pad, y), color::kTextMuted, shown, postedText);
    }
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

float ListingScreen::drawSeller(float width)
{
    const Strings& s = strings();
    const Seller& seller = m_module.state().details.value().seller;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f);
    const float inner = width - pad * 2;
    const float h = em(3.0f) + em(3.5f) + em(1.0f) + em(2.0f) * 2 + pad;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));
    float y = cardHeading(dl, pos, "heading:seller", s.get("listing.seller.title"));

    // Avatar with initials, name and kind.
    std::string initials;
    bool wordStart = true;
    for (std::size_t i = 0; i < seller.name.size() && utf8::length(initials) < 2;) {
        const unsigned char ch = static_cast<unsigned char>(seller.name[i]);
        const std::size_t n = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4; // one whole UTF-8 letter
        if (ch == ' ') wordStart = true;
        else if (wordStart) {
            initials += seller.name.substr(i, n);
            wordStart = false;
        }
        i += n;
    }
    const float av = em(3.0f);
    const ImVec2 ac(pos.x + pad + av * 0.5f, y + av * 0.5f);
    dl->AddCircleFilled(ac, av * 0.5f, col(color::kAccentSoft), 40);
    const float iw = textSize(Font::Bold, initials).x;
    drawText(dl, Font::Bold, ImVec2(ac.x - iw * 0.5f, ac.y - em(0.5f) - 1), color::kAccent, initials);
    const float nx = pos.x + pad + av + em(0.875f);
    const std::string name = ellipsize(Font::Bold, seller.name, pos.x + pad + inner - nx);
    SelectableTextOptions nameText;
    nameText.hookId = "seller.name";
    nameText.hookLabel = &seller.name;
    selectableText("##seller.name", Font::Bold, ImVec2(nx, y + em(0.125f)), color::kText, name, nameText);
    const bool dealer = seller.kind == SellerKind::Dealer;
    const float kindW = chip(dl, ImVec2(nx, y + em(1.625f)), label(s, seller.kind),
                             dealer ? color::kAccentSoft : color::kChip, dealer ? color::kAccent : color::kChipText);
    // "Verified seller" (email and phone confirmed) after the dealer or private label, when it fits.
    if (m_module.state().details.value().summary.sellerVerified) {
        const char* verified = s.get("browse.badge.verified_seller");
        const ImVec2 vp(nx + kindW + em(0.375f), y + em(1.625f));
        if (vp.x + chipWidth(verified) <= pos.x + pad + inner) {
            const float vw = chip(dl, vp, verified, IM_COL32(220, 243, 228, 255), IM_COL32(21, 101, 52, 255));
            hookRect("seller.verified", verified, vp, ImVec2(vp.x + vw, vp.y + em(1.5f)), nullptr, withRole(Role::Text));
        }
    }
    y += em(3.5f) + em(1.0f);

    // City and member since (the phone is behind "Show phone").
    const auto row = [&](Icon icon, const std::string& text, const char* hookId, float reserve) {
        drawIcon(dl, icon, ImVec2(pos.x + pad + em(0.5f), y + em(0.625f)), em(1.0f), color::kTextMuted);
        const std::string shown = ellipsize(Font::Regular, text, inner - em(1.75f) - reserve);
        SelectableTextOptions rowText;
        rowText.hookId = text.empty() ? nullptr : hookId;
        rowText.hookLabel = &text;
        selectableText(hookId, Font::Regular, ImVec2(pos.x + pad + em(1.75f), y + em(0.125f)), color::kText, shown,
                       rowText);
    };
    row(Icon::Pin, cityName(s, seller.city), "seller.city", 0.0f);
    y += em(2.0f);
    const std::string since = formatSinceMonthYear(s, seller.memberSince);
    row(Icon::Calendar, since.empty() ? std::string() : s.format("listing.seller.member_since", {{"date", since}}),
        "seller.since", 0.0f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

// [SECTION] Specifications and description

float ListingScreen::drawSpecs(float width, bool twoColumns)
{
    const Strings& s = strings();
    const ListingDetails& d = m_module.state().details.value();
    const ListingSummary& item = d.summary;
    struct Spec {
        const char* name;
        std::string value;
    };
    const std::string engine = formatEngine(s, d.engineLitres);
    const Spec specs[] = {
        {"year", std::to_string(item.year)},
        {"mileage", formatKm(s, item.mileageKm)},
        {"body", label(s, item.body)},
        {"fuel", label(s, item.fuel)},
        {"transmission", label(s, item.transmission)},
        {"drive", label(s, d.drive)},
        {"engine", engine.empty() ? "\xE2\x80\x94" : engine},
        {"power", d.powerHp > 0 ? s.format("format.hp", {{"count", std::to_string(d.powerHp)}}) : "\xE2\x80\x94"},
        {"color", d.color.empty() ? "\xE2\x80\x94" : colorName(s, d.color)},
        {"vin", d.vin.empty() ? "\xE2\x80\x94" : d.vin},
        {"city", cityName(s, item.city)},
        {"trim", d.trim.empty() ? "\xE2\x80\x94" : d.trim},
        {"condition", label(s, item.condition)},
        {"owners", std::to_string(d.owners)},
        {"steering", label(s, d.steering)},
        {"customs", s.get(d.customsCleared ? "listing.specs.yes" : "listing.specs.no")},
        {"accidents", d.accidents == 0 ? std::string(s.get("listing.specs.accidents_none")) : std::to_string(d.accidents)},
    };
    constexpr int kCount = static_cast<int>(sizeof(specs) / sizeof(specs[0]));
    const int columns = twoColumns ? 2 : 1;
    const int rows = (kCount + columns - 1) / columns;
    const float rowH = em(2.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f);
    const float h = em(3.0f) + rows * rowH + pad * 0.75f;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));
    const float y0 = cardHeading(dl, pos, "heading:specs", s.get("listing.specs.title"));
    const float colGap = em(2.0f);
    const float colW = (width - pad * 2 - colGap * (columns - 1)) / columns;
    for (int i = 0; i < kCount; ++i) {
        const int column = i / rows, rowIndex = i % rows;
        const float x = pos.x + pad + column * (colW + colGap);
        const float y = y0 + rowIndex * rowH;
        const std::string key = std::string("listing.specs.") + specs[i].name;
        const char* labelText = s.get(key);
        if (rowIndex > 0) dl->AddLine(ImVec2(x, y), ImVec2(x + colW, y), col(color::kBorder));
        ImGui::PushID(i);
        selectableText("##label", Font::Regular, ImVec2(x, y + (rowH - em()) * 0.5f - 1), color::kTextMuted, labelText);
        const float lw = textSize(Font::Regular, labelText).x;
        const bool vinBadge = std::string(specs[i].name) == "vin" && item.vinVerified && !d.vin.empty();
        const char* badgeText = s.get("browse.badge.vin");
        const float badgeW = vinBadge ? chipWidth(badgeText) + em(0.5f) : 0.0f;
        const std::string value = ellipsize(Font::Bold, specs[i].value, colW - lw - em(1.0f) - badgeW);
        const float vw = selectableTextSize(Font::Bold, value).x;
        selectableText("##value", Font::Bold, ImVec2(x + colW - vw - badgeW, y + (rowH - em()) * 0.5f - 1), color::kText, value);
        if (vinBadge) {
            const ImVec2 bp(x + colW - badgeW + em(0.5f), y + (rowH - em(1.5f)) * 0.5f);
            const float bw = chip(dl, bp, badgeText, IM_COL32(220, 252, 231, 255), IM_COL32(22, 101, 52, 255));
            hookRect("spec.vin_checked", badgeText, bp, ImVec2(bp.x + bw, bp.y + em(1.5f)), nullptr, withRole(Role::Text));
        }
        ImGui::PopID();
        hookRect(std::string("spec:") + specs[i].name, labelText, ImVec2(x, y), ImVec2(x + colW, y + rowH),
                 specs[i].value.c_str(), withRole(Role::Text));
    }
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

float ListingScreen::drawDescription(float width)
{
    const Strings& s = strings();
    const std::string& text = m_module.state().details.value().description;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f);
    const float inner = width - pad * 2;
    const std::string shown = text.empty() ? std::string(s.get("listing.description.none")) : text;
    const ImVec2 size = selectableTextSize(Font::Regular, shown, inner);
    const float h = em(3.0f) + size.y + pad;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));
    const float y = cardHeading(dl, pos, "heading:description", s.get("listing.description.title"));
    SelectableTextOptions body;
    body.wrapWidth = inner;
    body.hookId = "listing.description";
    selectableText("##description", Font::Regular, ImVec2(pos.x + pad, y), text.empty() ? color::kTextMuted : color::kText,
                   shown, body);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

} // namespace dongelek::ui
