// Filter panel. Number fields accept digits only, apply after a 300 ms pause (or on leaving
// the field), and ignore partial values such as a two-digit year until they make sense.

// [SECTION] Index
// - Helpers
// - Panel

#include "ui/features/browse/filter_panel.hpp"

#include "core/text_format.hpp"
#include "core/limits.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace dongelek::ui {

// [SECTION] Helpers

namespace {

void fieldLabel(const char* text)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(1, em(1.125f) - ImGui::GetStyle().ItemSpacing.y * 0.5f));
    drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(pos.x, pos.y), color::kTextMuted, text);
}

template <typename Int> std::string numberText(const std::optional<Int>& v) { return v ? std::to_string(*v) : ""; }

// Parses a field; `ok` false means "not a usable value yet" (leave the filter as it is).
template <typename Int> std::optional<Int> parseNumber(const std::string& text, Int lo, Int hi, std::size_t minDigits, bool& ok)
{
    ok = true;
    if (text.empty()) return std::nullopt;
    Int v{};
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || text.size() < minDigits) {
        ok = false;
        return std::nullopt;
    }
    if (v < lo) {
        ok = false;
        return std::nullopt;
    }
    return std::min(v, hi);
}

template <typename E>
bool enumCombo(const char* id, const char* labelText, const Strings& s, const char* anyKey, std::optional<E>& value,
               float width)
{
    bool changed = false;
    const char* preview = value ? label(s, *value) : s.get(anyKey);
    if (beginCombo(id, labelText, preview, width)) {
        if (comboOption(id, "any", s.get(anyKey), !value)) {
            value.reset();
            changed = true;
        }
        for (E e : allValues<E>()) {
            if (comboOption(id, std::string(toString(e)), label(s, e), value == e)) {
                value = e;
                changed = true;
            }
        }
        endCombo();
    }
    return changed;
}

// Until the panel takes lists (branch search-client): the first of a list as one choice.
template <typename E>
bool oneOfCombo(const char* id, const char* label, const Strings& s, const char* anyKey, std::vector<E>& list, float width)
{
    std::optional<E> v = list.empty() ? std::nullopt : std::optional<E>(list.front());
    const bool changed = enumCombo(id, label, s, anyKey, v, width);
    if (changed) list = v ? std::vector<E>{*v} : std::vector<E>{};
    return changed;
}

} // namespace

int FilterPanel::activeCount(const ListingFilter& f)
{
    return (!f.makeIds.empty() ? 1 : 0) + (!f.modelIds.empty() ? 1 : 0) + (f.yearFrom || f.yearTo ? 1 : 0) +
           (f.priceFrom || f.priceTo ? 1 : 0) + (f.mileageMax ? 1 : 0) + (!f.bodies.empty() ? 1 : 0) + (!f.fuels.empty() ? 1 : 0) +
           (!f.transmissions.empty() ? 1 : 0) + (f.cityId || f.country ? 1 : 0);
}

// [SECTION] Panel

