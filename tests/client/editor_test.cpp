// The seller's editor on the client against a fake server: a new draft gets its own address,
// every change is on the device at once and on the server after a pause, a reopened draft takes
// the device's unsent changes, a second tab's save is merged field by field (and a collision
// is named), the VIN pre-fills the make, photos upload with progress, retry after a network
// failure and resume from the device after a reload, and publishing opens the listing.

#include "account_harness.hpp"

#include "client/features/editor/editor_module.hpp"
#include "core/base64.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace dongelek;
using namespace dongelek::test;
using nlohmann::json;

namespace {

struct EditorHarness : AccountHarness {
    std::map<std::string, std::string> stored;
    std::vector<std::function<void(PickedPhoto)>> pickers;
    EditorModule& editor = app.add<EditorModule>([this](int, std::function<void(PickedPhoto)> onUpdate) {
        pickers.push_back(std::move(onUpdate));
    });

    EditorHarness()
    {
        app.setDeviceStore(DeviceStore{
            [this](const std::string& key, std::function<void(std::string)> done) {
                const std::string value = stored.count(key) ? stored[key] : std::string();
                queue.post([done = std::move(done), value] { done(value); });
            },
            [this](const std::string& key, const std::string& value) {
                if (value.empty()) stored.erase(key);
                else stored[key] = value;
            }});
    }
    const EditorState& st() const { return editor.state(); }
    void catalog()
    {
        MakeInfo kia{3, "Kia", 10, {{31, "Sportage", 4}, {32, "Rio", 6}}};
        MakeInfo toyota{5, "Toyota", 10, {{51, "Camry", 4}}};
        replyLast("/api/v1/makes", 200, json(std::vector<MakeInfo>{kia, toyota}).dump());
        replyLast("/api/v1/cities", 200, json(std::vector<City>{{1, "Almaty", Country::KZ, 3}}).dump());
    }
};

json draftJson(std::int64_t id, int version, const json& document)
{
    return {{"id", id}, {"listing_id", 0}, {"version", version}, {"document", document}, {"problems", json::array()},
            {"created_at", "2026-12-01T10:00:00Z"}, {"updated_at", "2026-12-01T10:00:00Z"}};
}

} // namespace

TEST_CASE("editor: a new draft gets its own address and every change reaches the device at once and the server after a pause",
          "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/new");
    h.catalog();
    REQUIRE(h.http.pending("/api/v1/me/drafts") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/me/drafts")).method == "POST");
    h.replyLast("/api/v1/me/drafts", 201, draftJson(41, 1, {{"currency", "KZT"}}).dump());
    CHECK(h.history.current() == "/sell/41");
    CHECK(h.st().sync == SyncState::Saved);

    h.editor.edit([](ListingDraft& d) { d.year = 2019; });
    // On the device at once, before any request.
    REQUIRE(h.stored.count(EditorModule::storeKey(41)));
    CHECK(json::parse(h.stored[EditorModule::storeKey(41)]).at("document").at("year") == 2019);
    CHECK(h.http.count("/api/v1/me/drafts/41") == 0);
    CHECK(h.st().sync == SyncState::Pending);
    // Typing on: still one save, after the pause.
    h.frame(400);
    h.editor.edit([](ListingDraft& d) { d.mileageKm = 54000; });
    h.frame(400);
    CHECK(h.http.count("/api/v1/me/drafts/41") == 0);
    h.frame(500);
    REQUIRE(h.http.count("/api/v1/me/drafts/41") == 1);
    const auto& put = h.http.request(h.http.last("/api/v1/me/drafts/41"));
    CHECK(put.method == "PUT");
    const json body = json::parse(put.body);
    CHECK(body.at("base_version") == 1);
    CHECK(body.at("document").at("mileage_km") == 54000);
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 2, body.at("document")).dump());
    CHECK(h.st().sync == SyncState::Saved);
    CHECK(json::parse(h.stored[EditorModule::storeKey(41)]).at("version") == 2);
}

TEST_CASE("editor: offline, the change stays on the device and goes up when the server answers again", "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 3, {{"year", 2018}}).dump());
    h.editor.edit([](ListingDraft& d) { d.year = 2020; });
    h.frame(900);
    h.http.answer(h.http.last("/api/v1/me/drafts/41"), 0, "", "network down");
    h.frame();
    CHECK(h.st().sync == SyncState::Offline);
    CHECK(json::parse(h.stored[EditorModule::storeKey(41)]).at("document").at("year") == 2020);
    // Tried again a few seconds later, from the same version.
    h.frame(EditorModule::kOfflineRetryMs + 100);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41") == 1);
    CHECK(json::parse(h.http.request(h.http.last("/api/v1/me/drafts/41")).body).at("base_version") == 3);
}

