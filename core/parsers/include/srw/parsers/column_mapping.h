#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/**
 * @brief Which file column plays which role ("session", "item", …), by header name or index.
 *
 * Parsed from "session=SessionId,item=2,time=ts": a value that is all digits is a 0-based column
 * index, anything else a header name (matched case-insensitively).
 */
class ColumnMapping {
public:
    /** @brief Parses "role=col,…"; throws UsageError naming an unknown role or a bad entry. */
    static ColumnMapping parse(const std::string& text, const std::vector<std::string>& roles);

    void set(const std::string& role, const std::string& column) { m_spec[role] = column; }
    bool empty() const { return m_spec.empty(); }
    const std::map<std::string, std::string>& entries() const { return m_spec; }

    /**
     * @brief Resolves every role to a column index.
     * @param header    the header's names, or empty when the file has none
     * @param columns   number of columns in the file
     * @param synonyms  per role, header names tried (case-insensitively) when the role is unmapped
     * @return role -> 0-based index for every role that could be resolved
     * Throws UsageError when an explicit mapping names a missing column or index.
     */
    std::map<std::string, int> resolve(const std::vector<std::string>& header, std::size_t columns,
                                       const std::map<std::string, std::vector<std::string>>&
                                           synonyms) const;

private:
    std::map<std::string, std::string> m_spec;
};

/** @brief Header synonyms of the event roles: session, user, item, time, event. */
const std::map<std::string, std::vector<std::string>>& eventColumnSynonyms();
/** @brief Header synonyms of the catalogue roles: id, title, description, category. */
const std::map<std::string, std::vector<std::string>>& catalogColumnSynonyms();

/** @brief Strips a RecBole-style type suffix and lower-cases: "item_id:token" -> "item_id". */
std::string normalizeHeaderName(const std::string& name);

} // namespace srw
