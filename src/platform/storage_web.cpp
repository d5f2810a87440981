// storage.hpp on the web: IndexedDB (database "dongelek", object store "kv", one string per key).
// Every call is asynchronous; results come back between frames through dongelek_storage_loaded.
// Where IndexedDB is missing or refused (blocked storage), loads answer "" and saves do nothing.

#include "platform/storage.hpp"

#include <emscripten.h>

#include <map>

namespace dongelek::platform {

namespace {

// The database (opened once, on first use): Module.dongelekDb, a promise of it; a rejected
// promise where IndexedDB is missing or refused (private windows), so callers answer "none".
EM_JS(void, js_storage_open, (), {
    if (Module.dongelekDb) return;
    try {
        Module.dongelekDb = new Promise(function(resolve, reject) {
            var req = indexedDB.open('dongelek', 1);
            req.onupgradeneeded = function() { req.result.createObjectStore('kv'); };
            req.onsuccess = function() { resolve(req.result); };
            req.onerror = function() { reject(req.error); };
        });
    } catch (e) {
        Module.dongelekDb = Promise.reject(e);
        Module.dongelekDb.catch(function() {});
    }
});
EM_JS(void, js_storage_load, (const char* key, int id), {
    var name = UTF8ToString(key);
    var answer = function(value) {
        var text = typeof value === 'string' ? value : "";
        var n = lengthBytesUTF8(text) + 1;
        var ptr = _malloc(n);
        stringToUTF8(text, ptr, n);
        Module._dongelek_storage_loaded(id, ptr);
        _free(ptr);
    };
    try {
        Module.dongelekDb.then(function(db) {
            var get = db.transaction('kv', 'readonly').objectStore('kv').get(name);
            get.onsuccess = function() { answer(get.result); };
            get.onerror = function() { answer(""); };
        }).catch(function() { answer(""); });
    } catch (e) {
        setTimeout(function() { answer(""); }, 0);
    }
});

EM_JS(void, js_storage_save, (const char* key, const char* value), {
    var name = UTF8ToString(key);
    var text = UTF8ToString(value);
    try {
        Module.dongelekDb.then(function(db) {
            var store = db.transaction('kv', 'readwrite').objectStore('kv');
            if (text === "") store.delete(name); else store.put(text, name);
        }).catch(function() {});
    } catch (e) {}
});

std::map<int, std::function<void(std::string)>>& pendingLoads()
{
    static std::map<int, std::function<void(std::string)>> all;
    return all;
}

} // namespace

void loadStored(const std::string& key, std::function<void(std::string value)> done)
{
    static int nextId = 0;
    const int id = ++nextId;
    pendingLoads()[id] = std::move(done);
    js_storage_open();
    js_storage_load(key.c_str(), id);
}

void saveStored(const std::string& key, const std::string& value)
{
    js_storage_open();
    js_storage_save(key.c_str(), value.c_str());
}

} // namespace dongelek::platform

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_storage_loaded(int id, const char* value)
{
    auto& all = dongelek::platform::pendingLoads();
    const auto it = all.find(id);
    if (it == all.end()) return;
    auto done = std::move(it->second);
    all.erase(it);
    done(value ? std::string(value) : std::string());
}