TEST_CASE("editor: a reopened draft takes the device's changes the server never got", "[editor]")
{
    EditorHarness h;
    h.stored[EditorModule::storeKey(41)] =
        json{{"draft_id", 41}, {"version", 3}, {"base", {{"year", 2018}}}, {"document", {{"year", 2018}, {"mileage_km", 77000}}}}
            .dump();
    h.startSignedIn("/sell/41?step=condition");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 3, {{"year", 2018}}).dump());
    CHECK(h.st().restored);
    CHECK(h.st().step == DraftStep::Condition);
    CHECK(h.st().draft.mileageKm == 77000);
    h.frame(1000);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41") == 1); // and it goes up at once
}

TEST_CASE("editor: another tab's save is merged field by field, and a field both changed is named", "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 1, {{"year", 2018}, {"currency", "KZT"}}).dump());

    // This tab changes the mileage; the other tab had changed the year meanwhile.
    h.editor.edit([](ListingDraft& d) { d.mileageKm = 60000; });
    h.frame(900);
    json theirs = {{"year", 2019}, {"currency", "KZT"}};
    h.replyLast("/api/v1/me/drafts/41", 409,
                json{{"error", {{"code", "version_conflict"}}}, {"draft", draftJson(41, 2, theirs)}}.dump());
    CHECK(h.st().merged);
    CHECK(h.st().conflicts.empty());
    CHECK(h.st().draft.year == 2019);
    CHECK(h.st().draft.mileageKm == 60000);
    h.frame(10);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41") == 1);
    json sent = json::parse(h.http.request(h.http.last("/api/v1/me/drafts/41")).body);
    CHECK(sent.at("base_version") == 2);
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 3, sent.at("document")).dump());

    // Both change the price: the seller is asked, nothing is sent until they pick.
    h.editor.edit([](ListingDraft& d) { d.priceMinor = 900'000'000; });
    h.frame(900);
    theirs = sent.at("document");
    theirs["price_minor"] = 800'000'000;
    h.replyLast("/api/v1/me/drafts/41", 409,
                json{{"error", {{"code", "version_conflict"}}}, {"draft", draftJson(41, 4, theirs)}}.dump());
    CHECK(h.st().sync == SyncState::Conflict);
    CHECK(h.st().conflicts == std::vector<std::string>{"price_minor"});
    h.frame(5000);
    CHECK(h.http.pending("/api/v1/me/drafts/41") == 0);
    h.editor.takeTheirs();
    CHECK(h.st().draft.priceMinor == 800'000'000);
    h.frame(10);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41") == 1);
    CHECK(json::parse(h.http.request(h.http.last("/api/v1/me/drafts/41")).body).at("base_version") == 4);
}

TEST_CASE("editor: the VIN fills in the make and shows a contradiction with what was chosen", "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 1, json::object()).dump());
    h.editor.setVin("KNAPC81ABCD123456"); // Kia (KNA), check digit aside
    REQUIRE(h.st().vin);
    CHECK(h.st().draft.makeId == 3);
    h.editor.edit([](ListingDraft& d) { d.makeId = 5; }); // the seller picks Toyota anyway
    REQUIRE_FALSE(h.st().vinContradictions.empty());
    CHECK(h.st().vinContradictions.front().code == VinContradictionCode::Make);
    h.editor.applyVin();
    CHECK(h.st().draft.makeId == 3);
    CHECK(h.st().vinContradictions.empty());
    h.editor.setVin("WVWZZZ1JZOW000001"); // an O: not a VIN
    CHECK_FALSE(h.st().vin);
    REQUIRE_FALSE(h.st().vinProblems.empty());
    CHECK(h.st().vinProblems.front().code == VinProblemCode::ForbiddenLetter);
}

