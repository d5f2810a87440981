// Placeholders are found once per template version; filling is then one pass of appends.

#include "server/features/pages/page_template.hpp"

#include <array>
#include <utility>

namespace dongelek::server::pages {

namespace {
constexpr std::array<std::pair<std::string_view, int>, 4> kSlots{{
    {"{{LANG}}", 1},
    {"{{TITLE}}", 2},
    {"{{HEAD}}", 3},
    {"{{CONTENT}}", 4},
}};
} // namespace

PageTemplate::PageTemplate(std::string_view html)
{
    std::string text;
    std::size_t i = 0;
    while (i < html.size()) {
        bool matched = false;
        if (html[i] == '{' && html.compare(i, 2, "{{") == 0) {
            for (const auto& [token, slot] : kSlots) {
                if (html.compare(i, token.size(), token) != 0) continue;
                if (!text.empty()) m_pieces.push_back(Piece{Slot::Text, std::move(text)});
                text.clear();
                m_pieces.push_back(Piece{static_cast<Slot>(slot), {}});
                i += token.size();
                matched = true;
                break;
            }
        }
        if (!matched) text += html[i++];
    }
    if (!text.empty()) m_pieces.push_back(Piece{Slot::Text, std::move(text)});
    for (const Piece& p : m_pieces)
        m_textBytes += p.text.size();
}

std::string PageTemplate::fill(const PageParts& parts) const
{
    std::string out;
    out.reserve(m_textBytes + parts.title.size() + parts.head.size() + parts.content.size() + 16);
    for (const Piece& p : m_pieces) {
        switch (p.slot) {
        case Slot::Text: out += p.text; break;
        case Slot::Lang: out += parts.lang; break;
        case Slot::Title: out += parts.title; break;
        case Slot::Head: out += parts.head; break;
        case Slot::Content: out += parts.content; break;
        }
    }
    return out;
}

std::vector<std::string> PageTemplate::missingPlaceholders() const
{
    std::vector<std::string> missing;
    for (const auto& [token, slot] : kSlots) {
        bool found = false;
        for (const Piece& p : m_pieces)
            found = found || p.slot == static_cast<Slot>(slot);
        if (!found) missing.emplace_back(token);
    }
    return missing;
}

} // namespace dongelek::server::pages
