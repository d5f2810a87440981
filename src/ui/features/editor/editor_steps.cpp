// Each step of the editor as a card: the VIN and what it says, the car, its condition and
// history, the price and place, the description, the photos (picked, prepared on the device,
// uploaded with their progress, ordered, the cover chosen), the 360° view and the preview
// with Publish.

#include "ui/features/editor/editor_screen.hpp"
#include "ui/features/view360/spin_upload_panel.hpp"

#include "core/routes/editor_routes.hpp"
#include "core/text_format.hpp"
#include "core/utf8.hpp"
#include "core/vin.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

using namespace finance_ui;

namespace {

constexpr const char* kColors[] = {"white", "black", "silver", "grey", "blue",   "red",    "cherry",
                                   "brown", "beige", "green",  "gold", "yellow", "orange", "purple"};

template <typename E> std::vector<std::pair<std::string, std::string>> enumOptions(const Strings& s)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const E v : allValues<E>())
        out.emplace_back(std::string(toString(v)), label(s, v));
    return out;
}

template <typename E> std::string wire(const std::optional<E>& v)
{
    return v ? std::string(toString(*v)) : std::string();
}

// A whole-number member of the draft, as a number field reads and writes it (at most `most`).
std::optional<std::int64_t> valueOf(const std::optional<int>& v)
{
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}
std::function<void(ListingDraft&, std::optional<std::int64_t>)> intInto(std::optional<int> ListingDraft::*member,
                                                                        std::int64_t most)
{
    return [member, most](ListingDraft& d, std::optional<std::int64_t> v) {
        if (v)
            d.*member = static_cast<int>(std::min(*v, most));
        else
            (d.*member).reset();
    };
}

} // namespace

float EditorScreen::drawStep(float width)
{
    // Every step is one card under its name; the step's own function draws what is in it.
    const DraftStep step = m_module.state().step;
    CardBlock card(width);
    const std::string name(toString(step));
    card.y += sectionHeading(("editor." + name + ".heading").c_str(), strings().get(("editor.step." + name).c_str()),
                             ImVec2(card.x, card.y), card.w) +
              em(0.5f);
    switch (step) {
    case DraftStep::Vin: drawVin(card.x, card.y, card.w); break;
    case DraftStep::Car: drawCar(card.x, card.y, card.w); break;
    case DraftStep::Condition: drawCondition(card.x, card.y, card.w); break;
    case DraftStep::Price: drawPrice(card.x, card.y, card.w); break;
    case DraftStep::Description: drawDescription(card.x, card.y, card.w); break;
    case DraftStep::Photos: drawPhotos(card.x, card.y, card.w); break;
    case DraftStep::View360: drawView360(card.x, card.y, card.w); break;
    case DraftStep::Preview: drawPreview(card.x, card.y, card.w); break;
    }
    return card.finish();
}

// [SECTION] VIN