TEST_CASE("editor: photos upload with progress, are retried after a network failure and resume after a reload",
          "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41?step=photos");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 1, json::object()).dump());
    h.editor.pickPhotos();
    REQUIRE(h.pickers.size() == 1);
    PickedPhoto picked;
    picked.kind = PickedPhoto::Kind::Picked;
    picked.count = 2;
    h.pickers[0](picked);
    CHECK(h.st().preparing == 2);
    for (int i = 0; i < 2; ++i) {
        PickedPhoto p;
        p.kind = PickedPhoto::Kind::Photo;
        p.index = i;
        p.name = "IMG_00" + std::to_string(i) + ".jpg";
        p.jpeg = std::string("\xFF\xD8 jpeg bytes ", 14) + std::to_string(i);
        p.width = 1600;
        p.height = 1200;
        p.blurry = i == 1;
        h.pickers[0](p);
    }
    CHECK(h.st().preparing == 0);
    REQUIRE(h.st().draft.photos.size() == 2);
    const std::string first = h.st().draft.photos[0].key, second = h.st().draft.photos[1].key;
    // Kept on the device before anything is sent.
    REQUIRE(h.stored.count(PhotoQueue::storeKey(first)));
    CHECK(base64Decode(h.stored[PhotoQueue::storeKey(first)]).value().find("jpeg bytes 0") != std::string::npos);
    REQUIRE(h.http.pending("/api/v1/me/uploads/") == 2);
    const std::size_t up0 = h.http.last("/api/v1/me/uploads/" + first);
    CHECK(h.http.request(up0).method == "PUT");
    CHECK(h.http.request(up0).header("Content-Type") == "image/jpeg");
    h.http.progress(up0, 50, 200);
    h.frame();
    CHECK(h.editor.photos().find(first)->progress == Approx(0.25));
    h.reply(up0, 201, json{{"id", 901}, {"key", first}, {"width", 1600}, {"height", 1200},
                           {"thumb_url", "/media/uploads/a-thumb.jpg"}}.dump());
    CHECK(h.st().draft.photos[0].uploadId == 901);
    CHECK_FALSE(h.stored.count(PhotoQueue::storeKey(first))); // no longer needed on the device
    // The second one's connection drops: tried again by itself after a pause.
    h.http.answer(h.http.last("/api/v1/me/uploads/" + second), 0, "", "connection reset");
    h.frame();
    CHECK(h.editor.photos().find(second)->phase == QueuedPhoto::Phase::Waiting);
    CHECK(h.editor.photos().find(second)->blurry);
    h.frame(2500);
    REQUIRE(h.http.pending("/api/v1/me/uploads/" + second) == 1);

    // The tab closes now. Reopened, the draft (saved with the photo still uploading) resumes it
    // from the device.
    h.frame(1000);
    const std::string device = h.stored[EditorModule::storeKey(41)];
    const std::string photoBytes = h.stored[PhotoQueue::storeKey(second)];
    REQUIRE_FALSE(photoBytes.empty());
    EditorHarness again;
    again.stored[EditorModule::storeKey(41)] = device;
    again.stored[PhotoQueue::storeKey(second)] = photoBytes;
    again.startSignedIn("/sell/41?step=photos");
    again.catalog();
    again.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 1, json::object()).dump());
    REQUIRE(again.st().draft.photos.size() == 2);
    again.frame();
    REQUIRE(again.http.pending("/api/v1/me/uploads/" + second) == 1);
    CHECK(again.http.pending("/api/v1/me/uploads/" + first) == 0); // already uploaded
    // A refusal is final and named.
    again.replyLast("/api/v1/me/uploads/" + second, 422, json{{"error", {{"code", "too_small"}}}}.dump());
    CHECK(again.editor.photos().find(second)->phase == QueuedPhoto::Phase::Failed);
    CHECK(again.editor.photos().find(second)->error == "too_small");
}

TEST_CASE("editor: photos are ordered, the cover chosen, and publishing saves first, then opens the listing",
          "[editor]")
{
    EditorHarness h;
    json doc = {{"make_id", 3},          {"model_id", 31},        {"year", 2020},      {"body", "crossover"},
                {"fuel", "petrol"},      {"transmission", "automatic"}, {"drive", "awd"}, {"engine_litres", 2.0},
                {"power_hp", 150},       {"color", "white"},      {"condition", "used"}, {"mileage_km", 40000},
                {"price_minor", 1'200'000'000}, {"currency", "KZT"}, {"city_id", 1},     {"description", "ok"},
                {"photos", json::array({json{{"key", "a"}, {"upload_id", 1}}, json{{"key", "b"}, {"upload_id", 2}},
                                        json{{"key", "c"}, {"upload_id", 3}}})}};
    h.startSignedIn("/sell/41?step=preview");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 5, doc).dump());
    CHECK(publishable(h.st().problems));
    h.editor.makeCover("c");
    h.editor.movePhoto("a", +1);
    std::vector<std::string> order;
    for (const DraftPhoto& p : h.st().draft.photos)
        order.push_back(p.key);
    CHECK(order == std::vector<std::string>{"c", "b", "a"});
    h.editor.publish();
    // The change goes up first, then the publish names the version it made.
    REQUIRE(h.http.pending("/api/v1/me/drafts/41") == 1);
    const json sent = json::parse(h.http.request(h.http.last("/api/v1/me/drafts/41")).body);
    CHECK(sent.at("document").at("photos")[0].at("key") == "c");
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 6, sent.at("document")).dump());
    REQUIRE(h.http.pending("/api/v1/me/drafts/41/publish") == 1);
    CHECK(json::parse(h.http.request(h.http.last("/api/v1/me/drafts/41/publish")).body).at("base_version") == 6);
    h.replyLast("/api/v1/me/drafts/41/publish", 201, json{{"listing_id", 777}, {"url", "/listing/777"}}.dump());
    CHECK(h.history.current() == "/listing/777");
    CHECK_FALSE(h.stored.count(EditorModule::storeKey(41)));
}

