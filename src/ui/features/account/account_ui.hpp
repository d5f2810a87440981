// What the account screens are built of: a scrolling page with a centred column (a card on wide
// screens, the whole width on phones), and a form layout that stacks headings, text, labelled
// fields with their error underneath, notices and buttons, each a step down the column. Also the
// strength meter, the QR code and the tabs of the signed-in pages. Everything comes from the
// shared widget layer (ui/widgets.hpp), so focus, taps, the mirror and the phone keyboard work.
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/password_strength_check.hpp"
#include "core/accounts.hpp"
#include "core/i18n.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace dongelek::ui::account {

// [SECTION] The page

// The scroll region (the page keys scroll it) and the column, `maxWidthEm` wide at most. Returns
// false when nothing needs drawing; always pair with endPage().
struct Column {
    float x = 0, width = 0;
    bool card = false; // drawn on a white card (wide screens)
};
bool beginPage(const char* scrollId, float maxWidthEm, Column& column);
// `contentHeight`: how far the layout went (FormLayout::height()).
void endPage(const Column& column, float contentHeight);

// [SECTION] The form layout

class FormLayout {
public:
    // Starts at the cursor. With `cards` (wide screens), white cards are drawn behind the parts
    // between beginCard() and endCard() (a card's size is known only at its end, so its shape
    // goes on the draw list's back channel); `openCard` begins the first at once. On phones the
    // parts are only spaced apart.
    FormLayout(const Strings& s, float x, float width, bool cards, bool openCard = true);
    ~FormLayout();
    FormLayout(const FormLayout&) = delete;
    FormLayout& operator=(const FormLayout&) = delete;

    float x() const { return m_x; }
    float width() const { return m_width; }
    float y() const { return m_y; }
    float height() const { return m_y - m_top; }
    // Closes the open card, puts the cards behind the content; returns the height used. Called
    // by the destructor when not called before.
    float finish();
    void gap(float emUnits) { m_y += em(emUnits); }
    void beginCard();
    void endCard();

    // Text
    void icon(Icon icon, ImU32 color, ImU32 badge);
    void title(const char* hookId, const std::string& text);   // the page's heading (h1 in the mirror)
    void heading(const char* hookId, const std::string& text); // a section's
    void paragraph(const char* hookId, const std::string& text, ImU32 color = color::kTextMuted,
                   Font f = Font::Regular);
    // Selectable text (a secret key, recovery codes): can be copied.
    void selectable(const char* hookId, const std::string& text, Font f = Font::Bold);
    // A label and a value on one line (or two on phones): "Email  aigerim@example.kz".
    void fact(const char* hookId, const std::string& label, const std::string& value, const char* chip = nullptr,
              bool chipGood = true);
    // Boxes: the form's error (red) and good news (green).
    void error(const char* hookId, const std::string& text);
    void notice(const char* hookId, const std::string& text);

    // Fields: the label above, the field, then its error (in red, the field's description in
    // the mirror) or `hint` (muted) below. The error key is looked up in the strings.
    FieldEvents field(const char* hookId, const char* label, std::string& text, FieldOptions options,
                      const std::string& errorKey, const char* hint = nullptr);
    FieldEvents password(const char* hookId, const char* label, std::string& text, bool& shown, FieldOptions options,
                         const std::string& errorKey, const char* hint = nullptr);
    // The strength meter under a new password: five bars, a word, and what the server said.
    void strength(const char* hookId, const ::dongelek::account::PasswordStrengthCheck& check,
                  const std::string& password);

    // Buttons: the full-width main one (with a spinner while `busy`), others at their own width.
    bool primary(const char* hookId, const std::string& text, bool enabled = true, bool busy = false);
    bool secondary(const char* hookId, const std::string& text, bool enabled = true);
    // A link to an app address (role link: new tab, link menu); returns true when followed here.
    bool link(const char* hookId, const std::string& text, const std::string& href);
    // A text-looking button for an action that does not navigate ("Use a recovery code").
    bool textButton(const char* hookId, const std::string& text);
    // Several buttons side by side; call row() first, then the buttons, then endRow().
    void row();
    void endRow();

    // Tabs that are links (tabRow below) across the column; returns the address followed, or "".
    std::string tabs(const std::vector<struct TabSpec>& tabs);

    // The QR code of `qr`, a quiet zone around it, whole pixels per module, at most `maxEm` wide.
    void qr(const char* hookId, const QrMatrix& qr, const std::string& label, float maxEm = 14);

private:
    template <typename Draw>
    FieldEvents labelled(const char* hookId, const char* label, FieldOptions& o, const std::string& errorKey,
                         const char* hint, Draw&& draw);
    void place(); // the cursor at the next item
    void advance(float h);
    void drawCard();

    const Strings& m_s;
    float m_x, m_width, m_top, m_y;
    float m_cardX, m_cardW, m_cardTop = 0;
    bool m_card, m_cardOpen = false;
    ImDrawListSplitter m_splitter;
    ImDrawList* m_dl = nullptr;
    bool m_inRow = false;
    bool m_finished = false;
    float m_rowX = 0, m_rowH = 0;
};

// [SECTION] Pieces of several screens

// The seconds of a wait as text: "Try again in 42 s" (plural forms).
std::string waitText(const Strings& s, int seconds);
// The form's message: its error key looked up, a 429's wait with its countdown.
std::string formErrorText(const Strings& s, const ::dongelek::account::FormState& form, double nowMs);
// Asks for a frame when the next second of a countdown is due (idle mode).
void tickEverySecond(double untilMs, double nowMs);

// A row of tabs that are links (a line under them, the current one marked). Returns the address
// of the tab followed this frame, else "".
struct TabSpec {
    const char* hookId;
    std::string text;
    std::string href;
    bool selected = false;
};
std::string tabRow(const std::vector<TabSpec>& tabs, float x, float width);
// The signed-in pages' tabs: Profile, Security, Sessions.
enum class AccountTab { Profile, Security, Sessions };
std::string accountTabs(const Strings& s, AccountTab current, float x, float width);
// The signed-in pages' head, outside the cards: "Your account", who is signed in, the tabs.
// Returns the tab's address followed, or "".
std::string accountHeader(FormLayout& f, const Strings& s, const User* user, AccountTab current);

} // namespace dongelek::ui::account
