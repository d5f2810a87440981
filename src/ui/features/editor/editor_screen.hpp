// The seller's listing editor (/sell/<draft>?step=...): a head with what is saved where, the
// steps as links with what each still lacks, the step's card and Back / Next. Desktop and phone
// share one column (a form reads best narrow). The screen only draws: every value comes from
// EditorModule, every change goes through its actions.
// Files: editor_screen.cpp (layout, head, steps, shared field helpers), editor_steps.cpp (each
// step's card).
#pragma once

#include "client/features/editor/editor_module.hpp"
#include "ui/features/listing/listing_screen.hpp"
#include "ui/screen.hpp"
#include "ui/widgets.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace dongelek::ui {

class EditorScreen : public Screen {
public:
    EditorScreen(UiContext& ui, EditorModule& module);
    std::string errorText() const override;

protected:
    void drawContent() override;

private:
    float drawHead(float width);
    float drawSteps(float width);
    float drawNav(float width);
    // editor_steps.cpp: each step's card at the cursor; returns its height.
    float drawStep(float width);
    // Inside the step's card (drawStep draws the card and the step's name): from (x, y), w wide;
    // y moves down past what was drawn.
    void drawVin(float x, float& y, float w);
    void drawCar(float x, float& y, float w);
    void drawCondition(float x, float& y, float w);
    void drawPrice(float x, float& y, float w);
    void drawDescription(float x, float& y, float w);
    void drawPhotos(float x, float& y, float w);
    void drawView360(float x, float& y, float w);
    // The Preview step's card: what is missing, and Publish. The step shows the listing page
    // itself under the head, the steps and this card (m_previewScreen).
    void drawPreview(float x, float& y, float w);
    // The head, the steps and the step's card from (x, y): the editor's column, and the banner
    // over the preview's listing page. Returns the height.
    float drawHeadStepsCard(float x, float y, float width);

    // A labelled number field bound to a draft value; its problem under it. Returns the height.
    struct NumberField {
        const char* field;    // the document key: "year"
        const char* labelKey; // "editor.field.year"
        std::optional<std::int64_t> value;
        std::function<void(ListingDraft&, std::optional<std::int64_t>)> set;
        const char* suffix = nullptr;
        std::size_t maxChars = 9;
        bool decimal = false; // engine litres: the value is in tenths
    };
    float numberField(const NumberField& f, float x, float y, float width);
    float textInput(const char* field, const char* labelKey, const std::string& value,
                    const std::function<void(const std::string&)>& changed, float x, float y, float width,
                    FieldOptions options = {}, const std::string& hint = {});
    // What a text field of the draft does when typed in: sets that member.
    std::function<void(const std::string&)> into(std::string ListingDraft::*member);
    // A label and a combo of `options` (value, text); returns the height.
    float choice(const char* field, const char* labelKey, const std::string& selected,
                 const std::vector<std::pair<std::string, std::string>>& options,
                 const std::function<void(const std::string&)>& pick, float x, float y, float width);
    // The problem of `field` in the seller's language ("" when none).
    std::string problemText(std::string_view field) const;
    float fieldLabel(const char* text, float x, float y, float width);

    EditorModule& m_module;
    ListingScreen m_previewScreen; // the listing feature's page, drawing m_module.preview()
    std::map<std::string, std::string> m_text; // what is typed in each field (numbers keep their text while edited)
    std::uint64_t m_visit = 0;
    std::string m_scrolledFor;
};

} // namespace dongelek::ui
