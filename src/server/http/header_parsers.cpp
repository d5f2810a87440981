// Accept-Encoding through restinio::http_field_parsers (RFC 9110 §12.5.3 with q-values),
// and reason phrases from RESTinio's status_*() list, collected once into a table by code.

#include "server/http/header_parsers.hpp"

#include <restinio/helpers/http_field_parsers/accept-encoding.hpp>
#include <restinio/http_headers.hpp>

#include <array>
#include <string>

namespace dongelek::server {

bool acceptsGzip(std::string_view value)
{
    namespace hfp = restinio::http_field_parsers;
    const auto parsed = hfp::accept_encoding_value_t::try_parse(restinio::string_view_t(value.data(), value.size()));
    if (!parsed) return false;
    bool gzip = false, gzipRefused = false, star = false;
    for (const auto& item : parsed->codings) {
        const bool refused = item.weight == hfp::qvalue_t{hfp::qvalue_t::zero};
        if (item.content_coding == "gzip" || item.content_coding == "x-gzip")
            (refused ? gzipRefused : gzip) = true;
        else if (item.content_coding == "*" && !refused)
            star = true;
    }
    return gzip || (star && !gzipRefused);
}

std::string_view reasonPhrase(int status)
{
    using Line = restinio::http_status_line_t (*)();
    static const std::array<std::string, 600> kPhrases = [] {
        std::array<std::string, 600> phrases;
        for (Line line : std::initializer_list<Line>{restinio::status_continue,
                                                     restinio::status_switching_protocols,
                                                     restinio::status_processing,
                                                     restinio::status_ok,
                                                     restinio::status_created,
                                                     restinio::status_accepted,
                                                     restinio::status_non_authoritative_information,
                                                     restinio::status_no_content,
                                                     restinio::status_reset_content,
                                                     restinio::status_partial_content,
                                                     restinio::status_multi_status,
                                                     restinio::status_multiple_choices,
                                                     restinio::status_moved_permanently,
                                                     restinio::status_found,
                                                     restinio::status_see_other,
                                                     restinio::status_not_modified,
                                                     restinio::status_use_proxy,
                                                     restinio::status_temporary_redirect,
                                                     restinio::status_permanent_redirect,
                                                     restinio::status_bad_request,
                                                     restinio::status_unauthorized,
                                                     restinio::status_payment_required,
                                                     restinio::status_forbidden,
                                                     restinio::status_not_found,
                                                     restinio::status_method_not_allowed,
                                                     restinio::status_not_acceptable,
                                                     restinio::status_proxy_authentication_required,
                                                     restinio::status_request_time_out,
                                                     restinio::status_conflict,
                                                     restinio::status_gone,
                                                     restinio::status_length_required,
                                                     restinio::status_precondition_failed,
                                                     restinio::status_payload_too_large,
                                                     restinio::status_uri_too_long,
                                                     restinio::status_unsupported_media_type,
                                                     restinio::status_requested_range_not_satisfiable,
                                                     restinio::status_expectation_failed,
                                                     restinio::status_unprocessable_entity,
                                                     restinio::status_locked,
                                                     restinio::status_failed_dependency,
                                                     restinio::status_precondition_required,
                                                     restinio::status_too_many_requests,
                                                     restinio::status_request_header_fields_too_large,
                                                     restinio::status_internal_server_error,
                                                     restinio::status_not_implemented,
                                                     restinio::status_bad_gateway,
                                                     restinio::status_service_unavailable,
                                                     restinio::status_gateway_time_out,
                                                     restinio::status_http_version_not_supported,
                                                     restinio::status_insufficient_storage,
                                                     restinio::status_network_authentication_required}) {
            const restinio::http_status_line_t l = line();
            const auto code = static_cast<std::size_t>(l.status_code().raw_code());
            if (code < phrases.size()) phrases[code] = l.reason_phrase();
        }
        return phrases;
    }();
    if (status < 0 || static_cast<std::size_t>(status) >= kPhrases.size() || kPhrases[status].empty()) return "Unknown";
    return kPhrases[static_cast<std::size_t>(status)];
}

} // namespace dongelek::server