float FilterPanel::draw(const SharedState& shared, BrowseModule& c, float width)
{
    const Strings& s = shared.strings;
    const CatalogState& catalog = c.state().catalog;
    const std::vector<MakeInfo>& makes = catalog.makes.value();
    const std::vector<City>& cities = catalog.cities.value();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    width = std::min(width, ImGui::GetContentRegionAvail().x); // a scrollbar takes its share
    ListingFilter f = c.draftFilter();
    bool changed = false;
    bool debounce = false;
    const float gap = em(0.5f);
    const float half = (width - gap) * 0.5f;
    const float section = em(0.625f);

    // Header: title and a Reset link, always in view.
    drawText(ImGui::GetWindowDrawList(), Font::Heading, start, color::kText, s.get("browse.filters.title"));
    {
        ButtonOptions reset;
        reset.kind = ButtonKind::Link;
        reset.font = Font::Regular;
        reset.size = ImVec2(0, em(1.5f));
        reset.enabled = activeCount(f) > 0 || !f.query.empty();
        const char* text = s.get("browse.filters.reset");
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - buttonWidth(text, reset), start.y - em(0.125f)));
        if (button("filter.reset", text, reset)) {
            c.resetFilters();
            f = c.draftFilter();
        }
        ImGui::SetCursorScreenPos(start);
    }
    ImGui::Dummy(ImVec2(width, em(1.5f)));

    // Make.
    fieldLabel(s.get("browse.filters.make"));
    {
        const MakeInfo* make = nullptr;
        for (const MakeInfo& m : makes)
            if (!f.makeIds.empty() && m.id == f.makeIds.front()) make = &m;
        std::string preview = make ? make->name : s.get("browse.filters.any_make");
        if (!f.makeIds.empty() && !make) preview = catalog.makes.status() == Status::Loading ? s.get("common.loading") : "#" + std::to_string(f.makeIds.front());
        if (beginCombo("filter.make", s.get("browse.filters.make"), preview.c_str(), width,
                       catalog.makes.status() == Status::Ready)) {
            if (comboOption("filter.make", "any", s.get("browse.filters.any_make"), f.makeIds.empty())) {
                f.makeIds.clear();
                f.modelIds.clear();
                changed = true;
            }
            const auto option = [&](const MakeInfo& m) {
                const std::string count = formatNumber(s, m.count);
                if (comboOption("filter.make", std::to_string(m.id), m.name.c_str(), (!f.makeIds.empty() && f.makeIds.front() == m.id), count.c_str())) {
                    if ((f.makeIds.empty() || f.makeIds.front() != m.id)) f.modelIds.clear();
                    f.makeIds = {m.id};
                    changed = true;
                }
            };
            // The most listed makes first (what most buyers look for), then all of them A-Z.
            if (makes.size() > 10) {
                std::vector<const MakeInfo*> popular;
                for (const MakeInfo& m : makes)
                    if (m.count > 0) popular.push_back(&m);
                const auto top = std::min<std::size_t>(popular.size(), 5);
                std::partial_sort(popular.begin(), popular.begin() + static_cast<std::ptrdiff_t>(top), popular.end(),
                                  [](const MakeInfo* a, const MakeInfo* b) { return a->count > b->count; });
                popular.resize(top);
                comboHeader(s.get("browse.filters.popular_makes"));
                ImGui::PushID("popular");
                for (const MakeInfo* m : popular) option(*m);
                ImGui::PopID();
                comboHeader(s.get("browse.filters.all_makes"));
            }
            std::vector<const MakeInfo*> sorted;
            for (const MakeInfo& m : makes) sorted.push_back(&m);
            std::stable_sort(sorted.begin(), sorted.end(), [](const MakeInfo* a, const MakeInfo* b) { return a->name < b->name; });
            for (const MakeInfo* m : sorted) option(*m);
            endCombo();
        }
        if (catalog.makes.status() == Status::Error || catalog.cities.status() == Status::Error) {
            ImGui::Dummy(ImVec2(1, em(0.125f)));
            ButtonOptions o;
            o.kind = ButtonKind::Link;
            o.font = Font::Small;
            o.size = ImVec2(0, em(1.25f));
            drawText(ImGui::GetWindowDrawList(), Font::Small, ImGui::GetCursorScreenPos(), color::kDanger,
                     s.get("browse.filters.catalog_failed"));
            ImGui::Dummy(ImVec2(1, em(1.125f)));
            if (button("retry.catalog", s.get("common.retry"), o)) c.retryCatalog();
        }

        // Model (models of the chosen make).
        ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
        fieldLabel(s.get("browse.filters.model"));
        const ModelInfo* model = nullptr;
        if (make)
            for (const ModelInfo& m : make->models)
                if (!f.modelIds.empty() && m.id == f.modelIds.front()) model = &m;
        const char* modelPreview = model ? model->name.c_str() : s.get(make ? "browse.filters.any_model" : "browse.filters.choose_make");
        if (beginCombo("filter.model", s.get("browse.filters.model"), modelPreview, width, make && !make->models.empty())) {
            if (comboOption("filter.model", "any", s.get("browse.filters.any_model"), f.modelIds.empty())) {
                f.modelIds.clear();
                changed = true;
            }
            for (const ModelInfo& m : make->models) {
                const std::string count = formatNumber(s, m.count);
                if (comboOption("filter.model", std::to_string(m.id), m.name.c_str(), (!f.modelIds.empty() && f.modelIds.front() == m.id), count.c_str())) {
                    f.modelIds = {m.id};
                    changed = true;
                }
            }
            endCombo();
        }
    }

    // Number fields: sync from the filter unless the user is typing in them.
    const auto sync = [](NumberBuffer& b, const std::string& value) {
        if (!b.editing && b.text != value) b.text = value;
    };
    sync(m_yearFrom, numberText(f.yearFrom));
    sync(m_yearTo, numberText(f.yearTo));
    sync(m_priceFrom, numberText(f.priceFrom));
    sync(m_priceTo, numberText(f.priceTo));
    sync(m_mileage, numberText(f.mileageMax));
    const std::string problem = BrowseModule::filterProblem(f);
    const auto numberField = [&](const char* id, const char* hint, NumberBuffer& b, float w, std::size_t maxChars,
                                 bool invalid, const char* suffix, auto&& apply) {
        FieldOptions fo;
        fo.digitsOnly = true;
        fo.maxChars = maxChars;
        fo.invalid = invalid;
        fo.suffix = suffix;
        const bool edited = textField(id, hint, b.text, w, fo);
        b.editing = ImGui::IsItemActive();
        const bool left = ImGui::IsItemDeactivatedAfterEdit();
        if (edited || left) {
            if (apply(b.text)) {
                changed = true;
                debounce = debounce || !left;
            }
        }
    };

    // Year.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.year"));
    numberField("filter.year_from", s.get("browse.filters.from"), m_yearFrom, half, 4, false, nullptr,
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<int>(t, limits::kYearMin, limits::kYearMax, 4, ok);
                    if (ok) f.yearFrom = v;
                    return ok;
                });
    ImGui::SameLine(0, gap);
    numberField("filter.year_to", s.get("browse.filters.to"), m_yearTo, half, 4, problem == "year_to", nullptr,
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<int>(t, limits::kYearMin, limits::kYearMax, 4, ok);
                    if (ok) f.yearTo = v;
                    return ok;
                });
    if (problem == "year_to") {
        ImGui::Dummy(ImVec2(1, 0));
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImGui::GetCursorScreenPos(), color::kDanger,
                 s.get("browse.filters.year_order"), width);
        ImGui::Dummy(ImVec2(width, textSize(Font::Small, s.get("browse.filters.year_order"), width).y));
    }

    // Price with its currency.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    {
        const ImVec2 rowStart = ImGui::GetCursorScreenPos();
        const float currencyW = em(6.5f);
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(rowStart.x, rowStart.y + em(0.6f)), color::kTextMuted,
                 s.get("browse.filters.price"));
        ImGui::SetCursorScreenPos(ImVec2(rowStart.x + width - currencyW, rowStart.y));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.625f), em(0.375f)));
        if (beginCombo("filter.currency", s.get("browse.filters.currency"), label(s, f.currency), currencyW)) {
            for (Currency cur : allValues<Currency>())
                if (comboOption("filter.currency", std::string(toString(cur)), label(s, cur), f.currency == cur)) {
                    f.currency = cur;
                    changed = true;
                }
            endCombo();
        }
        ImGui::PopStyleVar();
        ImGui::Dummy(ImVec2(1, em(0.25f) - ImGui::GetStyle().ItemSpacing.y));
    }
    const char* unit = f.currency == Currency::KZT ? "\xE2\x82\xB8" : "BD";
    numberField("filter.price_from", s.get("browse.filters.from"), m_priceFrom, half, 13, false, unit,
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<std::int64_t>(t, 0, limits::kPriceMax, 1, ok);
                    if (ok) f.priceFrom = v;
                    return ok;
                });
    ImGui::SameLine(0, gap);
    numberField("filter.price_to", s.get("browse.filters.to"), m_priceTo, half, 13, problem == "price_to", unit,
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<std::int64_t>(t, 0, limits::kPriceMax, 1, ok);
                    if (ok) f.priceTo = v;
                    return ok;
                });
    if (problem == "price_to") {
        ImGui::Dummy(ImVec2(1, 0));
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImGui::GetCursorScreenPos(), color::kDanger,
                 s.get("browse.filters.price_order"), width);
        ImGui::Dummy(ImVec2(width, textSize(Font::Small, s.get("browse.filters.price_order"), width).y));
    }

    // Mileage.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.mileage_max"));
    numberField("filter.mileage_max", s.get("browse.filters.any"), m_mileage, width, 7, false, s.get("format.km_unit"),
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<int>(t, 0, limits::kMileageMax, 1, ok);
                    if (ok) f.mileageMax = v;
                    return ok;
                });

    // Body; fuel and transmission side by side (short values).
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.body"));
    changed |= oneOfCombo("filter.body", s.get("browse.filters.body"), s, "browse.filters.any", f.bodies, width);
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    {
        const ImVec2 row = ImGui::GetCursorScreenPos();
        drawText(ImGui::GetWindowDrawList(), Font::Small, row, color::kTextMuted,
                 ellipsize(Font::Small, s.get("browse.filters.fuel"), half));
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(row.x + half + gap, row.y), color::kTextMuted,
                 ellipsize(Font::Small, s.get("browse.filters.transmission"), half));
        fieldLabel("");
    }
    changed |= oneOfCombo("filter.fuel", s.get("browse.filters.fuel"), s, "browse.filters.any", f.fuels, half);
    ImGui::SameLine(0, gap);
    changed |= oneOfCombo("filter.transmission", s.get("browse.filters.transmission"), s, "browse.filters.any",
                          f.transmissions, half);

    // City, grouped by country; a country row filters the whole country.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.city"));
    {
        std::string preview = s.get("browse.filters.any_city");
        for (const City& city : cities)
            if (f.cityId && city.id == *f.cityId) preview = cityName(s, city.name);
        if (!f.cityId && f.country) preview = s.format("browse.filters.all_of", {{"country", label(s, *f.country)}});
        if (beginCombo("filter.city", s.get("browse.filters.city"), preview.c_str(), width,
                       catalog.cities.status() == Status::Ready)) {
            if (comboOption("filter.city", "any", s.get("browse.filters.any_city"), !f.cityId && !f.country)) {
                f.cityId.reset();
                f.country.reset();
                changed = true;
            }
            for (Country country : allValues<Country>()) {
                comboHeader(label(s, country));
                const std::string all = s.format("browse.filters.all_of", {{"country", label(s, country)}});
                if (comboOption("filter.city", std::string(toString(country)), all.c_str(), !f.cityId && f.country == country)) {
                    f.cityId.reset();
                    f.country = country;
                    changed = true;
                }
                // In the language's alphabetical order, which is not the server's English one.
                std::vector<std::pair<std::string, const City*>> named;
                for (const City& city : cities)
                    if (city.country == country) named.emplace_back(cityName(s, city.name), &city);
                std::sort(named.begin(), named.end(),
                          [&s](const auto& a, const auto& b) { return nameLess(s, a.first, b.first); });
                for (const auto& [name, cityPtr] : named) {
                    const City& city = *cityPtr;
                    const std::string count = formatNumber(s, city.count);
                    if (comboOption("filter.city", std::to_string(city.id), name.c_str(), f.cityId == city.id,
                                    count.c_str(), em(0.75f))) {
                        f.cityId = city.id;
                        f.country.reset();
                        changed = true;
                    }
                }
            }
            endCombo();
        }
    }

    if (changed) c.editFilter(f, debounce);
    return ImGui::GetCursorScreenPos().y - start.y;
}

} // namespace dongelek::ui
