// The saved cars page (/favorites): each car with its price now and the change since it was
// saved, sold and removed cars marked, the heart to forget one.
#pragma once

#include "client/features/favorites/favorites_module.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

class FavoritesScreen : public Screen {
public:
    FavoritesScreen(UiContext& ui, FavoritesModule& module);

protected:
    void drawContent() override;

private:
    // Returns the listing to open, else 0.
    std::int64_t drawRow(const Favorite& f, float width, bool narrow);

    FavoritesModule& m_module;
};

} // namespace dongelek::ui