void EditorScreen::drawVin(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    y += textBlock("editor.vin.intro", s.get("editor.vin.intro"), ImVec2(x, y), w, Font::Small, color::kTextMuted) +
         em(0.75f);
    FieldOptions o;
    o.maxChars = 20;
    o.autocomplete = "off";
    // The VIN goes through setVin, which decodes it and pre-fills what it settles.
    y += textInput(
        "vin", "editor.field.vin", st.draft.vin, [this](const std::string& v) { m_module.setVin(v); }, x, y, w, o,
        s.get("editor.vin.hint"));
    if (!st.vinProblems.empty()) {
        const VinProblem& p = st.vinProblems.front();
        const std::string key = "vin.problem." + std::string(vinProblemKey(p.code));
        y += textBlock("editor.vin.problem",
                       s.format(key, {{"position", std::to_string(p.position)},
                                      {"character", p.character},
                                      {"count", std::to_string(p.length)}}),
                       ImVec2(x, y), w, Font::Bold, kDangerText) +
             em(0.5f);
    }
    if (st.vin) {
        const VinDecoded& v = *st.vin;
        y += em(0.25f);
        const auto row = [&](const char* id, const char* labelKey, const std::string& value) {
            if (value.empty()) return;
            y += fact(id, s.get(labelKey), value, x, y, w) + em(0.25f);
        };
        row("editor.vin.make", "editor.vin.make", v.makes.empty() ? std::string(s.get("editor.vin.unknown")) : v.make);
        if (v.region)
            row("editor.vin.region", "editor.vin.region",
                s.get(("vin.region." + std::string(vinRegionKey(*v.region))).c_str()));
        if (!v.countryCode.empty()) row("editor.vin.country", "editor.vin.country", v.countryCode);
        std::string years;
        for (int yv : v.modelYears)
            years += (years.empty() ? "" : s.get("editor.vin.or")) + std::to_string(yv);
        row("editor.vin.years", "editor.vin.years", years);
        for (const VinWarning& warning : v.warnings) {
            const std::string key = "vin.warning." + std::string(vinWarningKey(warning.code));
            y += textBlock(("editor.vin.warning:" + std::string(vinWarningKey(warning.code))).c_str(),
                           s.format(key, {{"expected", std::string(1, warning.expected ? warning.expected : ' ')},
                                          {"found", std::string(1, warning.found ? warning.found : ' ')}}),
                           ImVec2(x, y), w, Font::Small, color::kTextMuted) +
                 em(0.25f);
        }
        for (const VinContradiction& c : st.vinContradictions) {
            std::string decoded;
            for (const std::string& d : c.decoded)
                decoded += (decoded.empty() ? "" : ", ") + d;
            const std::string key = "vin.contradiction." + std::string(vinContradictionKey(c.code));
            y += textBlock(("editor.vin.contradiction:" + std::string(vinContradictionKey(c.code))).c_str(),
                           s.format(key, {{"typed", c.typed}, {"decoded", decoded}}), ImVec2(x, y), w, Font::Bold,
                           c.soft ? color::kTextMuted : kDangerText) +
                 em(0.375f);
        }
        if (!st.vinContradictions.empty() || (!st.draft.makeId && !v.make.empty())) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (button("editor.vin.apply", s.get("editor.vin.apply"))) m_module.applyVin();
            y = ImGui::GetItemRectMax().y + em(0.25f);
        }
    }
}

// [SECTION] The car

void EditorScreen::drawCar(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const ListingDraft& d = st.draft;
    const float gap = em(0.75f);
    std::vector<std::pair<std::string, std::string>> makes, models;
    if (st.makes.has())
        for (const MakeInfo& m : st.makes.value()) {
            makes.emplace_back(std::to_string(m.id), m.name);
            if (d.makeId && m.id == *d.makeId)
                for (const ModelInfo& model : m.models)
                    models.emplace_back(std::to_string(model.id), model.name);
        }
    y += choice(
             "make_id", "editor.field.make_id", d.makeId ? std::to_string(*d.makeId) : "", makes,
             [this](const std::string& v) {
                 m_module.edit([&](ListingDraft& dd) {
                     const std::int64_t id = std::stoll(v);
                     if (dd.makeId != id) dd.modelId.reset();
                     dd.makeId = id;
                 });
             },
             x, y, w) +
         gap;
    if (d.makeId)
        y += choice(
                 "model_id", "editor.field.model_id", d.modelId ? std::to_string(*d.modelId) : "", models,
                 [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.modelId = std::stoll(v); }); },
                 x, y, w) +
             gap;
    y += numberField({"year", "editor.field.year", valueOf(d.year), intInto(&ListingDraft::year, 9999), nullptr, 4}, x,
                     y, w) +
         gap;
    y += textInput("trim", "editor.field.trim", d.trim, into(&ListingDraft::trim), x, y, w, FieldOptions{},
                   s.get("editor.field.trim.hint")) +
         gap;
    y += choice(
             "body", "editor.field.body", wire(d.body), enumOptions<Body>(s),
             [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.body = parseEnum<Body>(v); }); },
             x, y, w) +
         gap;
    y += choice(
             "fuel", "editor.field.fuel", wire(d.fuel), enumOptions<Fuel>(s),
             [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.fuel = parseEnum<Fuel>(v); }); },
             x, y, w) +
         gap;
    y += choice(
             "transmission", "editor.field.transmission", wire(d.transmission), enumOptions<Transmission>(s),
             [this](const std::string& v) {
                 m_module.edit([&](ListingDraft& dd) { dd.transmission = parseEnum<Transmission>(v); });
             },
             x, y, w) +
         gap;
    y += choice(
             "drive", "editor.field.drive", wire(d.drive), enumOptions<Drive>(s),
             [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.drive = parseEnum<Drive>(v); }); },
             x, y, w) +
         gap;
    if (d.fuel != Fuel::Electric)
        y +=
            numberField({"engine_litres", "editor.field.engine_litres",
                         d.engineLitres ? std::optional<std::int64_t>(std::lround(*d.engineLitres * 10)) : std::nullopt,
                         [](ListingDraft& dd, std::optional<std::int64_t> v) {
                             if (v && *v > 0)
                                 dd.engineLitres = static_cast<double>(*v) / 10;
                             else
                                 dd.engineLitres.reset();
                         },
                         s.get("editor.unit.litres"), 4, true},
                        x, y, w) +
            gap;
    y += numberField({"power_hp", "editor.field.power_hp", valueOf(d.powerHp), intInto(&ListingDraft::powerHp, 5000),
                      s.get("editor.unit.hp"), 4},
                     x, y, w) +
         gap;
    std::vector<std::pair<std::string, std::string>> colors;
    for (const char* c : kColors)
        colors.emplace_back(c, colorName(s, c));
    y += choice(
        "color", "editor.field.color", d.color, colors,
        [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.color = v; }); }, x, y, w);
}

