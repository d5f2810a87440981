// Where sellers' photos are kept: a storage interface named by keys ("<random>-large.jpg"),
// so object storage can replace the local disk later without the upload code changing. The
// local disk is the default: <media>/uploads/<first two characters>/<key>, written atomically.
#pragma once

#include <optional>
#include <string>

namespace dongelek::server {

class MediaStorage {
public:
    virtual ~MediaStorage() = default;
    // Stores `bytes` under `key`, replacing what was there; readers never see half a file.
    virtual void put(const std::string& key, const std::string& bytes) = 0;
    // A local file with the key's bytes (for sendfile), or nullopt when there is none.
    virtual std::optional<std::string> localPath(const std::string& key) const = 0;
    virtual void remove(const std::string& key) = 0;
};

class LocalDiskStorage final : public MediaStorage {
public:
    explicit LocalDiskStorage(std::string mediaDir);
    void put(const std::string& key, const std::string& bytes) override;
    std::optional<std::string> localPath(const std::string& key) const override;
    void remove(const std::string& key) override;

private:
    std::string pathOf(const std::string& key) const;
    std::string m_root;
};

} // namespace dongelek::server
