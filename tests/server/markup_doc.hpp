// Test helper: HTML and XML documents parsed by libxml2 (a real parser, not string
// matching) and queried with XPath, for the pages and sitemaps the server writes.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dongelek::test {

class MarkupDoc {
public:
    // HTML is parsed leniently (HTML5 elements are kept); XML strictly: a document that is
    // not well-formed throws, which is the point for sitemaps.
    static MarkupDoc html(const std::string& text)
    {
        xmlDocPtr d = htmlReadMemory(text.data(), static_cast<int>(text.size()), "page.html", "UTF-8",
                                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        if (!d) throw std::runtime_error("not parsable as HTML");
        return MarkupDoc(d);
    }
    static MarkupDoc xml(const std::string& text)
    {
        xmlDocPtr d = xmlReadMemory(text.data(), static_cast<int>(text.size()), "doc.xml", "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!d) throw std::runtime_error("not well-formed XML");
        return MarkupDoc(d);
    }

    // The string value of every node `xpath` selects (text content of elements, values of
    // attributes), in document order. The sitemap namespace is bound to the prefix "sm".
    std::vector<std::string> all(const std::string& xpath) const
    {
        std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(m_doc.get()),
                                                                             &xmlXPathFreeContext);
        xmlXPathRegisterNs(ctx.get(), BAD_CAST "sm", BAD_CAST "http://www.sitemaps.org/schemas/sitemap/0.9");
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
            xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx.get()), &xmlXPathFreeObject);
        if (!result) throw std::runtime_error("bad XPath " + xpath);
        std::vector<std::string> out;
        if (!result->nodesetval) return out;
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
            xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
            out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
            xmlFree(text);
        }
        return out;
    }
    // The only value `xpath` selects; "" when it selects nothing, throws when several.
    std::string one(const std::string& xpath) const
    {
        const auto values = all(xpath);
        if (values.size() > 1) throw std::runtime_error(xpath + " selects " + std::to_string(values.size()) + " nodes");
        return values.empty() ? std::string() : values.front();
    }
    std::size_t count(const std::string& xpath) const { return all(xpath).size(); }

private:
    explicit MarkupDoc(xmlDocPtr d) : m_doc(d, &xmlFreeDoc) {}
    std::shared_ptr<xmlDoc> m_doc;
};

} // namespace dongelek::test