// [SECTION] Condition and history

void EditorScreen::drawCondition(float x, float& y, float w)
{
    const Strings& s = strings();
    const ListingDraft& d = m_module.state().draft;
    const float gap = em(0.75f);
    y += fieldLabel(s.get("editor.field.condition"), x, y, w);
    for (const Condition c : allValues<Condition>()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = "editor.condition:" + std::string(toString(c));
        if (radioOption(id.c_str(), label(s, c), "", d.condition == c, w))
            m_module.edit([c](ListingDraft& dd) { dd.condition = c; });
        y = ImGui::GetItemRectMax().y + em(0.25f);
    }
    y += underField("editor.condition", problemText("condition"), {}, ImVec2(x, y), w) + gap;
    y += numberField({"mileage_km", "editor.field.mileage_km", valueOf(d.mileageKm),
                      intInto(&ListingDraft::mileageKm, 5'000'000), s.get("editor.unit.km"), 7},
                     x, y, w) +
         gap;
    y += numberField(
             {"owners", "editor.field.owners", valueOf(d.owners), intInto(&ListingDraft::owners, 99), nullptr, 2}, x, y,
             w) +
         gap;
    y += numberField({"accidents", "editor.field.accidents", valueOf(d.accidents),
                      intInto(&ListingDraft::accidents, 99), nullptr, 2},
                     x, y, w) +
         gap;
    y += fieldLabel(s.get("editor.field.steering"), x, y, w);
    for (const Steering v : allValues<Steering>()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = "editor.steering:" + std::string(toString(v));
        if (radioOption(id.c_str(), label(s, v), "", d.steering.value_or(Steering::Left) == v, w))
            m_module.edit([v](ListingDraft& dd) { dd.steering = v; });
        y = ImGui::GetItemRectMax().y + em(0.25f);
    }
    y += gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (checkbox("editor.customs_cleared", s.get("editor.field.customs_cleared"), d.customsCleared.value_or(true), w))
        m_module.edit([](ListingDraft& dd) { dd.customsCleared = !dd.customsCleared.value_or(true); });
    y = ImGui::GetItemRectMax().y;
}

// [SECTION] Price and place

