#include "server/features/editor/editor_service.hpp"

#include "server/features/media/photo_urls.hpp"
#include "server/http/errors.hpp"

#include "core/json_mapping.hpp"
#include "core/text_format.hpp"
#include "core/vin.hpp"

#include <algorithm>

namespace dongelek::server::editor {

using nlohmann::json;

namespace {

ListingDraft parsedOrEmpty(const std::string& document)
{
    const json j = json::parse(document, nullptr, false);
    std::optional<ListingDraft> d = j.is_discarded() ? std::nullopt : parseDraftDocument(j);
    return d ? *d : ListingDraft{};
}

[[noreturn]] void draftNotFound() { throw ClientError(notFound("id", "no such draft")); }
[[noreturn]] void listingNotFound() { throw ClientError(notFound("id", "no such listing of yours")); }

} // namespace

json problemJson(const DraftProblem& p)
{
    json j = {{"field", p.field}, {"code", p.code}, {"level", p.level == ProblemLevel::Error ? "error" : "warning"},
              {"step", toString(stepOfField(p.field))}};
    if (p.min || p.max) {
        j["min"] = p.min;
        j["max"] = p.max;
    }
    return j;
}

json ownListingJson(const OwnListing& l, std::int64_t now)
{
    json j = {{"id", l.id},
              {"title", l.title},
              {"year", l.year},
              {"price", l.price},
              {"status", toString(l.status)},
              {"created_at", l.createdAt},
              {"photo_count", l.photoCount},
              {"version", l.version},
              {"draft_id", l.draftId},
              {"views", l.views},
              {"favorites", l.favorites},
              {"contacts", l.contacts},
              {"thumb_url", l.coverPhotoId ? photoUrl(l.coverPhotoId, PhotoSize::Thumb) : std::string()}};
    const std::optional<std::int64_t> created = parseIsoTimestamp(l.createdAt);
    j["days_on_market"] = created && now > *created ? (now - *created) / 86400 : 0;
    return j;
}

json draftJson(const DraftRow& row, const std::vector<DraftProblem>& problems)
{
    json list = json::array();
    for (const DraftProblem& p : problems)
        list.push_back(problemJson(p));
    const json document = json::parse(row.document, nullptr, false);
    return {{"id", row.id},
            {"listing_id", row.listingId},
            {"version", row.version},
            {"document", document.is_discarded() ? json::object() : document},
            {"created_at", isoTimestamp(row.createdAt)},
            {"updated_at", isoTimestamp(row.updatedAt)},
            {"problems", std::move(list)}};
}

int EditorService::currentYear() const
{
    // Unix seconds to the civil year (UTC), from the ISO text: one conversion in the code base.
    return std::stoi(isoTimestamp(m_now()).substr(0, 4));
}

std::vector<DraftProblem> EditorService::problemsOf(const ListingDraft& d)
{
    const CatalogCheck catalog = m_repository.checkCatalog(d);
    DraftContext ctx;
    ctx.currentYear = currentYear();
    ctx.modelMatchesMake = !d.modelId || !d.makeId || catalog.modelOfMake;
    std::vector<DraftProblem> problems = validateDraft(d, ctx);
    auto unknown = [&](const char* field) {
        problems.insert(problems.begin(), DraftProblem{field, "unknown", ProblemLevel::Error, 0, 0});
    };
    if (d.cityId && !catalog.cityKnown) unknown("city_id");
    if (d.makeId && !catalog.makeKnown) unknown("make_id");
    return problems;
}

std::string EditorService::titleOf(const ListingDraft& d)
{
    const CatalogCheck c = m_repository.checkCatalog(d);
    std::string title = c.makeName;
    if (!c.modelName.empty()) title += " " + c.modelName;
    if (!title.empty() && d.year) title += " " + std::to_string(*d.year);
    return title;
}

std::vector<DraftRow> EditorService::drafts(const Principal& who) { return m_repository.drafts(who.userId); }

DraftRow EditorService::draft(const Principal& who, std::int64_t draftId)
{
    std::optional<DraftRow> row = m_repository.findDraft(who.userId, draftId);
    if (!row) draftNotFound();
    return *row;
}

DraftRow EditorService::create(const Principal& who, std::int64_t listingId, std::optional<Currency> currency)
{
    ListingDraft d;
    if (listingId > 0) {
        std::optional<ListingDraft> from = m_repository.listingAsDraft(who.userId, listingId);
        if (!from) listingNotFound();
        d = std::move(*from);
    } else if (currency) {
        d.currency = *currency;
    }
    if (m_repository.countDrafts(who.userId) >= EditorLimits::kMaxDrafts)
        throw ClientError(422, "too_many_drafts", "drafts",
                          "at most " + std::to_string(EditorLimits::kMaxDrafts) +
                              " drafts at once: publish or delete one first");
    return m_repository.createDraft(who.userId, listingId, draftDocument(d).dump(), m_now());
}

SaveResult EditorService::save(const Principal& who, std::int64_t draftId, int baseVersion, const json& document)
{
    std::string error;
    const std::optional<ListingDraft> d = parseDraftDocument(document, &error);
    if (!d) {
        const std::string field = error.substr(0, error.find(':'));
        throw ClientError(400, "invalid_field", "document." + field, error);
    }
    const SaveOutcome out = m_repository.saveDraft(who.userId, draftId, baseVersion, draftDocument(*d).dump(), m_now());
    if (out.kind == SaveOutcome::Kind::NotFound) draftNotFound();
    SaveResult r;
    r.conflict = out.kind == SaveOutcome::Kind::Conflict;
    r.row = out.row;
    r.problems = problemsOf(r.conflict ? parsedOrEmpty(out.row.document) : *d);
    return r;
}

void EditorService::remove(const Principal& who, std::int64_t id, bool listing)
{
    if (listing) {
        if (!m_repository.deleteListing(who.userId, id, m_now())) listingNotFound();
        changedForBuyers();
        return;
    }
    if (!m_repository.deleteDraft(who.userId, id)) draftNotFound();
}

void EditorService::remove(const Principal& who, std::int64_t draftId) { remove(who, draftId, false); }

PublishResult EditorService::publish(const Principal& who, std::int64_t draftId, int baseVersion)
{
    const DraftRow row = draft(who, draftId);
    PublishResult r;
    if (row.version != baseVersion) {
        r.conflict = true;
        r.current = row;
        return r;
    }
    const ListingDraft d = parsedOrEmpty(row.document);
    r.problems = problemsOf(d);
    // Photos must be this user's uploads (or the listing's own photos).
    for (const DraftPhoto& p : d.photos)
        if (p.uploadId > 0 && !m_repository.findUpload(who.userId, p.uploadId)) {
            r.problems.insert(r.problems.begin(), DraftProblem{"photos", "unknown", ProblemLevel::Error, 0, 0});
            break;
        }
    const SellerAccount account = m_repository.sellerAccount(who.userId);
    if (account.phone.empty())
        r.problems.push_back(DraftProblem{"phone", "phone_required", ProblemLevel::Error, 0, 0});
    if (!publishable(r.problems)) return r;
    const CatalogCheck catalog = m_repository.checkCatalog(d);
    PublishRecord record;
    record.draft = d;
    record.title = catalog.makeName + " " + catalog.modelName;
    record.country = catalog.country;
    record.createdAt = isoTimestamp(m_now());
    // "VIN checked": it decodes, and its make and model year agree with what the seller chose.
    if (!d.vin.empty()) {
        const VinResult vin = decodeVin(d.vin, builtInWmiTable(), currentYear());
        VinTypedFacts typed;
        typed.make = catalog.makeName;
        typed.year = d.year;
        record.vinVerified = vin.decoded && vinConsistent(*vin.decoded, typed);
    }
    // A price in the other market's currency is the seller's choice; the country follows the city.
    const EditorRepository::PublishOutcome out =
        m_repository.publish(who.userId, draftId, baseVersion, record, account, m_now());
    if (out.kind == SaveOutcome::Kind::NotFound) draftNotFound();
    if (out.kind == SaveOutcome::Kind::Conflict) {
        r.conflict = true;
        r.current = out.current;
        return r;
    }
    r.listingId = out.listingId;
    r.problems.clear();
    changedForBuyers();
    return r;
}

std::vector<OwnListing> EditorService::listings(const Principal& who) { return m_repository.ownListings(who.userId); }

OwnListing EditorService::listing(const Principal& who, std::int64_t listingId)
{
    std::optional<OwnListing> l = m_repository.ownListing(who.userId, listingId);
    if (!l) listingNotFound();
    return *l;
}

OwnListing EditorService::setStatus(const Principal& who, std::int64_t listingId, SellerStatus status)
{
    if (!m_repository.setStatus(who.userId, listingId, status, m_now())) listingNotFound();
    changedForBuyers();
    return listing(who, listingId);
}

} // namespace dongelek::server::editor
