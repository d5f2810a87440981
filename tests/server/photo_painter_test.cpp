// The photo painter and media store: deterministic pictures that are not blank, one
// car per listing across its photos, JPEG files written once and reused.

#include "server/demo/canvas.hpp"
#include "server/demo/photo_painter.hpp"
#include "server/features/media/jpeg.hpp"
#include "server/features/media/media_store.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace dongelek;
using namespace dongelek::server;

namespace {
PhotoSpec spec(PhotoKind kind, Backdrop backdrop, Body body = Body::Sedan, std::int64_t listing = 7)
{
    PhotoSpec s;
    s.photo.id = 100;
    s.photo.kind = kind;
    s.photo.backdrop = backdrop;
    s.photo.seed = 1234;
    s.listingId = listing;
    s.body = body;
    s.color = "red";
    s.year = 2020;
    return s;
}

double variance(const std::vector<std::uint8_t>& px)
{
    double sum = 0, sq = 0;
    for (auto v : px) {
        sum += v;
        sq += static_cast<double>(v) * v;
    }
    const double n = static_cast<double>(px.size());
    return sq / n - (sum / n) * (sum / n);
}

// Fraction of pixels that are clearly red (the car's paint).
double redShare(const std::vector<std::uint8_t>& px)
{
    std::size_t red = 0;
    for (std::size_t i = 0; i + 2 < px.size(); i += 3)
        if (px[i] > 110 && px[i] > 2 * px[i + 1] && px[i] > 2 * px[i + 2]) ++red;
    return static_cast<double>(red) / static_cast<double>(px.size() / 3);
}
} // namespace

TEST_CASE("canvas fills are anti-aliased and exact in area", "[server][painter]")
{
    demo::Canvas cv(100, 100, demo::rgb(0, 0, 0));
    demo::Path p;
    p.rect(10.5f, 10, 30.5f, 30); // half-pixel edges on the left and right
    cv.fill(p, demo::Paint::solid(demo::rgb(255, 255, 255)));
    const auto px = cv.finish(1, 0.0f);
    const auto at = [&](int x, int y) { return static_cast<int>(px[static_cast<std::size_t>((y * 100 + x) * 3)]); };
    CHECK(at(20, 20) >= 250);
    CHECK(at(5, 5) <= 3);
    CHECK(at(10, 20) >= 120); // half covered
    CHECK(at(10, 20) <= 135);
}

TEST_CASE("every photo kind and backdrop draws a non-blank, deterministic picture", "[server][painter]")
{
    for (PhotoKind kind : {PhotoKind::Side, PhotoKind::SideMirrored, PhotoKind::Interior, PhotoKind::CloseFront,
                           PhotoKind::CloseWheel, PhotoKind::SideDusk}) {
        for (Backdrop b : {Backdrop::Showroom, Backdrop::Street, Backdrop::Steppe, Backdrop::Desert}) {
            INFO(toString(kind) << " / " << toString(b));
            const auto px = demo::paintPhoto(spec(kind, b), 160, 120);
            REQUIRE(px.size() == 160u * 120u * 3u);
            CHECK(variance(px) > 200);
            CHECK(px == demo::paintPhoto(spec(kind, b), 160, 120));
        }
    }
}

TEST_CASE("each body type draws the car in its color", "[server][painter]")
{
    for (Body body : allValues<Body>()) {
        INFO(toString(body));
        const auto px = demo::paintPhoto(spec(PhotoKind::Side, Backdrop::Showroom, body), 320, 240);
        const double share = redShare(px);
        CHECK(share > 0.05); // the car covers a good part of the frame
        CHECK(share < 0.6);
    }
    // Different listings of one model differ a little (proportions, wheels).
    CHECK(demo::paintPhoto(spec(PhotoKind::Side, Backdrop::Street, Body::Sedan, 1), 160, 120) !=
          demo::paintPhoto(spec(PhotoKind::Side, Backdrop::Street, Body::Sedan, 2), 160, 120));
}

TEST_CASE("JPEG encoding and the media store's URL scheme", "[server][media]")
{
    const auto px = demo::paintPhoto(spec(PhotoKind::Side, Backdrop::Street), 320, 240);
    const std::string jpeg = encodeJpeg(px, 320, 240);
    REQUIRE(jpeg.size() > 1000);
    CHECK(static_cast<unsigned char>(jpeg[0]) == 0xFF);
    CHECK(static_cast<unsigned char>(jpeg[1]) == 0xD8);

    CHECK(photoUrl(123, PhotoSize::Thumb) == "/media/photos/123-thumb.jpg");
    CHECK(photoUrl(123, PhotoSize::Large) == "/media/photos/123-large.jpg");
    std::int64_t id = 0;
    PhotoSize size = PhotoSize::Thumb;
    CHECK(parsePhotoFileName("123-large.jpg", id, size));
    CHECK(id == 123);
    CHECK(size == PhotoSize::Large);
    for (const char* bad : {"0123-thumb.jpg", "-thumb.jpg", "12-small.jpg", "12-thumb.png", "abc-thumb.jpg",
                            "99999999999999999999-thumb.jpg", "../1-thumb.jpg"})
        CHECK_FALSE(parsePhotoFileName(bad, id, size));
}
