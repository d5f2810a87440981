// history.hpp on the desktop: an in-memory list of entries and a cursor standing in for the
// browser's history (Alt+Left and the mouse's back button call historyBack, window_native.cpp).

#include "platform/history.hpp"

#include <vector>

namespace dongelek::platform {

namespace {
struct HistoryState {
    std::vector<std::string> entries{"/"};
    std::size_t index = 0;
    std::function<void(const std::string&)> popHandler;
};

HistoryState& st()
{
    static HistoryState s;
    return s;
}
} // namespace

std::string currentUrl() { return st().entries[st().index]; }

void pushUrl(const std::string& url)
{
    HistoryState& s = st();
    s.entries.resize(s.index + 1);
    s.entries.push_back(url);
    s.index = s.entries.size() - 1;
}

void replaceUrl(const std::string& url) { st().entries[st().index] = url; }

void historyBack()
{
    HistoryState& s = st();
    if (s.index == 0) return;
    --s.index;
    if (s.popHandler) s.popHandler(s.entries[s.index]); // the handler queues the work, like the browser's popstate
}

void onPopState(std::function<void(const std::string& url)> handler) { st().popHandler = std::move(handler); }

} // namespace dongelek::platform
