// The listing screen's newer blocks: contact (card and phone bar), share and report actions,
// the price check, the card strips (seller's other listings, similar cars), the report dialog
// and the full-screen viewer's hookup. Layout is in listing_screen.cpp.

#include "ui/features/listing/listing_screen.hpp"

#include "ui/features/listing/deal_rating.hpp"

#include "client/features/listing/listing_text.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "platform/http.hpp"
#include "platform/share.hpp"
#include "ui/redraw.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

namespace {

float heading(ImDrawList* dl, ImVec2 pos, const char* hookId, const char* text)
{
    const ImVec2 at(pos.x + em(1.25f), pos.y + em(1.125f));
    const ImVec2 size = textSize(Font::Heading, text);
    hookRect(hookId, text, at, ImVec2(at.x + size.x, at.y + size.y), nullptr, withRole(Role::Heading));
    drawText(dl, Font::Heading, at, color::kText, text);
    return pos.y + em(3.0f);
}

} // namespace

// [SECTION] Links out

std::string ListingScreen::shareLink() const { return platform::siteOrigin() + ListingRoute{m_module.state().id}.url(); }

std::string ListingScreen::contactMessageText() const
{
    return contactMessage(strings(), m_module.state().details.value().summary, shareLink());
}

// [SECTION] Contact

void ListingScreen::drawContactButtons(const char* idPrefix, float width)
{
    const Strings& s = strings();
    const ListingState& l = m_module.state();
    const ContactState& c = l.contact;
    const std::string p = idPrefix;
    const float gap = em(0.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (c.reveal.status() == Status::Ready) {
        const ContactReveal& r = c.reveal.value();
        const std::string message = contactMessageText();
        const std::string tel = telHref(r.phone);
        const std::string wa = withTextParam(r.whatsapp, message);
        const std::string tg = withTextParam(r.telegram, message);
        if (m_openWhenRevealed) {
            m_openWhenRevealed = false;
            if (shared().nowMs - c.askedAtMs < 4000 && c.channel != ContactChannel::Phone)
                platform::openExternal(c.channel == ContactChannel::WhatsApp ? wa : tg);
        }
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.hasIcon = true;
        o.icon = Icon::Phone;
        o.href = tel;
        o.name = s.get("listing.contact.call") + std::string(" ") + r.phone;
        o.size = ImVec2(width, 0);
        ImGui::SetCursorScreenPos(pos);
        if (button((p + ".tel").c_str(), r.phone, o)) platform::openExternal(tel);
        ButtonOptions w;
        w.kind = ButtonKind::Secondary;
        w.size = ImVec2((width - gap) / 2, 0);
        w.href = wa;
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + ImGui::GetFrameHeight() + gap));
        if (button((p + ".whatsapp").c_str(), s.get("listing.contact.whatsapp"), w)) platform::openExternal(wa);
        w.href = tg;
        ImGui::SetCursorScreenPos(ImVec2(pos.x + (width + gap) / 2, pos.y + ImGui::GetFrameHeight() + gap));
        if (button((p + ".telegram").c_str(), s.get("listing.contact.telegram"), w)) platform::openExternal(tg);
        return;
    }
    const int wait = m_module.contactWaitSeconds(shared().nowMs);
    // The countdown redraws when what it says changes: each minute, then each second.
    if (wait > 0) redrawAfter(wait > 60 ? ((wait - 1) % 60 + 1) * 1000.0 : 1000.0);
    const bool enabled = !c.reveal.loading() && wait == 0;
    ButtonOptions o;
    o.kind = ButtonKind::Primary;
    o.hasIcon = true;
    o.icon = Icon::Phone;
    o.enabled = enabled;
    o.size = ImVec2(width, 0);
    ImGui::SetCursorScreenPos(pos);
    if (button((p + ".show").c_str(), s.get("listing.contact.show_phone"), o)) m_module.revealContact(ContactChannel::Phone);
    if (c.reveal.loading() && c.channel == ContactChannel::Phone)
        spinner((p + ".loading").c_str(), ImVec2(pos.x + width - em(1.25f), pos.y + ImGui::GetFrameHeight() * 0.5f), em(0.5f),
                shared().nowMs);
    ButtonOptions w;
    w.kind = ButtonKind::Secondary;
    w.enabled = enabled;
    w.size = ImVec2((width - gap) / 2, 0);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + ImGui::GetFrameHeight() + gap));
    if (button((p + ".whatsapp").c_str(), s.get("listing.contact.whatsapp"), w)) {
        m_module.revealContact(ContactChannel::WhatsApp);
        m_openWhenRevealed = !l.preview; // the seller's preview only shows the links
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x + (width + gap) / 2, pos.y + ImGui::GetFrameHeight() + gap));
    if (button((p + ".telegram").c_str(), s.get("listing.contact.telegram"), w)) {
        m_module.revealContact(ContactChannel::Telegram);
        m_openWhenRevealed = !l.preview;
    }
}