void EditorScreen::drawPrice(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const ListingDraft& d = st.draft;
    const float gap = em(0.75f);
    y += fieldLabel(s.get("editor.field.currency"), x, y, w);
    for (const Currency c : allValues<Currency>()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = "editor.currency:" + std::string(toString(c));
        if (radioOption(id.c_str(), label(s, c), "", d.currency == c, w))
            m_module.edit([c](ListingDraft& dd) {
                if (dd.currency == c) return;
                dd.currency = c;
                dd.priceMinor.reset(); // a number in the other currency means something else
            });
        y = ImGui::GetItemRectMax().y + em(0.25f);
    }
    y += gap;
    const std::int64_t unit = d.currency == Currency::BHD ? 1000 : 100;
    y += numberField({"price_minor", "editor.field.price_minor",
                      d.priceMinor ? std::optional<std::int64_t>(*d.priceMinor / unit) : std::nullopt,
                      [unit](ListingDraft& dd, std::optional<std::int64_t> v) {
                          if (v)
                              dd.priceMinor = std::min<std::int64_t>(*v, 1'000'000'000'000) * unit;
                          else
                              dd.priceMinor.reset();
                      },
                      d.currency == Currency::BHD ? "BD" : "\xE2\x82\xB8", 11},
                     x, y, w) +
         gap;
    std::vector<std::pair<std::string, std::string>> cities;
    if (st.cities.has())
        for (const City& c : st.cities.value())
            cities.emplace_back(std::to_string(c.id), cityName(s, c.name) + " \xC2\xB7 " + label(s, c.country));
    y += choice(
        "city_id", "editor.field.city_id", d.cityId ? std::to_string(*d.cityId) : "", cities,
        [this](const std::string& v) { m_module.edit([&](ListingDraft& dd) { dd.cityId = std::stoll(v); }); }, x, y, w);
}

// [SECTION] Description

void EditorScreen::drawDescription(float x, float& y, float w)
{
    const Strings& s = strings();
    const ListingDraft& d = m_module.state().draft;
    FieldOptions o;
    o.maxChars = DraftLimits::kMaxDescription;
    o.multiline = true;
    o.height = em(12);
    const std::string count =
        s.format("editor.description.count", {{"count", std::to_string(utf8::length(d.description))},
                                              {"max", std::to_string(DraftLimits::kMaxDescription)}});
    y += textInput("description", "editor.field.description", d.description, into(&ListingDraft::description), x, y, w,
                   o, count);
}

// [SECTION] Photos

