// Test helper: requests built in memory and run through the real chain and route table,
// without RESTinio or a socket; late answers (Responder) are waited for.
#pragma once

#include "server/http/chain.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dongelek::test {

using server::Response;

// Where a late answer lands in a test.
struct LateBox {
    std::mutex mutex;
    std::condition_variable ready;
    std::optional<Response> response;
    int deliveries = 0;
};

inline void sendToBox(const server::Chain&, const std::shared_ptr<const void>& owner, Response&& response)
{
    auto* box = const_cast<LateBox*>(static_cast<const LateBox*>(owner.get()));
    std::lock_guard lock(box->mutex);
    box->response = std::move(response);
    ++box->deliveries;
    box->ready.notify_all();
}

// Owns the bytes a server::Request points into.
class TestRequest {
public:
    TestRequest(std::string method, const std::string& target,
                std::vector<std::pair<std::string, std::string>> headers = {}, std::string body = {})
        : m_method(std::move(method)), m_headers(std::move(headers)), m_body(std::move(body))
    {
        const auto q = target.find('?');
        m_path = target.substr(0, q);
        m_query = q == std::string::npos ? std::string() : target.substr(q + 1);
        m_box = std::make_shared<LateBox>();
    }

    server::Request build() const
    {
        server::Request r;
        r.method = server::methodFromName(m_method);
        r.methodText = m_method;
        r.rawPath = m_path;
        r.rawQuery = m_query;
        for (const auto& [name, value] : m_headers)
            r.headers.push_back(server::Header{name, value});
        r.body = m_body;
        r.owner = m_box;
        r.lateSend = &sendToBox;
        return r;
    }
    LateBox& box() const { return *m_box; }

private:
    std::string m_method, m_path, m_query;
    std::vector<std::pair<std::string, std::string>> m_headers;
    std::string m_body;
    std::shared_ptr<LateBox> m_box;
};

// The response the chain gives `t`, waiting up to 10 s for one answered later.
inline Response run(const server::Chain& chain, const TestRequest& t)
{
    server::Request req = t.build();
    if (std::optional<Response> r = chain.handle(req)) return std::move(*r);
    LateBox& box = t.box();
    std::unique_lock lock(box.mutex);
    if (!box.ready.wait_for(lock, std::chrono::seconds(10), [&] { return box.response.has_value(); }))
        throw std::runtime_error("no late answer within 10 s");
    return *box.response;
}

inline std::string bodyOf(const Response& r)
{
    return r.body ? *r.body : std::string();
}

} // namespace dongelek::test
