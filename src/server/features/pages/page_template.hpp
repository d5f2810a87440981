// The web app's index.html as a page template: the server fills {{LANG}}, {{TITLE}},
// {{HEAD}} and {{CONTENT}} per request (web/stage_dist.cmake fills only the file names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::pages {

// What one page puts into the template. `title`, `head` and `content` are HTML already
// (escaped by the renderer); `lang` is a language code.
struct PageParts {
    std::string lang;
    std::string title;
    std::string head;
    std::string content;
};

class PageTemplate {
public:
    // Splits `html` at the placeholders once; any other {{...}} stays as it is.
    explicit PageTemplate(std::string_view html);

    // The template with every placeholder replaced (a missing one simply gets nothing).
    std::string fill(const PageParts& parts) const;
    // Placeholders the template lacks ("{{HEAD}}", ...), for the start-up log.
    std::vector<std::string> missingPlaceholders() const;

private:
    enum class Slot { Text, Lang, Title, Head, Content };
    struct Piece {
        Slot slot = Slot::Text;
        std::string text; // for Slot::Text
    };
    std::vector<Piece> m_pieces;
    std::size_t m_textBytes = 0;
};

} // namespace dongelek::server::pages