void EditorScreen::drawPhotos(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const PhotoQueue& queue = m_module.photos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += textBlock("editor.photos.intro",
                   s.format("editor.photos.intro", {{"min", std::to_string(DraftLimits::kMinPhotos)},
                                                    {"max", std::to_string(DraftLimits::kMaxPhotos)}}),
                   ImVec2(x, y), w, Font::Small, color::kTextMuted) +
         em(0.75f);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonOptions add;
    add.kind = ButtonKind::Primary;
    add.hasIcon = true;
    add.icon = Icon::Camera;
    add.enabled = st.draft.photos.size() < DraftLimits::kMaxPhotos;
    if (button("editor.photos.add", s.get("editor.photos.add"), add)) m_module.pickPhotos();
    y = ImGui::GetItemRectMax().y + em(0.5f);
    if (st.preparing > 0)
        y += textBlock("editor.photos.preparing", formatCount(s, "editor.photos.preparing", st.preparing), ImVec2(x, y),
                       w, Font::Small, color::kTextMuted) +
             em(0.375f);
    for (const auto& [name, error] : st.pickFailures)
        y += textBlock("editor.photos.refused", s.format(("editor.photos.refused." + error).c_str(), {{"name", name}}),
                       ImVec2(x, y), w, Font::Small, kDangerText) +
             em(0.25f);
    if (queue.total() > 0) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        progressBar("editor.photos.progress",
                    s.format("editor.photos.uploaded",
                             {{"done", std::to_string(queue.done())}, {"count", std::to_string(queue.total())}}),
                    static_cast<float>(queue.done()) / static_cast<float>(std::max(1, queue.total())), w);
        y = ImGui::GetItemRectMax().y + em(0.5f);
    }
    y += underField("editor.photos", problemText("photos"), {}, ImVec2(x, y), w);
    // One row per photo: thumbnail, state, and what can be done with it.
    const float thumbW = em(6), thumbH = em(4.5f);
    const int count = static_cast<int>(st.draft.photos.size());
    if (count > 1)
        y += textBlock("editor.photos.order_hint", s.get("editor.photos.order_hint"), ImVec2(x, y), w, Font::Small,
                       color::kTextMuted) +
             em(0.5f);
    for (int i = 0; i < count; ++i) {
        const DraftPhoto& p = st.draft.photos[static_cast<std::size_t>(i)];
        const QueuedPhoto* q = queue.find(p.key);
        const ImVec2 tmin(x, y), tmax(x + thumbW, y + thumbH);
        const std::string thumb = m_module.photoUrl(p, false);
        if (!thumb.empty())
            photo(dl, m_ui.textures, thumb, tmin, tmax, em(0.375f), shared().nowMs, "");
        else {
            dl->AddRectFilled(tmin, tmax, col(color::kChip), em(0.375f));
            drawIcon(dl, Icon::Camera, ImVec2((tmin.x + tmax.x) * 0.5f, (tmin.y + tmax.y) * 0.5f), em(1.5f),
                     color::kTextMuted);
        }
        const std::string id = "editor.photo:" + p.key;
        const std::string name =
            q && !q->name.empty() ? q->name : s.format("editor.photos.number", {{"n", std::to_string(i + 1)}});
        hookRect(id, name, tmin, tmax, nullptr, withRole(Role::Image));
        // Drag a thumbnail onto another to put it there (the buttons beside do the same from the
        // keyboard and a screen reader). While a photo is dragged the page does not scroll.
        ImGui::SetCursorScreenPos(tmin);
        ImGui::InvisibleButton((id + ".drag").c_str(), ImVec2(thumbW, thumbH));
        // A finger holds the photo still for a moment first (a moving finger scrolls the page).
        const bool mayDrag = holdToDrag();
        if (mayDrag && ImGui::IsItemActive() && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen)
            dl->AddRect(ImVec2(tmin.x - 2, tmin.y - 2), ImVec2(tmax.x + 2, tmax.y + 2), col(color::kAccent), em(0.5f),
                        0, 3.0f); // lifted: now it moves with the finger
        if (mayDrag && ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceNoPreviewTooltip)) {
            ImGui::SetDragDropPayload("dongelek.photo", &i, sizeof i);
            claimTouchDrag();
            const ImVec2 m = ImGui::GetIO().MousePos;
            if (!thumb.empty()) {
                ImDrawList* fg = ImGui::GetForegroundDrawList();
                photo(fg, m_ui.textures, thumb, ImVec2(m.x - thumbW / 2, m.y - thumbH / 2),
                      ImVec2(m.x + thumbW / 2, m.y + thumbH / 2), em(0.375f), shared().nowMs, "");
            }
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            dl->AddRect(tmin, tmax, col(color::kAccent), em(0.375f), 0, 2.0f);
            if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("dongelek.photo")) {
                const int from = *static_cast<const int*>(payload->Data);
                if (from >= 0 && from < count && from != i)
                    m_module.movePhoto(st.draft.photos[static_cast<std::size_t>(from)].key, i - from);
            }
            ImGui::EndDragDropTarget();
        }
        const float tx = x + thumbW + em(0.75f), tw = w - thumbW - em(0.75f);
        float ty = y;
        std::string status = s.get("editor.photos.state.uploaded");
        ImU32 statusColor = color::kTextMuted;
        if (q) {
            switch (q->phase) {
            case QueuedPhoto::Phase::Waiting:
                status = s.get("editor.photos.state.waiting");
                break;
            case QueuedPhoto::Phase::Uploading:
                status = s.get("editor.photos.state.uploading");
                break;
            case QueuedPhoto::Phase::Uploaded:
                break;
            case QueuedPhoto::Phase::Failed:
                status = s.get(("editor.photos.failed." + q->error).c_str());
                statusColor = kDangerText;
                break;
            case QueuedPhoto::Phase::Lost:
                status = s.get("editor.photos.state.lost");
                statusColor = kDangerText;
                break;
            }
        } else if (!p.ready()) {
            status = s.get("editor.photos.state.lost");
            statusColor = kDangerText;
        }
        const std::string head =
            (i == 0 ? std::string(s.get("editor.photos.cover")) + " \xC2\xB7 " : std::string()) + status;
        ty += textBlock((id + ".state").c_str(), head, ImVec2(tx, ty), tw, Font::Bold, statusColor) + em(0.25f);
        if (q && q->phase == QueuedPhoto::Phase::Uploading) {
            ImGui::SetCursorScreenPos(ImVec2(tx, ty));
            progressBar((id + ".progress").c_str(), name, static_cast<float>(q->progress), tw);
            ty = ImGui::GetItemRectMax().y + em(0.25f);
        }
        if (q && (q->tooSmall || q->blurry || q->tooDark)) {
            std::string hints;
            if (q->tooSmall) hints += s.get("editor.photos.hint.small");
            if (q->blurry) hints += std::string(hints.empty() ? "" : " \xC2\xB7 ") + s.get("editor.photos.hint.blurry");
            if (q->tooDark) hints += std::string(hints.empty() ? "" : " \xC2\xB7 ") + s.get("editor.photos.hint.dark");
            ty += textBlock((id + ".quality").c_str(), hints, ImVec2(tx, ty), tw, Font::Small, kInterest) + em(0.25f);
        }
        // Actions: small buttons that wrap.
        float bx = tx;
        const auto action = [&](const char* suffix, const char* textKey, bool enabled) {
            const std::string text = s.get(textKey);
            ButtonOptions o;
            o.font = Font::Small;
            o.enabled = enabled;
            o.name = text + ": " + name;
            const float bw = buttonWidth(text, o);
            if (bx > tx && bx + bw > tx + tw) {
                bx = tx;
                ty = ImGui::GetItemRectMax().y + em(0.25f);
            }
            ImGui::SetCursorScreenPos(ImVec2(bx, ty));
            const bool pressed = button((id + "." + suffix).c_str(), text, o);
            bx += bw + em(0.375f);
            return pressed;
        };
        if (action("cover", "editor.photos.make_cover", i > 0)) m_module.makeCover(p.key);
        if (action("earlier", "editor.photos.earlier", i > 0)) m_module.movePhoto(p.key, -1);
        if (action("later", "editor.photos.later", i + 1 < count)) m_module.movePhoto(p.key, +1);
        if (q && q->phase == QueuedPhoto::Phase::Failed && q->error == "network" &&
            action("retry", "editor.photos.retry", true))
            m_module.retryPhoto(p.key);
        if (action("remove", "editor.photos.remove", true)) m_module.removePhoto(p.key);
        ty = ImGui::GetItemRectMax().y;
        y = std::max(tmax.y, ty) + em(0.75f);
    }
}

