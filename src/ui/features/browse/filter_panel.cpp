// Filter panel. Number fields accept digits only, apply after a 300 ms pause (or on leaving
// the field), and ignore partial values such as a two-digit year until they make sense.

// [SECTION] Index
// - Helpers
// - Panel

#include "ui/features/browse/filter_panel.hpp"

#include "core/finance/loan.hpp"
#include "core/finance/loan_filter.hpp"
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

// A yearly rate in basis points as the field shows it: "18.5" / "18,5" (the language's mark).
std::string rateText(int bp, const Strings& s)
{
    std::string t = std::to_string(bp / 100);
    const int rest = bp % 100;
    if (rest) {
        t += s.get("format.decimal_separator");
        t += rest % 10 ? (rest < 10 ? "0" : "") + std::to_string(rest) : std::to_string(rest / 10);
    }
    return t;
}
// "18.5", "18,5", "6" -> basis points; nullopt while it is not a rate (at most two decimals, ≤ 100 %).
std::optional<int> parseRateText(const std::string& text)
{
    int whole = 0, frac = 0, fracDigits = 0;
    bool point = false, digits = false;
    for (const char c : text) {
        if (c == '.' || c == ',') {
            if (point) return std::nullopt;
            point = true;
        } else if (c >= '0' && c <= '9') {
            digits = true;
            if (point) {
                if (++fracDigits > 2) return std::nullopt;
                frac = frac * 10 + (c - '0');
            } else if ((whole = whole * 10 + (c - '0')) > 100) {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    if (fracDigits == 1) frac *= 10;
    const int bp = whole * 100 + frac;
    if (bp > finance::kMaxFilterRateBp) return std::nullopt;
    return bp;
}

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

// The live count of one option: the facets of the draft filter, else nothing known (-1).
struct Counts {
    const SearchFacets* facets = nullptr;
    std::int64_t of(std::string_view param, std::string_view value) const
    {
        return facets ? facets->count(param, value) : -1;
    }
};

std::string countText(const Strings& s, std::int64_t n) { return n < 0 ? std::string() : formatNumber(s, n); }

template <typename T> void toggle(std::vector<T>& values, const T& v)
{
    auto it = std::lower_bound(values.begin(), values.end(), v);
    if (it != values.end() && *it == v) values.erase(it);
    else if (values.size() < limits::kListMax) values.insert(it, v);
}
template <typename T> bool contains(const std::vector<T>& values, const T& v)
{
    return std::binary_search(values.begin(), values.end(), v);
}

// "Toyota", "Toyota, Kia", "Toyota + 2"; `any` when none is chosen.
std::string listPreview(const std::vector<std::string>& names, const char* any)
{
    if (names.empty()) return any;
    if (names.size() <= 2) return names.size() == 1 ? names[0] : names[0] + ", " + names[1];
    return names[0] + " + " + std::to_string(names.size() - 1);
}

// A single choice with "Any" first; each value with its count.
template <typename E>
bool enumCombo(const char* id, const char* labelText, const Strings& s, const char* anyKey, std::optional<E>& value,
               float width, const Counts& counts = {}, const char* param = nullptr)
{
    bool changed = false;
    const char* preview = value ? label(s, *value) : s.get(anyKey);
    if (beginCombo(id, labelText, preview, width)) {
        if (comboOption(id, "any", s.get(anyKey), !value)) {
            value.reset();
            changed = true;
        }
        for (E e : allValues<E>()) {
            const std::string name(toString(e));
            const std::int64_t n = param ? counts.of(param, name) : -1;
            const std::string detail = countText(s, n);
            if (comboOption(id, name, label(s, e), value == e, detail.c_str(), 0.0f, n == 0)) {
                value = e;
                changed = true;
            }
        }
        endCombo();
    }
    return changed;
}

// Any of several values: a combo whose popup is a list of checkboxes (it stays open).
template <typename E>
bool enumMultiCombo(const char* id, const char* labelText, const Strings& s, const char* param, std::vector<E>& values,
                    float width, const Counts& counts)
{
    bool changed = false;
    std::vector<std::string> names;
    for (E e : values) names.emplace_back(label(s, e));
    const std::string preview = listPreview(names, s.get("browse.filters.any"));
    if (beginCombo(id, labelText, preview.c_str(), width)) {
        if (comboOption(id, "any", s.get("browse.filters.any"), values.empty())) {
            values.clear();
            changed = true;
        }
        const float w = ImGui::GetContentRegionAvail().x;
        for (E e : allValues<E>()) {
            const std::string name(toString(e));
            const std::string hook = std::string(id) + ".option:" + name;
            const std::int64_t n = counts.of(param, name);
            const std::string detail = countText(s, n);
            CheckOptions co;
            co.detail = detail.c_str();
            co.dimmed = n == 0;
            if (checkbox(hook.c_str(), label(s, e), contains(values, e), w, co)) {
                toggle(values, e);
                changed = true;
            }
        }
        endCombo();
    }
    return changed;
}

// The colours the app knows names for (locales color.<name>), in the order buyers scan them.
const std::vector<std::string>& knownColors()
{
    static const std::vector<std::string> colors = {"white", "black", "silver", "grey", "blue", "red", "cherry",
                                                    "brown", "beige", "green", "gold", "yellow", "orange", "purple"};
    return colors;
}

// "1.6" or "1,6" as decilitres (16); `ok` false while it is not a usable value yet ("1.").
std::optional<int> parseLitresText(const std::string& text, bool& ok)
{
    ok = true;
    if (text.empty()) return std::nullopt;
    std::string t = text;
    std::replace(t.begin(), t.end(), ',', '.');
    const auto dot = t.find('.');
    int whole = 0, tenth = 0;
    const std::string w = t.substr(0, dot);
    if (w.empty() || w.size() > 2) {
        ok = false;
        return std::nullopt;
    }
    std::from_chars(w.data(), w.data() + w.size(), whole);
    if (dot != std::string::npos) {
        if (dot + 2 != t.size() || t[dot + 1] < '0' || t[dot + 1] > '9') {
            ok = false;
            return std::nullopt;
        }
        tenth = t[dot + 1] - '0';
    }
    const int v = whole * 10 + tenth;
    if (v > 100) {
        ok = false;
        return std::nullopt;
    }
    return v;
}

std::string litresText(const std::optional<int>& decilitres, const Strings& s)
{
    if (!decilitres) return {};
    std::string t = std::to_string(*decilitres / 10);
    if (*decilitres % 10) {
        const char* dec = s.has("format.decimal_separator") ? s.get("format.decimal_separator") : ".";
        t += dec + std::to_string(*decilitres % 10);
    }
    return t;
}

} // namespace

int FilterPanel::activeCount(const ListingFilter& f)
{
    return (f.makeIds.empty() ? 0 : 1) + (f.modelIds.empty() ? 0 : 1) + (f.yearFrom || f.yearTo ? 1 : 0) +
           (f.priceFrom || f.priceTo ? 1 : 0) + (f.monthlyMax ? 1 : 0) + (f.mileageMax ? 1 : 0) + (f.engineFrom || f.engineTo ? 1 : 0) +
           (f.powerFrom || f.powerTo ? 1 : 0) + (f.bodies.empty() ? 0 : 1) + (f.fuels.empty() ? 0 : 1) +
           (f.transmissions.empty() ? 0 : 1) + (f.drives.empty() ? 0 : 1) + (f.colors.empty() ? 0 : 1) +
           (f.condition ? 1 : 0) + (f.ownersMax ? 1 : 0) + (f.steering ? 1 : 0) + (f.sellerKind ? 1 : 0) +
           (f.customsCleared ? 1 : 0) + (f.noAccidents ? 1 : 0) + (f.withPhotos ? 1 : 0) + (f.withSpin ? 1 : 0) +
           (f.vinVerified ? 1 : 0) + (f.sellerVerified ? 1 : 0) + (f.postedWithinDays ? 1 : 0) +
           (f.cityId || f.country ? 1 : 0);
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
    Counts counts;
    if (c.state().facets.has()) counts.facets = &c.state().facets.value();
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

    // Makes: several at once, each with its live count (the catalog's until the facets come).
    fieldLabel(s.get("browse.filters.make"));
    {
        const auto makeCount = [&](const MakeInfo& m) -> std::int64_t {
            return counts.facets ? counts.of("make", std::to_string(m.id)) : m.count;
        };
        std::vector<std::string> chosen;
        for (std::int64_t id : f.makeIds) {
            std::string name = catalog.makes.status() == Status::Loading ? s.get("common.loading") : "#" + std::to_string(id);
            for (const MakeInfo& m : makes)
                if (m.id == id) name = m.name;
            chosen.push_back(name);
        }
        const std::string preview = listPreview(chosen, s.get("browse.filters.any_make"));
        if (beginCombo("filter.make", s.get("browse.filters.make"), preview.c_str(), width,
                       catalog.makes.status() == Status::Ready)) {
            if (comboOption("filter.make", "any", s.get("browse.filters.any_make"), f.makeIds.empty())) {
                f.makeIds.clear();
                f.modelIds.clear();
                changed = true;
            }
            const float w = ImGui::GetContentRegionAvail().x;
            const auto option = [&](const MakeInfo& m) {
                const std::int64_t n = makeCount(m);
                const std::string detail = countText(s, n);
                const std::string hook = "filter.make.option:" + std::to_string(m.id);
                CheckOptions co;
                co.detail = detail.c_str();
                co.dimmed = n == 0;
                if (checkbox(hook.c_str(), m.name, contains(f.makeIds, m.id), w, co)) {
                    toggle(f.makeIds, m.id);
                    if (!contains(f.makeIds, m.id)) // its models go with it
                        for (const ModelInfo& model : m.models)
                            if (contains(f.modelIds, model.id)) toggle(f.modelIds, model.id);
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
                ImGui::PushID("popular"); // the same make again further down: its own ImGui id
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

        // Models of the chosen makes, under each make's name.
        ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
        fieldLabel(s.get("browse.filters.model"));
        std::vector<const MakeInfo*> picked;
        for (const MakeInfo& m : makes)
            if (contains(f.makeIds, m.id)) picked.push_back(&m);
        std::vector<std::string> modelNames;
        for (const MakeInfo* m : picked)
            for (const ModelInfo& model : m->models)
                if (contains(f.modelIds, model.id)) modelNames.push_back(model.name);
        const char* anyModel = s.get(picked.empty() ? "browse.filters.choose_make" : "browse.filters.any_model");
        const std::string modelPreview = listPreview(modelNames, anyModel);
        bool anyModels = false;
        for (const MakeInfo* m : picked) anyModels = anyModels || !m->models.empty();
        if (beginCombo("filter.model", s.get("browse.filters.model"), modelPreview.c_str(), width, anyModels)) {
            if (comboOption("filter.model", "any", s.get("browse.filters.any_model"), f.modelIds.empty())) {
                f.modelIds.clear();
                changed = true;
            }
            const float w = ImGui::GetContentRegionAvail().x;
            for (const MakeInfo* m : picked) {
                if (picked.size() > 1) comboHeader(m->name.c_str());
                for (const ModelInfo& model : m->models) {
                    const std::int64_t n = counts.facets ? counts.of("model", std::to_string(model.id)) : model.count;
                    const std::string detail = countText(s, n);
                    const std::string hook = "filter.model.option:" + std::to_string(model.id);
                    CheckOptions co;
                    co.detail = detail.c_str();
                    co.dimmed = n == 0;
                    if (checkbox(hook.c_str(), model.name, contains(f.modelIds, model.id), w, co)) {
                        toggle(f.modelIds, model.id);
                        changed = true;
                    }
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
    const finance::BuyerLoanTerms terms = finance::loanTermsOf(f);
    sync(m_monthly, numberText(f.monthlyMax));
    sync(m_loanDown, std::to_string(terms.downPercent));
    sync(m_loanTerm, std::to_string(terms.termMonths));
    sync(m_loanRate, rateText(terms.rateBp, s));
    sync(m_engineFrom, litresText(f.engineFrom, s));
    sync(m_engineTo, litresText(f.engineTo, s));
    sync(m_powerFrom, numberText(f.powerFrom));
    sync(m_powerTo, numberText(f.powerTo));
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

    // Engine volume (litres) and power (hp), each a range.
    const auto rangeLabel = [&](const char* key) {
        ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
        fieldLabel(s.get(key));
    };
    const auto orderProblem = [&](const char* field, const char* key) {
        if (problem != field) return;
        ImGui::Dummy(ImVec2(1, 0));
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImGui::GetCursorScreenPos(), color::kDanger, s.get(key), width);
        ImGui::Dummy(ImVec2(width, textSize(Font::Small, s.get(key), width).y));
    };
    rangeLabel("browse.filters.engine");
    const auto litresField = [&](const char* id, const char* hint, NumberBuffer& b, bool invalid, std::optional<int>& out) {
        FieldOptions fo;
        fo.decimal = true;
        fo.maxChars = 4;
        fo.invalid = invalid;
        fo.suffix = s.get("format.litres_unit");
        const bool edited = textField(id, hint, b.text, half, fo);
        b.editing = ImGui::IsItemActive();
        const bool left = ImGui::IsItemDeactivatedAfterEdit();
        if (edited || left) {
            bool ok = true;
            const auto v = parseLitresText(b.text, ok);
            if (ok) {
                out = v;
                changed = true;
                debounce = debounce || !left;
            }
        }
    };
    litresField("filter.engine_from", s.get("browse.filters.from"), m_engineFrom, false, f.engineFrom);
    ImGui::SameLine(0, gap);
    litresField("filter.engine_to", s.get("browse.filters.to"), m_engineTo, problem == "engine_to", f.engineTo);
    orderProblem("engine_to", "browse.filters.engine_order");
    rangeLabel("browse.filters.power");
    numberField("filter.power_from", s.get("browse.filters.from"), m_powerFrom, half, 4, false, s.get("format.hp_unit"),
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<int>(t, 0, limits::kPowerMax, 1, ok);
                    if (ok) f.powerFrom = v;
                    return ok;
                });
    ImGui::SameLine(0, gap);
    numberField("filter.power_to", s.get("browse.filters.to"), m_powerTo, half, 4, problem == "power_to",
                s.get("format.hp_unit"), [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<int>(t, 0, limits::kPowerMax, 1, ok);
                    if (ok) f.powerTo = v;
                    return ok;
                });
    orderProblem("power_to", "browse.filters.power_order");

    // Two fields side by side under their labels.
    const auto pairLabels = [&](const char* a, const char* b) {
        ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
        const ImVec2 row = ImGui::GetCursorScreenPos();
        drawText(ImGui::GetWindowDrawList(), Font::Small, row, color::kTextMuted, ellipsize(Font::Small, s.get(a), half));
        drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(row.x + half + gap, row.y), color::kTextMuted,
                 ellipsize(Font::Small, s.get(b), half));
        fieldLabel("");
    };

    // Body; fuel and transmission, drive and colour side by side: any of several each.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.body"));
    changed |= enumMultiCombo("filter.body", s.get("browse.filters.body"), s, "body", f.bodies, width, counts);
    pairLabels("browse.filters.fuel", "browse.filters.transmission");
    changed |= enumMultiCombo("filter.fuel", s.get("browse.filters.fuel"), s, "fuel", f.fuels, half, counts);
    ImGui::SameLine(0, gap);
    changed |= enumMultiCombo("filter.transmission", s.get("browse.filters.transmission"), s, "transmission",
                              f.transmissions, half, counts);
    pairLabels("browse.filters.drive", "browse.filters.color");
    changed |= enumMultiCombo("filter.drive", s.get("browse.filters.drive"), s, "drive", f.drives, half, counts);
    ImGui::SameLine(0, gap);
    {
        std::vector<std::string> names;
        for (const std::string& name : f.colors) names.push_back(colorName(s, name));
        const std::string preview = listPreview(names, s.get("browse.filters.any"));
        if (beginCombo("filter.color", s.get("browse.filters.color"), preview.c_str(), half)) {
            if (comboOption("filter.color", "any", s.get("browse.filters.any"), f.colors.empty())) {
                f.colors.clear();
                changed = true;
            }
            const float w = ImGui::GetContentRegionAvail().x;
            std::vector<std::string> all = knownColors();
            for (const std::string& name : f.colors) // one from an old link the app has no name for
                if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
            for (const std::string& name : all) {
                const std::int64_t n = counts.of("color", name);
                const std::string detail = countText(s, n);
                const std::string hook = "filter.color.option:" + name;
                CheckOptions co;
                co.detail = detail.c_str();
                co.dimmed = n == 0;
                if (checkbox(hook.c_str(), colorName(s, name), contains(f.colors, name), w, co)) {
                    toggle(f.colors, name);
                    changed = true;
                }
            }
            endCombo();
        }
    }

    // Condition and steering; owners and seller: one choice each.
    pairLabels("browse.filters.condition", "browse.filters.steering");
    changed |= enumCombo("filter.condition", s.get("browse.filters.condition"), s, "browse.filters.any", f.condition,
                         half, counts, "condition");
    ImGui::SameLine(0, gap);
    changed |= enumCombo("filter.steering", s.get("browse.filters.steering"), s, "browse.filters.any", f.steering, half,
                         counts, "steering");
    pairLabels("browse.filters.owners", "browse.filters.seller");
    {
        const std::string preview = f.ownersMax ? formatCount(s, "browse.filters.owners_max", *f.ownersMax)
                                                : std::string(s.get("browse.filters.any"));
        if (beginCombo("filter.owners", s.get("browse.filters.owners"), preview.c_str(), half)) {
            if (comboOption("filter.owners", "any", s.get("browse.filters.any"), !f.ownersMax)) {
                f.ownersMax.reset();
                changed = true;
            }
            for (int n = 1; n <= limits::kOwnersFilterMax; ++n) {
                const std::string text = formatCount(s, "browse.filters.owners_max", n);
                const std::int64_t k = counts.of("owners_max", std::to_string(n));
                const std::string detail = countText(s, k);
                if (comboOption("filter.owners", std::to_string(n), text.c_str(), f.ownersMax == n, detail.c_str(), 0.0f,
                                k == 0)) {
                    f.ownersMax = n;
                    changed = true;
                }
            }
            endCombo();
        }
    }
    ImGui::SameLine(0, gap);
    changed |= enumCombo("filter.seller", s.get("browse.filters.seller"), s, "browse.filters.any", f.sellerKind, half,
                         counts, "seller");

    // Posted within the last 1, 3, 7 or 30 days.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.posted_within"));
    {
        const auto dayText = [&](int days) {
            return days == 1 ? std::string(s.get("browse.filters.posted_today"))
                             : formatCount(s, "browse.filters.posted_days", days);
        };
        const std::string preview = f.postedWithinDays ? dayText(*f.postedWithinDays) : std::string(s.get("browse.filters.any_time"));
        if (beginCombo("filter.posted_within", s.get("browse.filters.posted_within"), preview.c_str(), width)) {
            if (comboOption("filter.posted_within", "any", s.get("browse.filters.any_time"), !f.postedWithinDays)) {
                f.postedWithinDays.reset();
                changed = true;
            }
            for (int days : {1, 3, 7, 30}) {
                const std::int64_t k = counts.of("posted_within", std::to_string(days));
                const std::string detail = countText(s, k);
                if (comboOption("filter.posted_within", std::to_string(days), dayText(days).c_str(),
                                f.postedWithinDays == days, detail.c_str(), 0.0f, k == 0)) {
                    f.postedWithinDays = days;
                    changed = true;
                }
            }
            endCombo();
        }
    }

    // Yes/no facts: only cars that have them.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    {
        struct Flag {
            const char* id;
            const char* param;
            const char* key;
            bool ListingFilter::*field;
        };
        static const Flag flags[] = {
            {"filter.customs", "customs", "browse.filters.customs", &ListingFilter::customsCleared},
            {"filter.no_accidents", "no_accidents", "browse.filters.no_accidents", &ListingFilter::noAccidents},
            {"filter.photos", "photos", "browse.filters.photos", &ListingFilter::withPhotos},
            {"filter.spin", "spin", "browse.filters.spin", &ListingFilter::withSpin},
            {"filter.vin_verified", "vin_verified", "browse.filters.vin_verified", &ListingFilter::vinVerified},
            {"filter.verified_seller", "verified_seller", "browse.filters.verified_seller", &ListingFilter::sellerVerified},
        };
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
        for (const Flag& flag : flags) {
            const std::int64_t n = counts.of(flag.param, "1");
            const std::string detail = countText(s, n);
            CheckOptions co;
            co.detail = detail.c_str();
            co.dimmed = n == 0;
            co.indent = -em(0.375f);
            if (checkbox(flag.id, s.get(flag.key), f.*flag.field, width, co)) {
                f.*flag.field = !(f.*flag.field);
                changed = true;
            }
        }
        ImGui::PopStyleVar();
    }

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
                const std::int64_t inCountry = counts.of("country", toString(country));
                const std::string countryCount = countText(s, inCountry);
                if (comboOption("filter.city", std::string(toString(country)), all.c_str(), !f.cityId && f.country == country,
                                countryCount.c_str(), 0.0f, inCountry == 0)) {
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
                    const std::int64_t n = counts.facets ? counts.of("city", std::to_string(city.id)) : city.count;
                    const std::string count = countText(s, n);
                    if (comboOption("filter.city", std::to_string(city.id), name.c_str(), f.cityId == city.id,
                                    count.c_str(), em(0.75f), n == 0)) {
                        f.cityId = city.id;
                        f.country.reset();
                        changed = true;
                    }
                }
            }
            endCombo();
        }
    }

    // Monthly payment, up to: a price bound at the buyer's loan terms (core/finance/loan_filter.hpp),
    // which also give the "~… /mo" on every card. Last, with the other money matters of a car.
    ImGui::Dummy(ImVec2(1, section - ImGui::GetStyle().ItemSpacing.y));
    fieldLabel(s.get("browse.filters.monthly_max"));
    numberField("filter.monthly_max", s.get("browse.filters.any"), m_monthly, width, 10, false, unit,
                [&](const std::string& t) {
                    bool ok = true;
                    const auto v = parseNumber<std::int64_t>(t, 1, limits::kPriceMax, 1, ok);
                    if (ok) f.monthlyMax = v;
                    return ok;
                });
    {
        const float third = (width - gap * 2) / 3;
        const ImVec2 labels = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(1, em(1.125f) - ImGui::GetStyle().ItemSpacing.y * 0.5f));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const char* names[] = {s.get("browse.filters.loan_down"), s.get("browse.filters.loan_term"), s.get("browse.filters.loan_rate")};
        for (int i = 0; i < 3; ++i)
            drawText(dl, Font::Small, ImVec2(labels.x + i * (third + gap), labels.y), color::kTextMuted,
                     ellipsize(Font::Small, names[i], third));
        // A term the market's default already has is not written into the address.
        const finance::BuyerLoanTerms base = finance::defaultLoanTerms(f.currency);
        numberField("filter.loan_down", names[0], m_loanDown, third, 2, false, "%", [&](const std::string& t) {
            bool ok = true;
            const auto v = parseNumber<int>(t, 0, finance::kMaxFilterDownPercent, 1, ok);
            if (ok && v) f.loanDownPercent = *v == base.downPercent ? std::nullopt : v;
            return ok && v;
        });
        ImGui::SameLine(0, gap);
        numberField("filter.loan_term", names[1], m_loanTerm, third, 3, false, nullptr, [&](const std::string& t) {
            bool ok = true;
            const auto v = parseNumber<int>(t, 1, finance::kMaxTermMonths, 1, ok);
            if (ok && v) f.loanTermMonths = *v == base.termMonths ? std::nullopt : v;
            return ok && v;
        });
        ImGui::SameLine(0, gap);
        FieldOptions fo;
        fo.decimal = true;
        fo.maxChars = 5;
        fo.suffix = "%";
        const bool edited = textField("filter.loan_rate", names[2], m_loanRate.text, third, fo);
        m_loanRate.editing = ImGui::IsItemActive();
        const bool left = ImGui::IsItemDeactivatedAfterEdit();
        if (edited || left) {
            if (const auto bp = parseRateText(m_loanRate.text)) {
                f.loanRateBp = *bp == base.rateBp ? std::nullopt : bp;
                changed = true;
                debounce = debounce || !left;
            }
        }
    }

    if (changed) c.editFilter(f, debounce);
    return ImGui::GetCursorScreenPos().y - start.y;
}

} // namespace dongelek::ui
