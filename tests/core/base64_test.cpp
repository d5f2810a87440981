// Photos waiting for their upload are kept on the device as base64 text: every byte survives.
#include "core/base64.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("base64 round-trips every byte and matches RFC 4648's examples", "[core][base64]")
{
    CHECK(base64Encode("") == "");
    CHECK(base64Encode("f") == "Zg==");
    CHECK(base64Encode("fo") == "Zm8=");
    CHECK(base64Encode("foo") == "Zm9v");
    CHECK(base64Encode("foobar") == "Zm9vYmFy");
    std::string all;
    for (int i = 0; i < 256; ++i)
        all += static_cast<char>(i);
    for (std::size_t n = 0; n <= all.size(); n += 37) {
        const std::string part = all.substr(0, n);
        const std::optional<std::string> back = base64Decode(base64Encode(part));
        REQUIRE(back);
        CHECK(*back == part);
    }
}

TEST_CASE("text that is not base64 is refused", "[core][base64]")
{
    CHECK_FALSE(base64Decode("Zg="));   // bad length
    CHECK_FALSE(base64Decode("Z!==")); // a character outside the alphabet
    CHECK_FALSE(base64Decode("Z=g=")); // padding in the middle
    CHECK(base64Decode("Zg==").value() == "f");
}
