// The repository's tariff files (tariffs/*.json) as text, for the cost and insurance tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

inline std::string readTariffFile(const std::string& name)
{
    std::ifstream in(std::string(DONGELEK_SOURCE_DIR) + "/tariffs/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
