// Test helper: inflates a gzip body so tests can check what a client would decode.
// Shared by the HTTP helper unit tests and the API tests.
#pragma once

#include <zlib.h>

#include <string>

namespace dongelek::test {

// The decompressed body, or "(corrupt gzip)" when `in` is not one complete gzip member.
inline std::string gunzip(const std::string& in)
{
    z_stream zs{};
    inflateInit2(&zs, 15 + 16); // 16: expect a gzip header
    std::string out;
    char buf[16384];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : "(corrupt gzip)";
}

} // namespace dongelek::test
