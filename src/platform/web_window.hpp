// Web only, between the platform's web files: the SDL window window_web.cpp made (clipboard_web
// pushes its paste into that window's event queue).
#pragma once

struct SDL_Window;

namespace dongelek::platform::web {

SDL_Window* sdlWindow();

} // namespace dongelek::platform::web
