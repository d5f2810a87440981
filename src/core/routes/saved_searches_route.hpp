// The addresses of the saved-searches feature: the user's saved searches and the notifications
// their alerts raised. Both without parameters and for signed-in users only.
#pragma once

#include "core/routes/account_routes.hpp"

namespace dongelek {

inline constexpr FixedRoute kSavedSearchesRoute{"/saved-searches"};
inline constexpr FixedRoute kNotificationsRoute{"/notifications"};

} // namespace dongelek