float ListingScreen::drawContact(float width, bool buttons)
{
    const Strings& s = strings();
    const ListingState& l = m_module.state();
    const ContactState& c = l.contact;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f), inner = width - pad * 2;
    const int wait = m_module.contactWaitSeconds(shared().nowMs);
    std::string problem;
    if (c.reveal.status() == Status::Error) {
        if (c.reveal.error().kind == ErrorKind::RateLimited) {
            problem = std::string(s.get("listing.contact.limited")) + " " +
                      (wait >= 60 ? formatCount(s, "listing.contact.wait_minutes", (wait + 59) / 60)
                                  : formatCount(s, "listing.contact.wait_seconds", std::max(1, wait)));
        } else {
            problem = s.get("listing.contact.failed");
        }
    }
    if (!buttons && problem.empty()) return 0.0f; // a phone's buttons are in the bottom bar
    const float buttonsH = buttons ? ImGui::GetFrameHeight() * 2 + em(0.5f) : -em(0.75f);
    const ImVec2 problemSize = problem.empty() ? ImVec2(0, 0) : selectableTextSize(Font::Small, problem, inner);
    const float h = pad + buttonsH + (problem.empty() ? 0.0f : em(0.75f) + problemSize.y) + pad;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    if (buttons) drawContactButtons("contact", inner);
    if (!problem.empty()) {
        SelectableTextOptions t;
        t.wrapWidth = inner;
        t.hookId = "contact.error";
        selectableText("##contact.error", Font::Small, ImVec2(pos.x + pad, pos.y + pad + buttonsH + em(0.75f)), color::kDanger,
                       problem, t);
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

float ListingScreen::contactBarHeight() { return ImGui::GetFrameHeight() * 2 + em(0.5f) + em(1.5f); }

void ListingScreen::drawContactBar(float top, float width)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = contactBarHeight();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(width, top + h), col(color::kSurface));
    dl->AddLine(ImVec2(0, top), ImVec2(width, top), col(color::kBorder));
    ImGui::SetCursorScreenPos(ImVec2(em(0.75f), top + em(0.75f)));
    drawContactButtons("contactbar", width - em(1.5f));
}

// [SECTION] Share and report

