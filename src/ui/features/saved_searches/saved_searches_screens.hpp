// The saved-searches feature's screens: the saved searches (/saved-searches: each a link to its
// search, what it finds now, unread new cars, the alert switch, rename, delete with undo) and
// the notifications (/notifications: the new cars per saved search, each a link to the car,
// "sold" for one that is gone). The notifications screen also puts the bell with the unread
// count into the top bar, and the saved searches a link into the account menu.
#pragma once

#include "client/features/saved_searches/notifications_module.hpp"
#include "client/features/saved_searches/recently_viewed_module.hpp"
#include "client/features/saved_searches/saved_searches_module.hpp"
#include "ui/screen.hpp"

#include <cstdint>
#include <string>

namespace dongelek::ui {

class SavedSearchesScreen : public Screen {
public:
    SavedSearchesScreen(UiContext& ui, SavedSearchesModule& module);

protected:
    void drawContent() override;

private:
    SavedSearchesModule& m_module;
    std::int64_t m_renaming = 0; // the search whose name is being edited (UI state)
    std::string m_renameText;
};

class NotificationsScreen : public Screen {
public:
    NotificationsScreen(UiContext& ui, NotificationsModule& module);

protected:
    void drawContent() override;

private:
    NotificationsModule& m_module;
};

} // namespace dongelek::ui
