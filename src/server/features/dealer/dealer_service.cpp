#include "server/features/dealer/dealer_service.hpp"

#include "server/http/errors.hpp"

#include "core/listing_draft.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace dongelek::server::dealer {

using editor::EditorRepository;
using editor::SellerStatus;

std::optional<BulkAction> parseBulkAction(std::string_view s)
{
    if (s == "publish") return BulkAction::Publish;
    if (s == "unpublish") return BulkAction::Unpublish;
    if (s == "sold") return BulkAction::Sold;
    if (s == "price") return BulkAction::Price;
    return std::nullopt;
}

Money priceAfterPercent(const Money& price, double percent)
{
    const std::int64_t unit = minorPerWhole(price.currency);
    // In basis points, so -10 % of 12 345 tenge is exact integer arithmetic.
    const std::int64_t bp = std::llround(percent * 100);
    const std::int64_t factor = 10'000 + bp; // 5000..15000
    const std::int64_t amount = std::max<std::int64_t>(0, price.amountMinor);
    if (amount > std::numeric_limits<std::int64_t>::max() / 15'000) {
        // Far beyond any price bound: the result only has to stay out of range.
        const long double whole = std::floor(static_cast<long double>(amount) * factor / 10'000 / unit + 0.5L);
        return Money{static_cast<std::int64_t>(std::min<long double>(whole * unit, 4e18L)), price.currency};
    }
    const std::int64_t denominator = 10'000 * unit;
    const std::int64_t whole = (amount * factor + denominator / 2) / denominator;
    return Money{whole * unit, price.currency};
}

Money roundedToWhole(const Money& price)
{
    const std::int64_t unit = minorPerWhole(price.currency);
    const std::int64_t amount = std::max<std::int64_t>(0, price.amountMinor);
    return Money{(amount / unit + (amount % unit * 2 >= unit ? 1 : 0)) * unit, price.currency};
}

namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& message)
{
    throw ClientError(400, "invalid_field", field, message);
}

void checkRequest(const BulkRequest& r)
{
    if (r.ids.empty() || r.ids.size() > DealerLimits::kMaxBulkIds)
        invalid("ids", "ids must name 1 to " + std::to_string(DealerLimits::kMaxBulkIds) + " listings");
    for (std::int64_t id : r.ids)
        if (id < 1) invalid("ids", "ids must hold positive whole numbers");
    if (r.action != BulkAction::Price) {
        if (r.percent) invalid("percent", "percent is for the price action only");
        if (r.amountMinor) invalid("amount_minor", "amount_minor is for the price action only");
        return;
    }
    if (r.percent.has_value() == r.amountMinor.has_value())
        invalid(r.percent ? "amount_minor" : "percent", "a price change needs exactly one of percent and amount_minor");
    if (r.percent && (!std::isfinite(*r.percent) || std::fabs(*r.percent) > DealerLimits::kMaxPercent))
        invalid("percent", "percent must be between -50 and 50");
    if (r.percent && std::llround(*r.percent * 100) == 0) invalid("percent", "percent must not be 0");
    if (r.amountMinor && (*r.amountMinor < 1 || *r.amountMinor > DealerLimits::kMaxAmountMinor))
        invalid("amount_minor", "amount_minor must be a positive amount in minor units");
}

std::optional<SellerStatus> statusFor(BulkAction a)
{
    switch (a) {
    case BulkAction::Publish: return SellerStatus::Published;
    case BulkAction::Unpublish: return SellerStatus::Unpublished;
    case BulkAction::Sold: return SellerStatus::Sold;
    case BulkAction::Price: return std::nullopt;
    }
    return std::nullopt;
}

int currentYear(std::int64_t now) { return std::stoi(isoTimestamp(now).substr(0, 4)); }

} // namespace

