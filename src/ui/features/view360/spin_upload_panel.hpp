// The seller's panel under their own listing's 360° view: replace the spin with their photos,
// the preparation's and the upload's progress, the shots that look wrong, and what went wrong.
#pragma once

#include "client/features/view360/view360_module.hpp"
#include "core/i18n.hpp"

namespace dongelek::ui {

// At the cursor, `left` its x (window coordinates), `width` wide.
void drawSpinUploadPanel(View360Module& module, const Strings& s, float left, float width);

} // namespace dongelek::ui
