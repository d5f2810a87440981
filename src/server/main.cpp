// dongelek-server: the composition root. Reads settings, opens storage, seeds demo
// data when the database is empty, registers each feature's routes (one line each) and serves.

#include "server/config.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_routes.hpp"
#include "server/features/accounts/account_service.hpp"
#include "server/demo/photo_painter.hpp"
#include "server/features/favorites/favorite_routes.hpp"
#include "server/features/favorites/favorite_service.hpp"
#include "server/features/finance/finance_routes.hpp"
#include "server/features/finance/finance_service.hpp"
#include "server/features/health/health_routes.hpp"
#include "server/features/listings/catalog_routes.hpp"
#include "server/features/listings/listing_routes.hpp"
#include "server/features/search/search_routes.hpp"
#include "server/features/insight/insight_routes.hpp"
#include "server/features/contact/contact_repository.hpp"
#include "server/features/contact/contact_routes.hpp"
#include "server/features/editor/editor_routes.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/features/dealer/dealer_routes.hpp"
#include "server/features/dealer/dealer_service.hpp"
#include "server/features/editor/photo_uploads.hpp"
#include "server/features/stats/stats_repository.hpp"
#include "server/features/stats/stats_routes.hpp"
#include "server/features/insight/insight_service.hpp"
#include "server/features/saved_searches/saved_search_routes.hpp"
#include "server/features/saved_searches/saved_search_service.hpp"
#include "server/features/listings/listing_service.hpp"
#include "server/db/open_database.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/media/media_store.hpp"
#include "server/features/media/photo_routes.hpp"
#include "server/features/pages/page_locales.hpp"
#include "server/features/pages/page_routes.hpp"
#include "server/features/pages/page_service.hpp"
#include "server/features/web/static_files.hpp"
#include "server/features/view360/spin_media.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/features/view360/view360_routes.hpp"
#include "server/features/view360/view360_service.hpp"
#include "server/features/web/web_routes.hpp"
#include "server/http/representations.hpp"
#include "server/http/response_cache.hpp"
#include "server/http/route_table.hpp"
#include "server/http/server.hpp"
#include "server/http/task_pool.hpp"
#include "server/schema/migrations.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

using namespace dongelek::server;

namespace {
std::mutex g_logMutex;

void logLine(const std::string& line)
{
    std::lock_guard lock(g_logMutex);
    std::cerr << "dongelek-server: " << line << std::endl;
}

std::int64_t unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Mail and SMS: the configured adapters, or the outbox folder.
struct Deliveries {
    std::unique_ptr<accounts::Mailer> mailer;
    std::unique_ptr<accounts::SmsSender> sms;
    std::unique_ptr<accounts::DeliveryQueue> queue;
};

Deliveries makeDeliveries(const ServerConfig& config)
{
    Deliveries d;
    if (config.smtpUrl.empty()) {
        d.mailer = std::make_unique<accounts::OutboxMailer>(config.mailOutbox, config.mailFrom, logLine);
        logLine("mail: no --smtp-url, mails are written to " + config.mailOutbox + " (one .eml file each)");
    } else {
        d.mailer = std::make_unique<accounts::SmtpMailer>(config.smtpUrl, config.mailFrom, logLine);
        // The URL may hold a password: only its host part is logged.
        const std::size_t at = config.smtpUrl.rfind('@');
        const std::size_t scheme = config.smtpUrl.find("://") + 3;
        logLine("mail: SMTP to " + config.smtpUrl.substr(0, scheme) +
                config.smtpUrl.substr(at == std::string::npos ? scheme : at + 1));
    }
    if (config.smsGatewayUrl.empty()) {
        d.sms = std::make_unique<accounts::OutboxSms>(config.mailOutbox, logLine);
        logLine("sms: no --sms-gateway-url, SMS are written to " + config.mailOutbox + " (one .sms.txt file each)");
    } else {
        d.sms = std::make_unique<accounts::HttpSmsGateway>(config.smsGatewayUrl, config.smsGatewayKey, logLine);
        logLine("sms: HTTP gateway " + config.smsGatewayUrl.substr(0, config.smsGatewayUrl.find('?')));
    }
    d.queue = std::make_unique<accounts::DeliveryQueue>(logLine);
    return d;
}

accounts::AccountSettings accountSettings(const ServerConfig& config)
{
    accounts::AccountSettings s;
    s.refreshReuseGraceSeconds = config.refreshReuseGraceSeconds;
    accounts::parseAuthLimits(config.authLimits, s.limits); // checked when the flags were read
    return s;
}

// dongelek-server admin create --email E --name N [options]: the password comes from stdin.
int adminCommand(const std::vector<std::string>& args)
{
    if (args.size() < 2 || args[1] != "create") {
        std::cerr << "dongelek-server: usage: dongelek-server admin create --email EMAIL --name NAME [options]\n";
        return 2;
    }
    std::string email, name;
    std::vector<std::string> rest;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if ((args[i] == "--email" || args[i] == "--name") && i + 1 < args.size()) {
            (args[i] == "--email" ? email : name) = args[i + 1];
            ++i;
        } else {
            rest.push_back(args[i]);
        }
    }
    if (email.empty() || name.empty()) {
        std::cerr << "dongelek-server: admin create needs --email and --name\n";
        return 2;
    }
    ServerConfig config;
    std::string message;
    if (parseConfig(rest, [](const char* n) { return std::getenv(n); }, config, message) != ConfigOutcome::Run) {
        std::cerr << "dongelek-server: " << (message.empty() ? "see --help" : message) << "\n";
        return 2;
    }
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    try {
        const std::unique_ptr<db::Database> database = db::openDatabase(config.databaseKind, config.databasePath);
        schema::migrate(*database);
        accounts::AccountRepository repo(*database);
        accounts::InProcessCounters counters;
        Deliveries d = makeDeliveries(config);
        accounts::AccountService service(repo, counters, *d.mailer, *d.sms, *d.queue,
                                         accounts::MessageTexts::load(config.mailDir), accountSettings(config), unixNow);
        const std::int64_t id = service.createAdmin(email, name, password);
        std::cout << "admin account " << id << " created for " << email
                  << "; sign in and turn on two-factor sign-in to use the admin API\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "dongelek-server: admin create failed: " << e.what() << "\n";
        return 1;
    }
}

