// The listing feature on the client: which listing is open, its details as fetched, the photo
// shown and whether the full-screen viewer is open, and the page's extras: the price insight,
// similar cars, the seller's other listings, the phone behind "Show phone" (a counted, rate-
// limited POST) and the report dialog. Address: core/routes/listing_route.hpp.
#pragma once

#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

enum class ContactChannel { Phone, WhatsApp, Telegram };
std::string_view toString(ContactChannel c);

enum class ReportReason { Spam, Fraud, WrongPrice, WrongDetails, Sold, Duplicate, Other };
std::string_view toString(ReportReason r);
inline constexpr ReportReason kReportReasons[] = {ReportReason::Spam,         ReportReason::Fraud,
                                                  ReportReason::WrongPrice,   ReportReason::WrongDetails,
                                                  ReportReason::Sold,         ReportReason::Duplicate,
                                                  ReportReason::Other};
inline constexpr std::size_t kReportCommentMax = 1000; // code points, as the server counts

// "Show phone": nothing asked yet, asked, the number (and links) shown, or refused.
struct ContactState {
    Remote<ContactReveal> reveal;
    ContactChannel channel = ContactChannel::Phone; // the button that asked
    double askedAtMs = 0;                           // when it was pressed
    double retryAtMs = 0;                           // a 429: no new ask before this time
};

// The report dialog: open or not, then sent, then answered.
struct ReportState {
    bool open = false;
    Remote<StatusReply> sent;
    int httpStatus = 0;    // 201 received, 200 already reported
    std::uint64_t visit = 0; // bumps each time the dialog opens afresh (the screen clears its fields)
};

struct ListingState {
    std::int64_t id = 0;
    Remote<ListingDetails> details; // of `id` once it arrives; the previous listing's is dropped
    int photoIndex = 0;
    bool viewerOpen = false; // the full-screen photo viewer
    // The extras, each asked once the details arrived (the seller's id comes with them).
    Remote<PriceInsight> insight;
    Remote<ListingPage> similar;
    Remote<ListingPage> sellerListings; // the seller's other listings, this one excepted
    ContactState contact;
    ReportState report;
    // The currency the buyer reads prices in: a pick on this page, else the browse filter's.
    std::optional<Currency> chosenCurrency;
    // The seller's editor shows the page before it is published (showPreview): nothing is
    // fetched, counted or reported, and "Show phone" shows the seller's own number.
    bool preview = false;
};

class ListingModule final : public Module {
public:
    // "/api/v1/listings/42"
    static std::string detailsUrl(std::int64_t id);
    static std::string insightUrl(std::int64_t id);                    // .../42/insight
    static std::string similarUrl(std::int64_t id);                    // .../42/similar
    static std::string sellerListingsUrl(std::int64_t sellerId, std::int64_t except); // /api/v1/sellers/7/listings?except=42&page_size=6
    static std::string contactUrl(std::int64_t id);                    // POST .../42/contact
    static std::string reportsUrl(std::int64_t id);                    // POST .../42/reports
    static constexpr int kSellerStrip = 6;

    explicit ListingModule(AppController& app) : Module(app) {}
    const ListingState& state() const { return m_state; }

    // [SECTION] Actions
    void showPhoto(int index); // wraps around both ways
    void openViewer(int index);
    void closeViewer();
    // POST contact with the channel the button names; not again while a 429's wait lasts, nor
    // once the number is shown.
    void revealContact(ContactChannel channel);
    void openReport();
    void closeReport();
    void submitReport(ReportReason reason, const std::string& comment);
    void setCurrency(Currency c);
    // The buyer's currency: the pick on this page, else the browse filter's, else tenge.
    Currency buyerCurrency() const;
    // Whole seconds left of a 429 on "Show phone" at `nowMs` (0 when none).
    int contactWaitSeconds(double nowMs) const;

    // [SECTION] Preview
    // Shows `details` as buyers will see them once published, asking the server nothing (an
    // instance of its own, owned by the editor, not the one the app routes to). Calling it
    // again with the same id keeps the photo shown.
    void showPreview(ListingDetails details);

    // [SECTION] Module
    const char* id() const override { return "listing"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return m_state.details.status(); }
    const RequestError& error() const override { return m_state.details.error(); }
    std::string title(const Strings& s) const override;
    void retry() override;
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void countView(std::int64_t id);
    void sendView();
    bool m_countView = false;     // the page was opened: count the view when its details are shown
    std::int64_t m_viewToSend = 0; // waits for the start-up refresh to say who is looking
    void load();
    void loadExtras();

    ListingState m_state;
};

} // namespace dongelek