TEST_CASE("editor: the server's refusal to publish lists every problem", "[editor]")
{
    EditorHarness h;
    json doc = {{"make_id", 3},          {"model_id", 31},        {"year", 2020},      {"body", "crossover"},
                {"fuel", "petrol"},      {"transmission", "automatic"}, {"drive", "awd"}, {"engine_litres", 2.0},
                {"power_hp", 150},       {"color", "white"},      {"condition", "used"}, {"mileage_km", 40000},
                {"price_minor", 1'200'000'000}, {"currency", "KZT"}, {"city_id", 1},
                {"photos", json::array({json{{"key", "a"}, {"upload_id", 1}}, json{{"key", "b"}, {"upload_id", 2}},
                                        json{{"key", "c"}, {"upload_id", 3}}})}};
    h.startSignedIn("/sell/41?step=preview");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 5, doc).dump());
    h.editor.publish();
    h.replyLast("/api/v1/me/drafts/41/publish", 422,
                json{{"error", {{"code", "draft_invalid"}, {"field", "phone"}}},
                     {"problems", json::array({json{{"field", "phone"}, {"code", "phone_required"}, {"level", "error"}}})}}
                    .dump());
    CHECK_FALSE(h.st().publishing);
    REQUIRE(h.editor.problemOf("phone"));
    CHECK(h.editor.problemOf("phone")->code == "phone_required");
    CHECK(h.history.current() == "/sell/41?step=preview");
}

TEST_CASE("editor: a reopened draft shows its uploaded photos from the server's addresses", "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41?step=photos");
    h.catalog();
    json d = draftJson(41, 2, {{"photos", {{{"key", "a1"}, {"upload_id", 9}, {"width", 1280}, {"height", 960}}}}});
    d["media"] = {{"a1", {{"thumb_url", "/media/uploads/k9-thumb.jpg"}, {"large_url", "/media/uploads/k9-large.jpg"}}}};
    h.replyLast("/api/v1/me/drafts/41", 200, d.dump());
    REQUIRE(h.st().draft.photos.size() == 1);
    CHECK(h.editor.photoUrl(h.st().draft.photos[0], false) == "/media/uploads/k9-thumb.jpg");
    CHECK(h.editor.photoUrl(h.st().draft.photos[0], true) == "/media/uploads/k9-large.jpg");
    // A published listing's photo has its own address; one only on the device has none yet.
    CHECK(h.editor.photoUrl(DraftPhoto{"p", 0, 0, 0, 55}, true) == "/media/photos/55-large.jpg");
    CHECK(h.editor.photoUrl(DraftPhoto{"q", 0, 0, 0, 0}, false).empty());
}

