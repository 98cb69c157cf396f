#include "srw/parsers/column_mapping.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <algorithm>

namespace srw {

std::string normalizeHeaderName(const std::string& name) {
    std::string n = toLower(trim(name));
    std::size_t colon = n.find(':');
    if (colon != std::string::npos)
        n.resize(colon);
    return n;
}

ColumnMapping ColumnMapping::parse(const std::string& text, const std::vector<std::string>& roles) {
    ColumnMapping m;
    if (trim(text).empty())
        return m;
    for (const std::string& part : split(text, ',')) {
        std::size_t eq = part.find('=');
        std::string role = toLower(trim(std::string_view(part).substr(0, eq)));
        if (eq == std::string::npos || trim(std::string_view(part).substr(eq + 1)).empty())
            throw UsageError("column mapping entry '" + part + "' is not role=column");
        if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
            std::string list;
            for (const auto& r : roles)
                list += (list.empty() ? "" : ", ") + r;
            throw UsageError("unknown column role '" + role + "' (expected one of: " + list + ")");
        }
        m.m_spec[role] = std::string(trim(std::string_view(part).substr(eq + 1)));
    }
    return m;
}

std::map<std::string, int> ColumnMapping::resolve(
    const std::vector<std::string>& header, std::size_t columns,
    const std::map<std::string, std::vector<std::string>>& synonyms) const {
    std::vector<std::string> names;
    for (const auto& h : header)
        names.push_back(normalizeHeaderName(h));
    auto findName = [&](const std::string& want) -> int {
        std::string w = normalizeHeaderName(want);
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == w)
                return int(i);
        return -1;
    };

    std::map<std::string, int> out;
    for (const auto& [role, col] : m_spec) {
        long long idx = 0;
        if (parseInt64(col, idx)) {
            if (idx < 0 || std::size_t(idx) >= columns)
                throw UsageError("column index " + col + " for '" + role + "' is out of range (the " +
                                 "file has " + std::to_string(columns) + " columns, indices from 0)");
            out[role] = int(idx);
        } else {
            int i = findName(col);
            if (i < 0)
                throw UsageError("column '" + col + "' for '" + role + "' is not in the header");
            out[role] = i;
        }
    }
    if (header.empty())
        return out;
    for (const auto& [role, names2] : synonyms) {
        if (out.count(role))
            continue;
        for (const auto& n : names2) {
            int i = findName(n);
            if (i >= 0) {
                out[role] = i;
                break;
            }
        }
    }
    return out;
}

const std::map<std::string, std::vector<std::string>>& eventColumnSynonyms() {
    static const std::map<std::string, std::vector<std::string>> kSyn = {
        {"session", {"session", "session_id", "sessionid", "session id", "sid"}},
        {"user", {"user", "user_id", "userid", "user id", "visitorid", "visitor_id", "uid"}},
        {"item", {"item", "item_id", "itemid", "item id", "product", "product_id", "productid",
                  "iid"}},
        {"time", {"time", "timestamp", "ts", "datetime", "date", "event_time", "eventtime"}},
        {"event", {"event", "event_type", "eventtype", "type", "action", "behavior",
                   "behaviour"}},
    };
    return kSyn;
}

const std::map<std::string, std::vector<std::string>>& catalogColumnSynonyms() {
    static const std::map<std::string, std::vector<std::string>> kSyn = {
        {"id", {"item_id", "itemid", "item", "id", "product_id", "productid", "iid"}},
        {"title", {"title", "name", "item_name", "product_name", "movie_title"}},
        {"description", {"description", "desc", "text", "summary", "body"}},
        {"category", {"category", "category_id", "categoryid", "categories", "genre", "class"}},
    };
    return kSyn;
}

} // namespace srw
