// The listing feature on the client: which listing is open, its details as fetched, the photo
// shown, and the gallery's actions. Address: core/routes/listing_route.hpp.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <string>

namespace dongelek {

struct ListingState {
    std::int64_t id = 0;
    Remote<ListingDetails> details; // of `id` once it arrives; the previous listing's is dropped
    int photoIndex = 0;
};

class ListingModule final : public Module {
public:
    // "/api/v1/listings/42"
    static std::string detailsUrl(std::int64_t id);

    explicit ListingModule(AppController& app) : Module(app) {}
    const ListingState& state() const { return m_state; }

    // [SECTION] Actions
    void showPhoto(int index); // wraps around both ways

    // [SECTION] Module
    const char* id() const override { return "listing"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return m_state.details.status(); }
    const RequestError& error() const override { return m_state.details.error(); }
    std::string title(const Strings& s) const override;
    void retry() override { load(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    void load();

    ListingState m_state;
};

} // namespace dongelek
