// The shell with a feature it has never heard of: a module written here, in the test, gets
// its address, history entries, title, Back, Retry and test-hook fields from AppController
// without any change to the shell. This is the promise docs/architecture.md makes to features.
#include "client_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {

// "/garage/<name>": a made-up feature whose data is one listing, fetched by id 1.
class GarageModule final : public Module {
public:
    explicit GarageModule(AppController& app) : Module(app) {}
    std::string name;
    int entered = 0, retried = 0, background = 0;
    Remote<ListingDetails> car;

    const char* id() const override { return "garage"; }
    bool claims(const AppUrl& url) const override { return url.path.rfind("/garage/", 0) == 0 && url.path.size() > 8; }
    void enter(const AppUrl& url, Entry) override
    {
        ++entered;
        name = url.path.substr(8);
        load();
    }
    std::string url() const override { return "/garage/" + name; }
    Status status() const override { return car.status(); }
    const RequestError& error() const override { return car.error(); }
    std::string title(const Strings&) const override { return "Garage " + name; }
    void retry() override
    {
        ++retried;
        load();
    }
    void retryBackground() override { ++background; }
    void describe(nlohmann::json& state, bool current) const override { state["garage"] = current ? name : ""; }

private:
    void load()
    {
        const auto gen = car.begin();
        app().api().get<ListingDetails>("/api/v1/listings/1",
                                        [this, gen](ApiResult<ListingDetails> r) { car.settle(gen, std::move(r)); });
    }
};

struct GarageHarness : ClientHarness {
    GarageModule& garage = app.add<GarageModule>();
};

} // namespace

TEST_CASE("a new feature is reachable by its address with no change to the shell", "[client][shell]")
{
    GarageHarness h;
    h.start("/garage/ali?lang=ru");
    CHECK(h.screen() == "garage");
    CHECK(h.garage.name == "ali");
    CHECK(h.history.current() == "/garage/ali?lang=ru");
    CHECK(h.history.title() == "Garage ali");
    CHECK(h.app.current().status() == Status::Loading);
    CHECK(h.app.busy());
    h.reply(h.http.last("/api/v1/listings/1"), 200, detailsJson(1));
    h.answerCatalog();
    CHECK(h.app.current().status() == Status::Ready);
    CHECK_FALSE(h.app.busy());

    nlohmann::json hook = nlohmann::json::object();
    for (const auto& m : h.app.modules())
        m->describe(hook, m.get() == &h.app.current());
    CHECK(hook.at("garage") == "ali");
    CHECK(hook.at("listingId") == 0); // the other features still report, as not on screen
}

TEST_CASE("a new feature gets history entries, Back and Retry from the shell", "[client][shell]")
{
    GarageHarness h;
    h.start("/");
    CHECK(h.app.navigate("/garage/bek"));
    CHECK(h.history.entries() == std::vector<std::string>{"/", "/garage/bek"});
    CHECK(h.garage.entered == 1);

    h.fail(h.http.last("/api/v1/listings/1"));
    CHECK(h.app.current().status() == Status::Error);
    h.app.retry();
    CHECK(h.garage.retried == 1);
    CHECK(h.garage.background == 1); // every module hears Retry for its shared data

    h.app.back();
    CHECK(h.history.log().back() == "back");
    h.deliverPop();
    CHECK(h.screen() == "browse");
    h.browserForward();
    CHECK(h.screen() == "garage");
    CHECK(h.garage.entered == 2);

    CHECK_FALSE(h.app.navigate("/garage/")); // nobody claims it: nothing happens
    CHECK(h.history.entries().size() == 2);
}