float ListingScreen::drawActions(float width)
{
    if (m_module.state().preview) return 0.0f; // nothing to share, keep or report before it is published
    const Strings& s = strings();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ButtonOptions o;
    o.kind = ButtonKind::Ghost;
    o.font = Font::Regular;
    const bool copied = shared().nowMs - m_copiedAt < 2000.0;
    if (copied) redrawAfter(2000.0 - (shared().nowMs - m_copiedAt)); // the feedback goes away by itself
    float x = pos.x, y = pos.y;
    // Side by side, wrapping to another row where they do not fit (long words on a phone).
    const auto next = [&](const char* id, const char* text, bool hasIcon, Icon icon) {
        o.hasIcon = hasIcon;
        o.icon = icon;
        const float w = buttonWidth(text, o);
        if (x + w > pos.x + width && x > pos.x) {
            x = pos.x;
            y += ImGui::GetFrameHeight() + em(0.25f);
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const bool pressed = button(id, text, o);
        x += w + em(0.25f);
        return pressed;
    };
    if (platform::canShareSheet() && next("listing.share", s.get("listing.share.title"), false, Icon::Copy)) {
        const ListingSummary& item = m_module.state().details.value().summary;
        platform::shareSheet(item.title, s.format("listing.share.text", {{"car", carName(item)}}), shareLink());
    }
    if (next("listing.copy_link", s.get(copied ? "listing.share.copied" : "listing.share.copy"), true,
             copied ? Icon::Check : Icon::Copy)) {
        ImGui::SetClipboardText(shareLink().c_str());
        m_copiedAt = shared().nowMs;
    }
    if (next("listing.report", s.get("listing.report.open"), true, Icon::Alert)) m_module.openReport();
    const float h = y - pos.y + ImGui::GetFrameHeight();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

void ListingScreen::drawReportDialog()
{
    const Strings& s = strings();
    const ReportState& r = m_module.state().report;
    if (!r.open) {
        m_reportTop = -1;
        return;
    }
    if (m_reportVisit != r.visit) {
        m_reportVisit = r.visit;
        m_reportReason = -1;
        m_reportComment.clear();
    }
    // A dimmed window over the whole screen (not an ImGui popup, so nothing stays open when the
    // screen stops drawing it) with the dialog's card in the middle.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(display.x - em(1.0f), em(28));
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(17, 24, 39, 110));
    ImGui::Begin("##report", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    const float padX = em(1.25f);
    // Centred once its height is known; never moved while it is open (a press must land where
    // the control was drawn), only when it grows past the bottom.
    if (m_reportTop < 0 || m_reportTop + m_reportHeight > display.y)
        m_reportTop = m_reportHeight > 0 ? std::max(em(0.5f), (display.y - m_reportHeight) * 0.5f) : display.y * 0.15f;
    const ImVec2 card(std::round((display.x - w) * 0.5f), std::round(m_reportTop));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(card.x + padX, card.y + padX));
    ImGui::BeginGroup();
    const float inner = w - padX * 2;
    bool close = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    const auto text = [&](const char* id, Font f, ImU32 c, const std::string& t) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        SelectableTextOptions o;
        o.wrapWidth = inner;
        o.hookId = id;
        const ImVec2 size = selectableText(id, f, p, c, t, o);
        ImGui::Dummy(ImVec2(inner, size.y));
    };
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* title = s.get("listing.report.title");
        const ImVec2 ts = textSize(Font::Heading, title);
        hookRect("report.title", title, p, ImVec2(p.x + ts.x, p.y + ts.y), nullptr, withRole(Role::Heading));
        drawText(dl, Font::Heading, p, color::kText, title);
        ImGui::Dummy(ImVec2(inner, ts.y + em(0.5f)));
    }
    if (r.sent.status() == Status::Ready) {
        text("report.done", Font::Regular, color::kText,
             s.get(r.httpStatus == 200 || r.sent.value().status == "already_reported" ? "listing.report.already"
                                                                                      : "listing.report.thanks"));
        ImGui::Dummy(ImVec2(1, em(0.75f)));
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        if (button("report.close", s.get("listing.report.close"), o)) close = true;
    } else {
        text("report.choose", Font::Regular, color::kTextMuted, s.get("listing.report.choose"));
        ImGui::Dummy(ImVec2(1, em(0.25f)));
        int i = 0;
        for (ReportReason reason : kReportReasons) {
            const std::string id = "report.reason:" + std::string(toString(reason));
            const std::string key = "listing.report.reason." + std::string(toString(reason));
            if (radioOption(id.c_str(), s.get(key), "", m_reportReason == i, inner)) m_reportReason = i;
            ++i;
        }
        ImGui::Dummy(ImVec2(1, em(0.5f)));
        FieldOptions f;
        f.maxChars = kReportCommentMax;
        f.label = s.get("listing.report.comment");
        textField("report.comment", s.get("listing.report.comment"), m_reportComment, inner, f);
        if (r.sent.status() == Status::Error) {
            ImGui::Dummy(ImVec2(1, em(0.5f)));
            text("report.error", Font::Small, color::kDanger, s.get("listing.report.failed"));
        }
        ImGui::Dummy(ImVec2(1, em(0.75f)));
        ButtonOptions send;
        send.kind = ButtonKind::Primary;
        send.enabled = m_reportReason >= 0 && !r.sent.loading();
        if (button("report.send", s.get("listing.report.send"), send))
            m_module.submitReport(kReportReasons[m_reportReason], m_reportComment);
        ImGui::SameLine(0, em(0.5f));
        ButtonOptions cancel;
        cancel.kind = ButtonKind::Ghost;
        if (button("report.cancel", s.get("listing.report.cancel"), cancel)) close = true;
        if (r.sent.loading()) {
            ImGui::SameLine(0, em(0.75f));
            const ImVec2 p = ImGui::GetCursorScreenPos();
            spinner("report.loading", ImVec2(p.x + em(0.75f), p.y + ImGui::GetFrameHeight() * 0.5f), em(0.5f), shared().nowMs);
        }
    }
    ImGui::EndGroup();
    const float height = ImGui::GetItemRectSize().y + padX * 2;
    m_reportHeight = height;
    dl->ChannelsSetCurrent(0);
    surface(dl, card, ImVec2(card.x + w, card.y + m_reportHeight), em(0.75f), true);
    dl->ChannelsMerge();
    if (close) {
        m_module.closeReport();
        m_reportTop = -1;
    }
    ImGui::End();
}

