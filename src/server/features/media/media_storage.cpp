#include "server/features/media/media_storage.hpp"

#include "server/features/media/media_store.hpp"

#include <filesystem>

namespace dongelek::server {

namespace fs = std::filesystem;

namespace {

// Keys are ours (random base64url and a size suffix), never a client's text; a key that
// could leave the folder is refused anyway.
bool safeKey(const std::string& key)
{
    return key.size() >= 3 && key.size() <= 80 &&
           key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos &&
           key.find("..") == std::string::npos && key[0] != '.';
}

} // namespace

LocalDiskStorage::LocalDiskStorage(std::string mediaDir) : m_root((fs::path(mediaDir) / "uploads").string()) {}

std::string LocalDiskStorage::pathOf(const std::string& key) const
{
    return (fs::path(m_root) / key.substr(0, 2) / key).string();
}

void LocalDiskStorage::put(const std::string& key, const std::string& bytes)
{
    if (!safeKey(key)) throw std::invalid_argument("bad media key");
    writeFileAtomically(pathOf(key), bytes);
}

std::optional<std::string> LocalDiskStorage::localPath(const std::string& key) const
{
    if (!safeKey(key)) return std::nullopt;
    const std::string path = pathOf(key);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return path;
}

void LocalDiskStorage::remove(const std::string& key)
{
    if (!safeKey(key)) return;
    std::error_code ec;
    fs::remove(pathOf(key), ec);
}

} // namespace dongelek::server
