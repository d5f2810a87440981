// A list flung past faster than anyone can look holds its photos back; reading speed does not.
#include "ui/scroll_speed.hpp"

#include <catch2/catch.hpp>

using dongelek::ui::ScrollSpeed;

TEST_CASE("a fling of a screen a frame is fast and reading speed is not", "[client][scroll]")
{
    ScrollSpeed fling, reading;
    for (int f = 0; f < 20; ++f) {
        fling.add(f * 16.7, static_cast<float>(f * 800));
        reading.add(f * 16.7, static_cast<float>(f * 20)); // 1.5 screens a second
    }
    CHECK(fling.fast(800));
    CHECK(fling.pxPerSecond() == Approx(800 / 0.0167).epsilon(0.01));
    CHECK_FALSE(reading.fast(800));
    CHECK(reading.pxPerSecond() == Approx(20 / 0.0167).epsilon(0.01));
}

TEST_CASE("a frame without a wheel step in a fling is still fast", "[client][scroll]")
{
    ScrollSpeed s;
    float pos = 0;
    for (int f = 0; f < 12; ++f) {
        if (f % 3 != 2) pos += 800; // every third frame gets no event
        s.add(f * 16.7, pos);
        if (f >= 6) CHECK(s.fast(800));
    }
}

TEST_CASE("a list that stops is slow again 100 ms later, and so is a jump", "[client][scroll]")
{
    ScrollSpeed s;
    for (int f = 0; f < 10; ++f) s.add(f * 16.7, static_cast<float>(f * 800));
    REQUIRE(s.fast(800));
    s.add(9 * 16.7 + 50, 9 * 800); // drawn again where it stopped, 50 ms later
    CHECK(s.fast(800));
    s.add(9 * 16.7 + 101, 9 * 800); // the frame asked for 100 ms on
    CHECK_FALSE(s.fast(800));

    ScrollSpeed jump;
    for (int f = 0; f < 10; ++f) jump.add(f * 16.7, 0);
    jump.add(10 * 16.7, 90'000); // End
    CHECK(jump.fast(800));
    jump.add(10 * 16.7 + 101, 90'000);
    CHECK_FALSE(jump.fast(800));
}

TEST_CASE("speed is measured over the last 100 ms and a long pause is slow", "[client][scroll]")
{
    ScrollSpeed s;
    s.add(0, 0);
    CHECK(s.pxPerSecond() == 0);
    s.add(2000, 3000); // one step after two idle seconds: 1,500 px/s
    CHECK(s.pxPerSecond() == Approx(1500));
    CHECK_FALSE(s.fast(800));
    // Slowing down: the last 100 ms count, not the fast start.
    ScrollSpeed slowing;
    float pos = 0;
    for (int f = 0; f < 16; ++f) {
        pos += f < 8 ? 800.0f : 10.0f;
        slowing.add(f * 16.7, pos);
    }
    CHECK_FALSE(slowing.fast(800));
}
