// Account texts (see account_text.hpp).

#include "client/features/account/account_text.hpp"

#include "core/text_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace dongelek::account {

namespace {
bool number(std::string_view s, std::size_t at, std::size_t len, int& out)
{
    if (at + len > s.size()) return false;
    const auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
    return ec == std::errc() && p == s.data() + at + len;
}
} // namespace

std::optional<double> parseIsoSeconds(std::string_view iso)
{
    int y, mo, d, h, mi, sec;
    if (iso.size() < 19 || iso[4] != '-' || iso[7] != '-' || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':' ||
        iso[16] != ':')
        return std::nullopt;
    if (!number(iso, 0, 4, y) || !number(iso, 5, 2, mo) || !number(iso, 8, 2, d) || !number(iso, 11, 2, h) ||
        !number(iso, 14, 2, mi) || !number(iso, 17, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    std::size_t i = 19;
    double frac = 0;
    if (i < iso.size() && iso[i] == '.') {
        double scale = 0.1;
        for (++i; i < iso.size() && iso[i] >= '0' && iso[i] <= '9'; ++i, scale /= 10)
            frac += (iso[i] - '0') * scale;
    }
    const std::string_view zone = iso.substr(i);
    if (!(zone.empty() || zone == "Z" || zone == "+00:00")) return std::nullopt;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return static_cast<double>(days * 86400 + h * 3600 + mi * 60 + sec) + frac;
}

std::string formatAgo(const Strings& s, double nowEpochS, std::string_view iso)
{
    const auto at = parseIsoSeconds(iso);
    if (!at) return {};
    const double ago = std::max(0.0, nowEpochS - *at);
    if (ago < 60) return s.get("account.ago.now");
    const auto n = [](double v) { return static_cast<std::int64_t>(std::floor(v)); };
    if (ago < 3600) return formatCount(s, "account.ago.minutes", n(ago / 60));
    if (ago < 86400) return formatCount(s, "account.ago.hours", n(ago / 3600));
    if (ago < 30 * 86400) return formatCount(s, "account.ago.days", n(ago / 86400));
    return formatDate(s, iso);
}

std::string formatPhone(std::string_view p)
{
    const auto digits = [](std::string_view v) {
        for (char c : v)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (p.size() == 12 && p.substr(0, 2) == "+7" && digits(p.substr(1)))
        return "+7 " + std::string(p.substr(2, 3)) + " " + std::string(p.substr(5, 3)) + " " +
               std::string(p.substr(8, 2)) + " " + std::string(p.substr(10, 2));
    if (p.size() == 12 && p.substr(0, 4) == "+973" && digits(p.substr(1)))
        return "+973 " + std::string(p.substr(4, 4)) + " " + std::string(p.substr(8, 4));
    return std::string(p);
}

std::string groupSecret(std::string_view secret)
{
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += secret[i];
    }
    return out;
}

} // namespace dongelek::account