// [SECTION] 360° view

void EditorScreen::drawView360(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const SpinUploader& spin = m_module.spin();
    y += textBlock("editor.view360.intro", s.get("editor.view360.intro"), ImVec2(x, y), w, Font::Regular,
                   color::kText) +
         em(0.75f);
    // The spin the draft holds (uploaded and checked): it goes live with the listing.
    const bool held = st.draft.spinFrames.has_value();
    const SpinUploader::Phase phase = spin.state().phase;
    if (held && phase != SpinUploader::Phase::Done && !spin.busy() && phase != SpinUploader::Phase::Review) {
        y += textBlock("editor.view360.ready", formatCount(s, "editor.view360.ready", *st.draft.spinFrames),
                       ImVec2(x, y), w, Font::Bold, color::kText) +
             em(0.5f);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    const SpinPanel panel{spin, [this] { m_module.startSpin(); }, [this] { m_module.spinUploadAnyway(); },
                          [this] { m_module.dismissSpin(); }, held ? "editor.view360.replace" : "editor.view360.upload",
                          "editor.view360.ready"};
    drawSpinUploadPanel(panel, s, x - ImGui::GetWindowPos().x, w);
    y = ImGui::GetCursorScreenPos().y;
    if (held && !spin.busy()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonOptions o;
        o.kind = ButtonKind::Ghost;
        if (button("editor.view360.remove", s.get("editor.view360.remove"), o)) m_module.removeSpin();
        y = ImGui::GetItemRectMax().y + em(0.75f);
    }
    // Hotspots are placed on the frames buyers see: on the published listing's 360° view.
    y += textBlock("editor.view360.text", s.get(st.listingId ? "editor.view360.published" : "editor.view360.later"),
                   ImVec2(x, y), w, Font::Small, color::kTextMuted) +
         em(0.5f);
    if (st.listingId) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonOptions o;
        o.href = "/listing/" + std::to_string(st.listingId) + "?view=360";
        if (button("editor.view360.open", s.get("editor.view360.open"), o)) m_ui.app.navigate(o.href);
        y = ImGui::GetItemRectMax().y;
    }
}

