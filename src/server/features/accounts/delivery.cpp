#include "server/features/accounts/delivery.hpp"

#include "server/features/accounts/crypto.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <chrono>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace dongelek::server::accounts {

namespace {

std::string base64Standard(std::string_view bytes)
{
    initCrypto();
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

// Base64 in lines of 76 characters, as MIME wants.
std::string wrapped(const std::string& b64)
{
    std::string out;
    for (std::size_t i = 0; i < b64.size(); i += 76)
        out += b64.substr(i, 76) + "\r\n";
    return out;
}

std::string rfc5322Date()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

std::string stampName(unsigned counter, const char* ext)
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld-%04u%s",
                  static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()), counter,
                  ext);
    return buf;
}

void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::filesystem::create_directories(path.parent_path());
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, path); // readers never see half a message
}

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};
void curlInit()
{
    static CurlGlobal once;
    (void)once;
}

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};
std::size_t readUpload(char* buffer, std::size_t size, std::size_t n, void* user)
{
    auto* u = static_cast<Upload*>(user);
    const std::size_t left = u->data->size() - u->offset;
    const std::size_t take = std::min(left, size * n);
    std::memcpy(buffer, u->data->data() + u->offset, take);
    u->offset += take;
    return take;
}
std::size_t discard(char*, std::size_t size, std::size_t n, void*)
{
    return size * n;
}

// The address part of "Dongelek <noreply@dongelek.kz>".
std::string bareAddress(const std::string& from)
{
    const std::size_t lt = from.find('<'), gt = from.find('>');
    if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt + 1, gt - lt - 1);
    return from;
}

} // namespace

std::string maskEmail(const std::string& email)
{
    const std::size_t at = email.find('@');
    if (at == std::string::npos || at == 0) return "…";
    return email.substr(0, 1) + "…" + email.substr(at);
}

std::string maskPhone(const std::string& phone)
{
    if (phone.size() < 7) return "…";
    return phone.substr(0, 5) + "…" + phone.substr(phone.size() - 2);
}

std::string renderMime(const Mail& mail, const std::string& from, const std::string& messageId)
{
    const std::string boundary = "dongelek-" + randomToken(12);
    std::string m;
    m += "Date: " + rfc5322Date() + "\r\n";
    m += "From: " + from + "\r\n";
    m += "To: <" + mail.to + ">\r\n";
    m += "Message-ID: <" + messageId + ">\r\n";
    m += "Subject: =?UTF-8?B?" + base64Standard(mail.subject) + "?=\r\n";
    m += "Content-Language: " + (mail.language.empty() ? std::string("en") : mail.language) + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += wrapped(base64Standard(mail.text));
    m += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += wrapped(base64Standard(mail.html));
    m += "--" + boundary + "--\r\n";
    return m;
}

// [SECTION] Outbox mail

OutboxMailer::OutboxMailer(std::string dir, std::string from, DeliveryLog log)
    : m_dir(std::move(dir)), m_from(std::move(from)), m_log(std::move(log))
{
}

void OutboxMailer::send(const Mail& mail)
{
    std::string name;
    {
        std::lock_guard lock(m_mutex);
        name = stampName(++m_counter, ".eml");
    }
    const std::filesystem::path path = std::filesystem::path(m_dir) / name;
    writeFile(path, renderMime(mail, m_from, randomToken(12) + "@dongelek"));
    if (m_log) m_log("mail to " + maskEmail(mail.to) + " (" + mail.subject + ") written to " + path.string());
}

// [SECTION] SMTP

SmtpMailer::SmtpMailer(std::string url, std::string from, DeliveryLog log)
    : m_url(std::move(url)), m_from(std::move(from)), m_log(std::move(log))
{
    curlInit();
}

void SmtpMailer::send(const Mail& mail)
{
    const std::string message = renderMime(mail, m_from, randomToken(12) + "@dongelek");
    CURL* curl = curl_easy_init();
    if (!curl) throw std::runtime_error("libcurl could not start");
    Upload upload{&message};
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + mail.to + ">").c_str());
    const std::string fromAddr = "<" + bareAddress(m_from) + ">";
    curl_easy_setopt(curl, CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, fromAddr.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) throw std::runtime_error(std::string("SMTP delivery failed: ") + curl_easy_strerror(rc));
    if (m_log) m_log("mail to " + maskEmail(mail.to) + " (" + mail.subject + ") sent over SMTP");
}

// [SECTION] SMS

OutboxSms::OutboxSms(std::string dir, DeliveryLog log) : m_dir(std::move(dir)), m_log(std::move(log)) {}

void OutboxSms::send(const Sms& sms)
{
    std::string name;
    {
        std::lock_guard lock(m_mutex);
        name = stampName(++m_counter, ".sms.txt");
    }
    const std::filesystem::path path = std::filesystem::path(m_dir) / name;
    writeFile(path, "To: " + sms.to + "\n\n" + sms.text + "\n");
    if (m_log) m_log("SMS to " + maskPhone(sms.to) + " written to " + path.string());
}

HttpSmsGateway::HttpSmsGateway(std::string url, std::string key, DeliveryLog log)
    : m_url(std::move(url)), m_key(std::move(key)), m_log(std::move(log))
{
    curlInit();
}

void HttpSmsGateway::send(const Sms& sms)
{
    const std::string body = nlohmann::json{{"to", sms.to}, {"text", sms.text}}.dump();
    CURL* curl = curl_easy_init();
    if (!curl) throw std::runtime_error("libcurl could not start");
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    headers = curl_slist_append(headers, ("Authorization: Bearer " + m_key).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) throw std::runtime_error(std::string("SMS gateway unreachable: ") + curl_easy_strerror(rc));
    if (status < 200 || status > 299) throw std::runtime_error("SMS gateway answered HTTP " + std::to_string(status));
    if (m_log) m_log("SMS to " + maskPhone(sms.to) + " handed to the gateway");
}

// [SECTION] Queue

DeliveryQueue::DeliveryQueue(DeliveryLog log) : m_log(std::move(log)), m_thread([this] { run(); }) {}

DeliveryQueue::~DeliveryQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void DeliveryQueue::post(std::string what, std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_jobs.size() >= 10000) {
            if (m_log) m_log("delivery queue full: dropped " + what);
            return;
        }
        m_jobs.emplace_back(std::move(what), std::move(job));
    }
    m_wake.notify_one();
}

void DeliveryQueue::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void DeliveryQueue::run()
{
    for (;;) {
        std::pair<std::string, std::function<void()>> job;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            if (m_jobs.empty()) m_idle.notify_all();
            m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
            if (m_jobs.empty()) return; // stopping, and everything is sent
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_busy = true;
        }
        try {
            job.second();
        } catch (const std::exception& e) {
            if (m_log) m_log("delivery failed (" + job.first + "): " + e.what());
        }
    }
}

} // namespace dongelek::server::accounts
