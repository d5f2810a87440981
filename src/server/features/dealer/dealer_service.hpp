// Dealers (and any seller) managing many listings at once: a bulk status change or price
// change over up to 200 of their own listings in one transaction, and drafts imported from a
// CSV file (core/listing_csv) with a report per row. Written on the editor's repository: the
// same ownership rules (someone else's listing is "not found", never touched) and the same
// status rules as the single-listing routes. Who may: anyone signed in, for their own
// listings (no role check, like the editor's routes; docs/dealer_import.md).
#pragma once

#include "server/features/editor/editor_repository.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/http/principal.hpp"

#include "core/listing_csv.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::dealer {

struct DealerLimits {
    static constexpr std::size_t kMaxBulkIds = 200;
    static constexpr double kMaxPercent = 50; // a price change of at most ±50 % at once
    static constexpr std::int64_t kMaxAmountMinor = 1'000'000'000'000'000;
    // The drafts one user may hold after an import (imports are not held to the editor's 20,
    // which counts every draft too: past 20 the editor's "new draft" waits until some are
    // published or deleted).
    static constexpr std::int64_t kMaxDraftsWithImports = editor::EditorLimits::kMaxDrafts;
};

// [SECTION] Bulk changes

enum class BulkAction { Publish, Unpublish, Sold, Price };
std::optional<BulkAction> parseBulkAction(std::string_view s); // "publish", "unpublish", "sold", "price"

struct BulkRequest {
    std::vector<std::int64_t> ids; // 1..kMaxBulkIds; repeats count once
    BulkAction action = BulkAction::Publish;
    // Price only, exactly one of them: a change in percent (-50..+50, not 0), or the new price
    // in minor units of each listing's own currency (all of them must share that currency).
    std::optional<double> percent;
    std::optional<std::int64_t> amountMinor;
};

struct BulkItem {
    std::int64_t id = 0;
    bool ok = false;
    bool changed = false; // ok, and something was different afterwards (false: it already was so)
    // not_found (not the caller's, or deleted), or when the request was refused:
    // price_out_of_range (this one), mixed_currencies, not_applied (fine, but nothing was changed).
    std::string code;
    std::optional<Money> price; // price_out_of_range: what it would have cost
};

struct BulkResult {
    bool applied = false;    // false: refused as a whole, nothing changed
    std::string code;        // a refusal's: price_out_of_range, mixed_currencies
    std::string field;       // the request field it is about
    std::string message;     // a refusal's, naming the listing
    std::vector<BulkItem> items;              // one per distinct id, in the request's order
    std::vector<editor::OwnListing> listings; // applied: the caller's listings of the request, as they are now
    int changed = 0;
};

// The price after a change of `percent`, rounded to whole units of its currency (half up).
Money priceAfterPercent(const Money& price, double percent);
// An amount rounded to whole units of its currency (half up).
Money roundedToWhole(const Money& price);

// [SECTION] Import

struct ImportRow {
    CsvRowReport report;
    std::int64_t draftId = 0; // the draft made from it (ok rows)
};

struct ImportResult {
    int created = 0;
    char separator = ',';
    std::vector<std::string> columns, ignoredColumns;
    std::vector<ImportRow> rows;
};

class DealerService {
public:
    // `listingsChanged` runs after a bulk change buyers see, before the answer (the search
    // index takes it in), like the editor's.
    DealerService(editor::EditorRepository& repository, std::function<std::int64_t()> now,
                  std::function<void()> listingsChanged = {})
        : m_repository(repository), m_now(std::move(now)), m_listingsChanged(std::move(listingsChanged))
    {
    }

    // 400 (ClientError) for a malformed request. All or nothing: a price outside core's
    // priceBounds for any listing refuses the request (applied = false, the route's 422).
    BulkResult bulk(const Principal& who, const BulkRequest& request);

    // Drafts from the file's good rows, in one transaction; the report names the others.
    // 400 for a file that cannot be read as a listings CSV (core's CsvError code), 422
    // too_many_drafts when the user would hold more than kMaxDraftsWithImports drafts.
    ImportResult importCsv(const Principal& who, std::string_view text);

    std::int64_t now() const { return m_now(); }

private:
    CsvCatalog catalog();

    editor::EditorRepository& m_repository;
    std::function<std::int64_t()> m_now;
    std::function<void()> m_listingsChanged;
};

} // namespace dongelek::server::dealer