// [SECTION] Preview and publishing

void EditorScreen::drawPreview(float x, float& y, float w)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    y += textBlock("editor.preview.text",
                   s.get(st.listingId ? "editor.preview.text.edit" : "editor.preview.text.new"), ImVec2(x, y), w,
                   Font::Regular, color::kText) +
         em(0.5f);
    // Photos only on the device yet are not on the page buyers get.
    const int waiting = static_cast<int>(std::count_if(st.draft.photos.begin(), st.draft.photos.end(),
                                                       [&](const DraftPhoto& p) { return m_module.photoUrl(p, false).empty(); }));
    if (waiting > 0)
        y += textBlock("editor.preview.uploading", formatCount(s, "editor.preview.uploading", waiting), ImVec2(x, y), w,
                       Font::Small, color::kTextMuted) +
             em(0.5f);
    // What is still missing, each a link to its step.
    const std::vector<DraftProblem>& problems = st.serverProblems.empty() ? st.problems : st.serverProblems;
    int shown = 0;
    for (const DraftProblem& p : problems) {
        if (p.level != ProblemLevel::Error) continue;
        if (shown++ == 0)
            y += textBlock("editor.preview.missing", s.get("editor.preview.missing"), ImVec2(x, y), w, Font::Bold,
                           kDangerText) +
                 em(0.375f);
        const DraftStep step = p.field == "phone" ? DraftStep::Preview : stepOfField(p.field);
        const std::string fieldName = s.get(("editor.field." + p.field).c_str());
        const std::string text = fieldName + ": " + problemText(p.field);
        ButtonOptions o;
        o.kind = ButtonKind::Link;
        o.font = Font::Small;
        EditorRoute r;
        r.draftId = st.draftId;
        r.step = step;
        if (p.field == "phone")
            o.href = "/account/profile";
        else
            o.href = r.url();
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = "editor.preview.problem:" + p.field;
        if (button(id.c_str(), ellipsize(Font::Small, text, w), o)) {
            if (p.field == "phone")
                m_ui.app.navigate(o.href);
            else
                m_module.goTo(step);
        }
        y = ImGui::GetItemRectMax().y + em(0.125f);
    }
    if (st.publishError.kind != ErrorKind::None && st.serverProblems.empty())
        y += textBlock("editor.publish.error", errorMessage(s, st.publishError, false), ImVec2(x, y), w, Font::Bold,
                       kDangerText) +
             em(0.375f);
    y += em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonOptions o;
    o.kind = ButtonKind::Primary;
    o.enabled = publishable(st.problems) && !st.publishing && st.sync != SyncState::Conflict;
    o.size = ImVec2(w, tapSize(em(2.75f)));
    if (button("editor.publish",
               s.get(st.publishing  ? "editor.publishing"
                     : st.listingId ? "editor.publish.update"
                                    : "editor.publish"),
               o))
        m_module.publish();
    y = ImGui::GetItemRectMax().y;
}

} // namespace dongelek::ui
