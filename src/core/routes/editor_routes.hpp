// The seller's addresses: "/sell/new" (starts a draft, then shows it), "/sell/<draft>?step=photos"
// (the editor on one of its steps; without step= the first one) and "/my/listings" (the seller's
// dashboard: listings, drafts, how each performs).
#pragma once

#include "core/listing_draft.hpp"
#include "core/route.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

struct EditorRoute {
    std::int64_t draftId = 0; // 0: /sell/new
    DraftStep step = DraftStep::Vin;
    // nullopt unless the path is /sell/new or /sell/<id>; an unknown step is the first one.
    static std::optional<EditorRoute> parse(const AppUrl& url);
    std::string url() const;
};

struct MyListingsRoute {
    std::int64_t listingId = 0; // the listing whose chart is open (?listing=), 0 for none
    static std::optional<MyListingsRoute> parse(const AppUrl& url);
    std::string url() const;
};

} // namespace dongelek
