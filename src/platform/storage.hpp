// Platform: larger values the app keeps on the device between visits (an anonymous user's
// favorites and comparison), read and written without blocking a frame.
// Implements: loadStored, saveStored.
// storage_web.cpp (IndexedDB database "dongelek", object store "kv"; asynchronous) |
// storage_native.cpp (one file per key under the preferences folder, $XDG_CONFIG_HOME/dongelek/storage/).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

// Reads the value stored under `key` ("favorites") and hands it to `done` later: "" when there
// is none or storage is unavailable (blocked IndexedDB, a read-only home). `done` runs between
// frames on the web and on the calling thread natively (after the read); callers hand it to the
// main-thread queue.
void loadStored(const std::string& key, std::function<void(std::string value)> done);
// Stores `value` under `key` (an empty value removes it). Fire and forget; a later save wins.
void saveStored(const std::string& key, const std::string& value);

} // namespace dongelek::platform