TEST_CASE("editor: the preview is the listing page built from the draft, and it asks the server nothing", "[editor]")
{
    EditorHarness h;
    h.startSignedIn("/sell/41?step=preview");
    h.catalog();
    json d = draftJson(41, 2,
                       {{"make_id", 5}, {"model_id", 51}, {"year", 2019}, {"price_minor", 1250000000}, {"currency", "KZT"},
                        {"city_id", 1}, {"mileage_km", 64000}, {"description", "One owner."}, {"power_hp", 181},
                        {"photos",
                         {{{"key", "a1"}, {"upload_id", 9}, {"width", 1280}, {"height", 960}},
                          {{"key", "a2"}, {"upload_id", 0}, {"width", 1280}, {"height", 960}}}}});
    d["media"] = {{"a1", {{"thumb_url", "/media/uploads/k9-thumb.jpg"}, {"large_url", "/media/uploads/k9-large.jpg"}}}};
    h.replyLast("/api/v1/me/drafts/41", 200, d.dump());
    const std::size_t before = h.http.size();

    const ListingState& page = h.editor.preview().state();
    REQUIRE(page.preview);
    REQUIRE(page.details.has());
    const ListingDetails& l = page.details.value();
    CHECK(l.summary.title == "Toyota Camry");
    CHECK(l.summary.year == 2019);
    CHECK(l.summary.price.amountMinor == 1250000000);
    CHECK(l.summary.city == "Almaty");
    CHECK(l.summary.mileageKm == 64000);
    CHECK(l.powerHp == 181);
    CHECK(l.description == "One owner.");
    CHECK(l.seller.name == "Aigerim"); // the account, as buyers will see the seller
    // Only what is on the server: the photo still on the device is left out.
    REQUIRE(l.photos.size() == 1);
    CHECK(l.photos[0].largeUrl == "/media/uploads/k9-large.jpg");

    // An edit shows in the preview at once.
    h.editor.edit([](ListingDraft& x) { x.priceMinor = 1190000000; });
    CHECK(h.editor.preview().state().details.value().summary.price.amountMinor == 1190000000);
    // "Show phone" shows the seller's own number without a request; no report, no view counted.
    h.editor.preview().revealContact(ContactChannel::Phone);
    CHECK(h.editor.preview().state().contact.reveal.status() == Status::Ready);
    h.editor.preview().openReport();
    CHECK_FALSE(h.editor.preview().state().report.open);
    h.frame(100);
    for (std::size_t i = before; i < h.http.size(); ++i) CHECK(h.http.url(i).rfind("/api/v1/listings", 0) != 0);
}

TEST_CASE("editor: a 360-degree spin uploads to the draft, which keeps its frame count", "[editor]")
{
    EditorHarness h;
    h.app.setSpinPreparer([](spin::PrepSink sink) {
        spin::PrepUpdate planned;
        planned.kind = spin::PrepUpdate::Kind::Planned;
        planned.total = 24;
        planned.flags.assign(24, spin::FrameFlags{});
        sink(planned);
        for (int i = 0; i < 24; ++i) {
            spin::PrepUpdate f;
            f.kind = spin::PrepUpdate::Kind::Frame;
            f.index = i;
            f.full = "full" + std::to_string(i);
            f.medium = "medium" + std::to_string(i);
            sink(f);
        }
        spin::PrepUpdate done;
        done.kind = spin::PrepUpdate::Kind::Finished;
        done.atlas = "atlas";
        sink(done);
    });
    h.startSignedIn("/sell/41?step=view360");
    h.catalog();
    h.replyLast("/api/v1/me/drafts/41", 200, draftJson(41, 2, {{"year", 2019}}).dump());
    h.editor.startSpin();
    // Every file goes to the draft's spin, not to a listing's.
    int sent = 0;
    for (int guard = 0; guard < 200 && h.http.pending("/api/v1/me/drafts/41/spin/files/") > 0; ++guard)
        for (std::size_t i = 0; i < h.http.size(); ++i)
            if (!h.http.request(i).answered && h.http.url(i).rfind("/api/v1/me/drafts/41/spin/files/", 0) == 0) {
                CHECK(h.http.request(i).method == "PUT");
                h.http.answer(i, 200, R"({"name":"f","width":1280,"height":800})");
                h.frame();
                ++sent;
                break;
            }
    CHECK(sent == 2 * 24 + 1);
    CHECK(h.http.count("/api/v1/listings/") == 0);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41/spin") == 1);
    const auto& commit = h.http.request(h.http.last("/api/v1/me/drafts/41/spin"));
    CHECK(commit.method == "POST");
    CHECK(json::parse(commit.body).at("frames") == 24);
    CHECK_FALSE(h.st().draft.spinFrames);
    h.replyLast("/api/v1/me/drafts/41/spin", 200, R"({"frames":24})");
    CHECK(h.editor.spin().state().phase == SpinUploader::Phase::Done);
    CHECK(h.st().draft.spinFrames == 24);
    // Kept like any other field: on the device at once.
    CHECK(json::parse(h.stored[EditorModule::storeKey(41)]).at("document").at("spin_frames") == 24);

    h.editor.removeSpin();
    CHECK_FALSE(h.st().draft.spinFrames);
    REQUIRE(h.http.pending("/api/v1/me/drafts/41/spin") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/me/drafts/41/spin")).method == "DELETE");
}
