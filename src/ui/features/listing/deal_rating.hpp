// A price check's rating as the app shows it (the listing page's price check, the seller's
// dashboard): its words and its colours.
#pragma once

#include "core/model.hpp"
#include "ui/style.hpp"

#include <imgui.h>

namespace dongelek::ui {

struct DealColors {
    ImU32 bg, fg;
};

inline DealColors dealColors(DealRating r)
{
    switch (r) {
    case DealRating::Great: return {IM_COL32(21, 128, 61, 255), IM_COL32_WHITE};
    case DealRating::Good: return {IM_COL32(220, 252, 231, 255), IM_COL32(22, 101, 52, 255)};
    case DealRating::Fair: return {IM_COL32(232, 240, 252, 255), IM_COL32(14, 75, 160, 255)};
    case DealRating::High: return {IM_COL32(254, 237, 213, 255), IM_COL32(154, 52, 18, 255)};
    case DealRating::Unknown: break;
    }
    return {color::kChip, color::kChipText};
}

// "listing.insight.great" ... "listing.insight.unknown".
inline const char* dealKey(DealRating r)
{
    switch (r) {
    case DealRating::Great: return "listing.insight.great";
    case DealRating::Good: return "listing.insight.good";
    case DealRating::Fair: return "listing.insight.fair";
    case DealRating::High: return "listing.insight.high";
    case DealRating::Unknown: break;
    }
    return "listing.insight.unknown";
}

} // namespace dongelek::ui
