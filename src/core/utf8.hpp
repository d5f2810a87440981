// UTF-8 validation and code-point counting, used to validate client text and to
// clamp text fields without cutting a letter in half.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dongelek::utf8 {

bool isValid(std::string_view s);
// Number of code points; only meaningful for valid UTF-8.
std::size_t length(std::string_view s);
// The longest prefix of at most maxCodePoints code points (never splits a sequence).
std::string_view truncate(std::string_view s, std::size_t maxCodePoints);

} // namespace dongelek::utf8