BulkResult DealerService::bulk(const Principal& who, const BulkRequest& request)
{
    checkRequest(request);
    std::vector<std::int64_t> ids;
    {
        std::set<std::int64_t> seen;
        for (std::int64_t id : request.ids)
            if (seen.insert(id).second) ids.push_back(id);
    }
    BulkResult result;
    std::vector<EditorRepository::BulkWrite> planned;
    std::vector<std::int64_t> refusedIds;
    const std::vector<EditorRepository::BulkTarget> targets = m_repository.bulkUpdate(
        who.userId, ids,
        [&](const std::vector<EditorRepository::BulkTarget>& found) {
            planned.clear();
            const std::optional<SellerStatus> status = statusFor(request.action);
            if (request.amountMinor) {
                // One absolute price for listings in tenge and in dinars would be a mistake.
                std::set<Currency> currencies;
                for (const auto& t : found)
                    currencies.insert(t.price.currency);
                if (currencies.size() > 1) {
                    result.code = "mixed_currencies";
                    result.field = "amount_minor";
                    result.message = "nothing was changed: amount_minor sets one price, and these listings are priced in "
                                     "both KZT and BHD; change each currency's listings apart";
                    return std::vector<EditorRepository::BulkWrite>{};
                }
            }
            for (const auto& t : found) {
                EditorRepository::BulkWrite w;
                w.id = t.id;
                if (status) {
                    w.status = status;
                } else {
                    const Money next = request.percent ? priceAfterPercent(t.price, *request.percent)
                                                       : roundedToWhole(Money{*request.amountMinor, t.price.currency});
                    const PriceBounds bounds = priceBounds(t.price.currency);
                    if (next.amountMinor < bounds.minMinor || next.amountMinor > bounds.maxMinor) {
                        if (result.code.empty()) {
                            const bool low = next.amountMinor < bounds.minMinor;
                            result.code = "price_out_of_range";
                            result.field = request.percent ? "percent" : "amount_minor";
                            result.message = "nothing was changed: listing " + std::to_string(t.id) + " would cost " +
                                             formatMoney(next) + (low ? ", below the lowest price " : ", above the highest price ") +
                                             formatMoney(Money{low ? bounds.minMinor : bounds.maxMinor, t.price.currency});
                        }
                        refusedIds.push_back(t.id);
                        BulkItem item;
                        item.id = t.id;
                        item.code = "price_out_of_range";
                        item.price = next;
                        result.items.push_back(item);
                    }
                    w.price = next;
                }
                planned.push_back(w);
            }
            // All or nothing: one refusal and nothing is written.
            if (!result.code.empty()) return std::vector<EditorRepository::BulkWrite>{};
            return planned;
        },
        m_now());

    // One item per id, in the request's order.
    std::vector<BulkItem> refused = std::move(result.items);
    result.items.clear();
    result.applied = result.code.empty();
    for (std::int64_t id : ids) {
        BulkItem item;
        item.id = id;
        const auto t = std::find_if(targets.begin(), targets.end(), [&](const auto& x) { return x.id == id; });
        if (t == targets.end()) {
            item.code = "not_found";
        } else if (!result.applied) {
            const auto r = std::find_if(refused.begin(), refused.end(), [&](const BulkItem& x) { return x.id == id; });
            if (r != refused.end()) item = *r;
            else item.code = result.code == "mixed_currencies" ? "mixed_currencies" : "not_applied";
        } else {
            item.ok = true;
            const auto w = std::find_if(planned.begin(), planned.end(), [&](const auto& x) { return x.id == id; });
            item.changed = w != planned.end() && ((w->status && *w->status != t->status) ||
                                                  (w->price && !(*w->price == t->price)));
            if (item.changed) ++result.changed;
        }
        result.items.push_back(item);
    }
    if (!result.applied) return result;
    if (result.changed > 0 && m_listingsChanged) m_listingsChanged();
    for (const auto& t : targets)
        if (std::optional<editor::OwnListing> l = m_repository.ownListing(who.userId, t.id))
            result.listings.push_back(std::move(*l));
    return result;
}

CsvCatalog DealerService::catalog()
{
    const EditorRepository::ImportCatalog names = m_repository.importCatalog();
    CsvCatalog c;
    for (const auto& m : names.makes)
        c.addMake(m.id, m.name, m.aliases);
    for (const auto& m : names.models)
        c.addModel(m.makeId, m.id, m.name, m.aliases);
    for (const auto& city : names.cities)
        c.addCity(city.id, city.name, city.country);
    return c;
}

ImportResult DealerService::importCsv(const Principal& who, std::string_view text)
{
    CsvError error;
    const std::optional<ListingCsv> file = parseListingCsv(text, catalog(), currentYear(m_now()), &error);
    if (!file) throw ClientError(400, error.code, "body", error.message);
    ImportResult out;
    out.separator = file->separator;
    out.columns = file->columns;
    out.ignoredColumns = file->ignoredColumns;
    std::vector<std::string> documents;
    for (const CsvRowReport& r : file->rows) {
        out.rows.push_back(ImportRow{r, 0});
        if (r.ok) documents.push_back(draftDocument(r.draft).dump());
    }
    if (documents.empty()) return out;
    const std::optional<std::vector<editor::DraftRow>> drafts =
        m_repository.createDrafts(who.userId, documents, DealerLimits::kMaxDraftsWithImports, m_now());
    if (!drafts) {
        const std::int64_t held = m_repository.countDrafts(who.userId);
        throw ClientError(422, "too_many_drafts", "body",
                          "nothing was imported: you have " + std::to_string(held) + " drafts and this file would add " +
                              std::to_string(documents.size()) + ", at most " +
                              std::to_string(DealerLimits::kMaxDraftsWithImports) +
                              " drafts at once: publish or delete some first");
    }
    std::size_t next = 0;
    for (ImportRow& row : out.rows)
        if (row.report.ok) row.draftId = (*drafts)[next++].id;
    out.created = static_cast<int>(drafts->size());
    return out;
}

} // namespace dongelek::server::dealer