// [SECTION] Price check

float ListingScreen::drawInsight(float width)
{
    const Strings& s = strings();
    const ListingState& l = m_module.state();
    if (l.preview) return 0.0f; // the price check compares published listings
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(1.25f), inner = width - pad * 2;
    const Money& asking = l.details.value().summary.price;
    // Measure first, then draw (the card's height depends on what is known).
    const bool has = l.insight.has();
    const PriceInsight empty;
    const PriceInsight& in = has ? l.insight.value() : empty;
    const bool available = has && in.available && in.rating != DealRating::Unknown;
    std::vector<PriceStep> steps = priceSteps(in.history);
    const bool history = steps.size() > 1;
    float h = em(3.0f);
    if (!has) h += em(1.5f);
    else if (!available) h += em(1.5f);
    else h += em(2.0f) + em(1.5f) * 3 + em(1.75f);
    if (history) h += em(2.25f) + em(1.5f) * static_cast<float>(steps.size());
    h += pad * 0.5f;
    surface(dl, pos, ImVec2(pos.x + width, pos.y + h), em(0.75f));
    float y = heading(dl, pos, "heading:insight", s.get("listing.insight.title"));
    const float x = pos.x + pad;
    SelectableTextOptions t;
    if (!has) {
        if (l.insight.status() == Status::Error) {
            t.hookId = "insight.error";
            selectableText("##insight.error", Font::Regular, ImVec2(x, y), color::kTextMuted, s.get("listing.insight.failed"), t);
        } else {
            shimmer(dl, ImVec2(x, y), ImVec2(x + inner * 0.6f, y + em(1.0f)), em(0.25f), shared().nowMs);
            keepAnimating();
        }
        y += em(1.5f);
    } else if (!available) {
        t.hookId = "insight.unknown";
        selectableText("##insight.unknown", Font::Regular, ImVec2(x, y), color::kTextMuted, s.get("listing.insight.unknown"), t);
        y += em(1.5f);
    } else {
        const DealColors dc = dealColors(in.rating);
        const char* badge = s.get(dealKey(in.rating));
        const float bw = chip(dl, ImVec2(x, y), badge, dc.bg, dc.fg);
        ItemInfo bi = withRole(Role::Text);
        hookRect("insight.badge", badge, ImVec2(x, y), ImVec2(x + bw, y + em(1.5f)), std::string(toString(in.rating)).c_str(), bi);
        y += em(2.0f);
        const std::string estimate = s.format("listing.insight.estimate", {{"price", formatPrice(s, in.estimate)}});
        t.hookId = "insight.estimate";
        selectableText("##insight.estimate", Font::Bold, ImVec2(x, y), color::kText, ellipsize(Font::Bold, estimate, inner), t);
        y += em(1.5f);
        const std::string range =
            s.format("listing.insight.range", {{"low", formatPrice(s, in.low)}, {"high", formatPrice(s, in.high)}});
        t.hookId = "insight.range";
        selectableText("##insight.range", Font::Regular, ImVec2(x, y), color::kText, ellipsize(Font::Regular, range, inner), t);
        y += em(1.5f);
        const std::string based = basedOnText(s, in.comparables);
        t.hookId = "insight.based_on";
        selectableText("##insight.based", Font::Small, ImVec2(x, y), color::kTextMuted, based, t);
        y += em(1.5f);
        // The fair range as a bar, the asking price as a mark on it.
        const double lo = static_cast<double>(in.low.amountMinor), hi = static_cast<double>(in.high.amountMinor);
        const double span = std::max(1.0, hi - lo);
        const double minV = lo - span * 0.6, maxV = hi + span * 0.6;
        const auto at = [&](double v) { return x + static_cast<float>((std::clamp(v, minV, maxV) - minV) / (maxV - minV)) * inner; };
        const float by = y + em(0.5f);
        dl->AddRectFilled(ImVec2(x, by), ImVec2(x + inner, by + em(0.375f)), col(color::kChip), em(0.2f));
        dl->AddRectFilled(ImVec2(at(lo), by), ImVec2(at(hi), by + em(0.375f)), col(dealColors(DealRating::Good).fg), em(0.2f));
        const float mx = at(static_cast<double>(asking.amountMinor));
        dl->AddTriangleFilled(ImVec2(mx - em(0.375f), by - em(0.5f)), ImVec2(mx + em(0.375f), by - em(0.5f)),
                              ImVec2(mx, by), col(color::kText));
        y += em(1.75f);
    }
    if (history) {
        y += em(0.5f);
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, s.get("listing.history.title"));
        hookRect("heading:history", s.get("listing.history.title"), ImVec2(x, y), ImVec2(x + inner, y + em(1.25f)), nullptr,
                 withRole(Role::Heading));
        y += em(1.75f);
        // Newest first: today's price on top, then what it was before.
        for (std::size_t k = steps.size(); k-- > 0;) {
            const PriceStep& step = steps[k];
            const std::string date = formatDate(s, step.at);
            const std::string price = formatPrice(s, step.price);
            drawText(dl, Font::Regular, ImVec2(x, y), color::kTextMuted, date);
            const float pw = textSize(Font::Bold, price).x;
            std::string change;
            ImU32 changeColor = color::kTextMuted;
            if (!step.first && step.changePercent != 0) {
                change = changeText(s, step.changePercent);
                changeColor = step.changePercent < 0 ? IM_COL32(21, 128, 61, 255) : color::kDanger;
            }
            const float cw = change.empty() ? 0.0f : textSize(Font::Small, change).x;
            const float right = x + inner;
            if (!change.empty()) drawText(dl, Font::Small, ImVec2(right - cw, y + em(0.125f)), changeColor, change);
            drawText(dl, Font::Bold, ImVec2(right - cw - (cw > 0 ? em(0.75f) : 0.0f) - pw, y), color::kText, price);
            const std::string row = date + ": " + price + (change.empty() ? "" : " (" + change + ")");
            hookRect("history:" + std::to_string(k), row, ImVec2(x, y), ImVec2(right, y + em(1.25f)), change.c_str(),
                     withRole(Role::Text));
            y += em(1.5f);
        }
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

// [SECTION] Card strips

float ListingScreen::drawCardStrip(const char* hookPrefix, const char* headingText, const ListingPage* page, bool loading,
                                   float width)
{
    const Strings& s = strings();
    if (!loading && (!page || page->items.empty())) return 0.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cardW = em(13), photoH = std::round(cardW * 0.66f), cardH = photoH + em(4.25f);
    const float headH = em(2.5f);
    const std::string headingId = std::string("heading:") + hookPrefix;
    const ImVec2 hs = textSize(Font::Heading, headingText);
    hookRect(headingId, headingText, pos, ImVec2(pos.x + hs.x, pos.y + hs.y), nullptr, withRole(Role::Heading));
    drawText(dl, Font::Heading, pos, color::kText, headingText);
    const int n = page ? static_cast<int>(page->items.size()) : 3;
    const float gap = em(0.75f);
    const float stripW = n * cardW + (n - 1) * gap;
    const float stripH = cardH + (stripW > width ? em(1.0f) : 0.0f) + em(0.25f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + headH));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em(0.5f));
    const std::string region = std::string("##strip.") + hookPrefix;
    std::int64_t open = 0;
    if (beginScrollRegion(region.c_str(), ImVec2(width, stripH), ScrollKind::Inner, ImGuiChildFlags_None,
                          ImGuiWindowFlags_HorizontalScrollbar)) {
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        for (int i = 0; i < n; ++i) {
            ImGui::PushID(i);
            if (i > 0) ImGui::SameLine(0, gap);
            const ImVec2 cp = ImGui::GetCursorScreenPos();
            const ImVec2 cq(cp.x + cardW, cp.y + cardH);
            if (!page) {
                ImGui::Dummy(ImVec2(cardW, cardH));
                shimmer(cdl, cp, cq, em(0.75f), shared().nowMs);
                keepAnimating();
                ImGui::PopID();
                continue;
            }
            const ListingSummary& item = page->items[static_cast<std::size_t>(i)];
            const Press press = pressable("##card", ImVec2(cardW, cardH));
            ItemInfo info;
            info.role = Role::Link;
            info.href = ListingRoute{item.id}.url();
            info.detail = formatPrice(s, item.price) + ", " + std::to_string(item.year) + ", " + formatKm(s, item.mileageKm);
            hookItem(std::string(hookPrefix) + ":" + std::to_string(item.id), item.title, nullptr, info);
            if (press.clicked) open = item.id;
            if (ImGui::IsRectVisible(cp, cq)) {
                surface(cdl, cp, cq, em(0.75f), press.hovered);
                photo(cdl, m_ui.textures, item.thumbUrl, cp, ImVec2(cq.x, cp.y + photoH), em(0.75f), shared().nowMs,
                      s.get("common.no_photo"));
                const float tx = cp.x + em(0.75f), tw = cardW - em(1.5f);
                float ty = cp.y + photoH + em(0.5f);
                drawText(cdl, Font::Bold, ImVec2(tx, ty), press.hovered ? color::kAccent : color::kText,
                         ellipsize(Font::Bold, item.title, tw));
                ty += em(1.375f);
                drawText(cdl, Font::Regular, ImVec2(tx, ty), color::kText, ellipsize(Font::Regular, formatPrice(s, item.price), tw));
                ty += em(1.25f);
                const std::string meta = std::to_string(item.year) + " \xC2\xB7 " + formatKm(s, item.mileageKm);
                drawText(cdl, Font::Small, ImVec2(tx, ty), color::kTextMuted, ellipsize(Font::Small, meta, tw));
            }
            ImGui::PopID();
        }
    }
    endScrollRegion();
    ImGui::PopStyleVar();
    if (open) m_ui.app.navigate(ListingRoute{open}.url());
    const float h = headH + stripH;
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
    return h;
}

float ListingScreen::drawSellerListings(float width)
{
    const ListingState& l = m_module.state();
    return drawCardStrip("seller_listing", strings().get("listing.seller.other"),
                         l.sellerListings.has() ? &l.sellerListings.value() : nullptr, l.sellerListings.loading(), width);
}

float ListingScreen::drawSimilar(float width)
{
    const ListingState& l = m_module.state();
    return drawCardStrip("similar", strings().get("listing.similar.title"), l.similar.has() ? &l.similar.value() : nullptr,
                         l.similar.loading(), width);
}

// [SECTION] Viewer

void ListingScreen::drawViewer()
{
    const ListingState& l = m_module.state();
    if (!l.viewerOpen || !l.details.has()) {
        m_viewer.closed();
        return;
    }
    const PhotoViewer::Result r =
        m_viewer.draw(strings(), m_ui.textures, l.details.value().photos, l.photoIndex, shared().nowMs);
    if (r.show >= 0) m_module.showPhoto(r.show);
    if (r.close) m_module.closeViewer();
}

} // namespace dongelek::ui
