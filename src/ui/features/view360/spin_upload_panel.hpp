// The seller's panel under their own listing's 360° view (and in the editor's 360° step): replace the spin with their photos,
// the preparation's and the upload's progress, the shots that look wrong, and what went wrong.
#pragma once

#include "client/features/view360/spin_upload.hpp"
#include "core/i18n.hpp"

#include <functional>

namespace dongelek::ui {

// What the panel shows and does: a listing's 360° view and the editor's 360° step share it.
struct SpinPanel {
    const SpinUploader& upload;
    std::function<void()> start, uploadAnyway, dismiss;
    const char* startKey = "view360.upload";     // the button that picks the photos
    const char* doneKey = "view360.upload_done"; // a plural: what is said once it is up
};

// At the cursor, `left` its x (window coordinates), `width` wide.
void drawSpinUploadPanel(const SpinPanel& panel, const Strings& s, float left, float width);

} // namespace dongelek::ui
