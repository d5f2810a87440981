#include "ui/features/favorites/listing_toggles.hpp"

#include "client/features/compare/compare_module.hpp"
#include "client/features/favorites/favorites_module.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace dongelek::ui {

namespace {
void both(UiContext& ui, const ListingSummary& item, ImVec2 heartAt, ImVec2 compareAt, bool overlay)
{
    const Strings& s = ui.app.shared().strings;
    const std::string id = std::to_string(item.id);
    ToggleOptions o;
    o.overlay = overlay;
    if (FavoritesModule* favorites = ui.app.find<FavoritesModule>()) {
        const bool saved = favorites->isSaved(item.id);
        ToggleOptions heart = o;
        heart.onColor = color::kDanger;
        const std::string name = s.format(saved ? "favorites.toggle.remove" : "favorites.toggle.add", {{"title", item.title}});
        if (toggleButton(("favorite:" + id).c_str(), Icon::Heart, saved, name, heartAt, heart)) favorites->toggle(item);
    }
    if (CompareModule* compare = ui.app.find<CompareModule>()) {
        const bool picked = compare->isSelected(item.id);
        const std::string name = s.format(picked ? "compare.toggle.remove" : "compare.toggle.add", {{"title", item.title}});
        if (toggleButton(("compare:" + id).c_str(), Icon::Compare, picked, name, compareAt, o)) compare->toggle(item);
    }
}
} // namespace

void cardToggles(UiContext& ui, const ListingSummary& item, ImVec2 min, ImVec2 size)
{
    const float d = tapSize(em(2.25f));
    const float inset = em(0.25f);
    // Side by side over the photo's top-left corner: the card's lower rows (badges on a phone)
    // stay clear.
    (void)size;
    both(ui, item, ImVec2(min.x + inset, min.y + inset), ImVec2(min.x + inset + d + em(0.25f), min.y + inset), true);
}

void rowToggles(UiContext& ui, const ListingSummary& item, ImVec2 rightTop)
{
    const float d = tapSize(em(2.25f));
    const float gap = em(0.5f);
    both(ui, item, ImVec2(rightTop.x - d, rightTop.y), ImVec2(rightTop.x - 2 * d - gap, rightTop.y), false);
}

} // namespace dongelek::ui
