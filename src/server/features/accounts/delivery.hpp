// How mail and SMS leave the server: a Mailer and an SmsSender interface, their embedded
// defaults (an outbox folder, one file per message, and one log line naming the file; the
// message itself, which holds links and codes, is never logged), the real adapters (SMTP
// through libcurl, a plain HTTP SMS gateway through libcurl), and a queue that sends in the
// background so no request waits for, or reveals anything through the timing of, a delivery.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace dongelek::server::accounts {

using DeliveryLog = std::function<void(const std::string& line)>;

struct Mail {
    std::string to;
    std::string subject;
    std::string text; // plain-text body
    std::string html; // HTML body (the same content)
    std::string language;
};

// The RFC 5322 message (multipart/alternative, UTF-8, base64 parts, encoded subject).
std::string renderMime(const Mail& mail, const std::string& from, const std::string& messageId);

class Mailer {
public:
    virtual ~Mailer() = default;
    // Throws std::runtime_error when the message could not be handed over.
    virtual void send(const Mail& mail) = 0;
};

// Writes <dir>/<time>-<n>.eml and logs "mail to a…@example.kz: <subject> -> <file>".
class OutboxMailer final : public Mailer {
public:
    OutboxMailer(std::string dir, std::string from, DeliveryLog log);
    void send(const Mail& mail) override;

private:
    std::string m_dir, m_from;
    DeliveryLog m_log;
    std::mutex m_mutex;
    unsigned m_counter = 0;
};

// SMTP via libcurl: `url` is smtp://host:port or smtps://host:port, with user:password@ when
// the server needs it (STARTTLS is used when the server offers it).
class SmtpMailer final : public Mailer {
public:
    SmtpMailer(std::string url, std::string from, DeliveryLog log);
    void send(const Mail& mail) override;

private:
    std::string m_url, m_from;
    DeliveryLog m_log;
};

struct Sms {
    std::string to; // E.164
    std::string text;
};

class SmsSender {
public:
    virtual ~SmsSender() = default;
    virtual void send(const Sms& sms) = 0;
};

// Writes <dir>/<time>-<n>.sms.txt ("To: ...\n\n<text>") and logs the file's name.
class OutboxSms final : public SmsSender {
public:
    OutboxSms(std::string dir, DeliveryLog log);
    void send(const Sms& sms) override;

private:
    std::string m_dir;
    DeliveryLog m_log;
    std::mutex m_mutex;
    unsigned m_counter = 0;
};

// A plain HTTP SMS gateway: POST <url> with Authorization: Bearer <key> and the JSON body
// {"to":"+77011234567","text":"..."}; any 2xx answer is success.
class HttpSmsGateway final : public SmsSender {
public:
    HttpSmsGateway(std::string url, std::string key, DeliveryLog log);
    void send(const Sms& sms) override;

private:
    std::string m_url, m_key;
    DeliveryLog m_log;
};

// One background thread that runs deliveries in order; a failure is logged (without the
// message) and the next one goes on. The destructor sends what is queued, then stops.
class DeliveryQueue {
public:
    explicit DeliveryQueue(DeliveryLog log);
    ~DeliveryQueue();
    DeliveryQueue(const DeliveryQueue&) = delete;
    DeliveryQueue& operator=(const DeliveryQueue&) = delete;

    void post(std::string what, std::function<void()> job); // `what` for the log: "mail to a…@x.kz"
    // Waits until everything posted so far has been tried (tests, shutdown).
    void drain();

private:
    void run();
    DeliveryLog m_log;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::pair<std::string, std::function<void()>>> m_jobs;
    std::condition_variable m_idle;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

// "a…@example.kz", "+7701…67": enough for a log reader, not the whole address.
std::string maskEmail(const std::string& email);
std::string maskPhone(const std::string& phone);

} // namespace dongelek::server::accounts