std::string seconds(std::chrono::steady_clock::duration d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", std::chrono::duration<double>(d).count());
    return buf;
}
} // namespace

int main(int argc, char** argv)
{
    // A client that hangs up mid-response (a closed tab while photos download) must cost
    // one failed write, not the process: sendfile() and write() raise SIGPIPE otherwise.
    std::signal(SIGPIPE, SIG_IGN);
    ServerConfig config;
    std::string message;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "admin") return adminCommand(args);
    switch (parseConfig(
        args, [](const char* name) { return std::getenv(name); }, config, message)) {
    case ConfigOutcome::Help:
        std::cout << helpText();
        return 0;
    case ConfigOutcome::Error:
        std::cerr << "dongelek-server: " << message << "\n";
        return 2;
    case ConfigOutcome::Run:
        break;
    }

    logLine("version " DONGELEK_VERSION);
    try {
        // The tariff and partner-bank files, checked before anything slow: a broken one stops the start.
        const finance::FinanceFiles financeFiles = finance::loadFinanceFiles(config.tariffsDir);
        logLine("finance: " + std::to_string(std::size(finance::kTariffFiles)) + " tariff files and " +
                std::to_string(financeFiles.banks.all().size()) + " partner banks from " + config.tariffsDir);
        // The database's name is the file path, or the URL with its password redacted.
        const std::unique_ptr<db::Database> database = db::openDatabase(config.databaseKind, config.databasePath);
        const int schemaVersion = schema::migrate(*database);
        logLine("database: " + std::string(db::toString(database->engine())) + " " + database->name() +
                " (schema version " + std::to_string(schemaVersion) + ")");
        SqlListingRepository repository(*database);
        SearchService search(repository, [&db = *database] { return db.dataVersion(); }, unixNow);
        ListingService service(repository, search);
        InsightService insight(repository, search);

        const std::int64_t existing = repository.countAllListings();
        if (existing > 0) {
            logLine("demo data: skipped, the database has " + std::to_string(existing) + " listings");
        } else if (config.demoSize == 0) {
            logLine("demo data: none requested (--demo-size 0)");
        } else {
            const auto start = std::chrono::steady_clock::now();
            auto writer = repository.beginBulkImport();
            // Dates count back from now, so "posted within a day" finds cars.
            const std::int64_t today =
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                    .count() / 60 * 60;
            const demo::GeneratorStats stats =
                demo::generateDemoData(*writer, config.demoSeed, config.demoSize, today);
            writer.reset();
            const auto generated = std::chrono::steady_clock::now();
            repository.optimize(); // the import's commit bumped the data version already
            logLine("demo data: generated " + std::to_string(stats.listings) + " listings, " +
                    std::to_string(stats.sellers) + " sellers, " + std::to_string(stats.photos) +
                    " photo specs (seed " + std::to_string(config.demoSeed) + ") in " + seconds(generated - start) +
                    ", statistics in " + seconds(std::chrono::steady_clock::now() - generated));
        }

        {
            const auto start = std::chrono::steady_clock::now();
            search.start();
            logLine("search index: " + std::to_string(search.index()->size()) + " listings in " +
                    seconds(std::chrono::steady_clock::now() - start));
        }

        std::unique_ptr<LruResponseCache> cache;
        if (config.cacheEnabled) cache = std::make_unique<LruResponseCache>(2000, 8, 64u << 20);
        logLine(cache ? "response cache: on (" + std::to_string(cache->capacity()) + " entries, 64 MiB)"
                      : std::string("response cache: off (--no-cache)"));
        // The data version keys the response cache: bumped by the storage layer inside every write
        // transaction, and read from the database, so another server process's writes count too.
        JsonResponses json(cache.get(), [&db = *database] { return db.dataVersion(); });

        LocalDiskStorage uploadStorage(config.mediaDir);
        MediaStore media(config.mediaDir, repository, demo::paintPhoto, uploadStorage);
        logLine("media: " + config.mediaDir + " (demo photos are drawn on first request; sellers' photos in uploads/)");

        StaticFiles web(config.webDir);
        logLine(web.available()
                    ? "web app: " + config.webDir
                    : "web app: not built (no index.html in " + config.webDir + "); / answers 503, the API works");

        // The app's addresses as HTML pages in every language; cached apart from the API's
        // answers, so crawlers walking every listing do not push searches out.
        std::string localesError;
        std::optional<pages::PageLocales> locales = pages::PageLocales::load(config.localesDir, localesError);
        if (!locales) throw std::runtime_error("locales: " + localesError + " (see --locales-dir)");
        pages::PageService pageService(service, web, std::move(*locales), [&db = *database] { return db.dataVersion(); });
        std::unique_ptr<LruResponseCache> pageCache;
        if (config.cacheEnabled) pageCache = std::make_unique<LruResponseCache>(1000, 8, 32u << 20);
        RenderedResponses rendered(pageCache.get(), [&db = *database] { return db.dataVersion(); });
        // Without --public-url and a sane Host header: the address this server listens on.
        const std::string& listen = config.listenAddress;
        const std::string host = listen == "0.0.0.0" || listen == "::"        ? std::string("localhost")
                                 : listen.find(':') != std::string::npos ? "[" + listen + "]"
                                                                         : listen;
        const pages::SiteAddress site{config.publicOrigin, "http://" + host + ":" + std::to_string(config.port)};
        std::string languages;
        for (const std::string& code : pageService.locales().languages())
            languages += (languages.empty() ? "" : ", ") + code;
        logLine("pages: " + languages + " from " + config.localesDir + "; absolute URLs from " +
                (site.publicOrigin.empty() ? "each request's Host header (set --public-url in production)"
                                           : "--public-url " + site.publicOrigin));
        pageService.warm();
        if (auto tpl = pageService.pageTemplate()) {
            std::string missing;
            for (const std::string& p : tpl->page.missingPlaceholders())
                missing += " " + p;
            if (!missing.empty()) logLine("pages: index.html lacks" + missing + " (built from an older template?)");
        }

        // Accounts: the service, its mail/SMS deliveries and its counters (in this process; see docs/security.md).
        accounts::AccountRepository accountRepository(*database);
        accounts::InProcessCounters abuseCounters;
        Deliveries deliveries = makeDeliveries(config);
        const accounts::MessageTexts mailTexts = accounts::MessageTexts::load(config.mailDir);
        accounts::AccountService accountService(accountRepository, abuseCounters, *deliveries.mailer, *deliveries.sms,
                                                *deliveries.queue, mailTexts, accountSettings(config), unixNow);
        ContactRepository contactRepository(*database);
        accounts::InProcessCounters contactCounters;
        // Saved searches: alerts run on every new search snapshot (a listing was written).
        SavedSearchRepository savedSearchRepository(*database);
        SavedSearchService savedSearches(savedSearchRepository, search, *deliveries.mailer, *deliveries.queue, mailTexts,
                                         site.publicOrigin.empty() ? site.fallbackOrigin : site.publicOrigin);
        search.onSwap([&savedSearches](const SearchIndex&, const SearchIndex& after) { savedSearches.checkAlerts(after); });
        const bool tls = config.publicOrigin.rfind("https://", 0) == 0;
        favorites::FavoriteRepository favoriteRepository(*database);
        favorites::FavoriteService favoriteService(favoriteRepository, service, unixNow);
        finance::LoanApplicationRepository loanApplications(*database);
        finance::FinanceService financeService(loanApplications, financeFiles.banks, unixNow);
        view360::View360Repository view360Repository(*database);
        view360::View360Service view360Service(view360Repository, unixNow);
        view360::SpinMedia spinMedia(config.mediaDir, view360Service);
        view360::SpinUploads spinUploads(config.mediaDir, view360Service, view360Repository, unixNow);
        editor::EditorRepository editorRepository(*database);
        editor::EditorService editorService(editorRepository, unixNow, [&search] { search.refreshNow(); });
        // Many listings at once (bulk changes, CSV import): the editor's store, the same search refresh.
        dealer::DealerService dealerService(editorRepository, unixNow, [&search] { search.refreshNow(); });
        editor::PhotoUploads photoUploads(editorRepository, uploadStorage, unixNow);
        stats::StatsRepository statsRepository(*database);

        HttpOptions http;
        http.authenticate = [&accountService](std::string_view token) { return accountService.authenticate(token); };
        http.tls = tls;
        http.trustedProxies = config.trustedProxies;
        http.address = config.listenAddress;
        http.port = config.port;
        http.threads = config.threads;
        const int renderThreads = std::max(1, std::min(4, config.threads));
        logLine("threads: " + std::to_string(http.threads) + " HTTP, " + std::to_string(renderThreads) +
                " photo rendering, " + std::to_string(renderThreads) + " password hashing");
        // Declared after everything its tasks use, so it stops first.
        TaskPool renders(renderThreads, 2000);
        // Password hashing (Argon2id, 19 MiB each): one thread per core, so memory stays bounded.
        TaskPool hashing(renderThreads, 256);
        http.drainDeferredWork = [&renders, &hashing] {
            renders.shutdown();
            hashing.shutdown();
        };

        // Every feature's routes, one line each (a feature's routes live in its own folder).
        RouteTable routes;
        routes.add(healthRoutes(service, json));
        routes.add(listingRoutes(service, json));
        routes.add(catalogRoutes(service, json));
        routes.add(searchRoutes(search, json));
        routes.add(savedSearchRoutes(savedSearches));
        routes.add(insightRoutes(insight, json));
        routes.add(contactRoutes(contactRepository, contactCounters, unixNow));
        routes.add(accounts::accountRoutes(
            accountService, {site.publicOrigin.empty() ? site.fallbackOrigin : site.publicOrigin, tls, &hashing}));
        routes.add(favorites::favoriteRoutes(favoriteService, json));
        routes.add(finance::financeRoutes(financeService, financeFiles));
        routes.add(photoRoutes(media, renders));
        routes.add(view360::view360Routes(view360Service, spinMedia, spinUploads, renders));
        routes.add(editor::editorRoutes(editorService, photoUploads, spinUploads, renders));
        routes.add(dealer::dealerRoutes(dealerService));
        routes.add(stats::statsRoutes(statsRepository, unixNow));
        routes.add(pages::pageRoutes(pageService, rendered, site));
        // A fallback: answers what no other feature owns (files; other paths get the 404 page).
        routes.add(webRoutes(web, pages::notFoundPage(pageService, rendered, site)));

        const int code = runHttpServer(http, routes, logLine);
        logLine("stopped");
        return code;
    } catch (const std::exception& e) {
        logLine(std::string("startup failed: ") + e.what());
        return 1;
    }
}
