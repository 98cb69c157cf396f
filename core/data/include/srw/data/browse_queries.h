#pragma once
#include "srw/data/session_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace srw {

/** @brief The tables a dataset can be browsed by. */
enum class BrowseTable { Events, Sessions, Items };

/** @brief How a column's values are to be shown: Time holds epoch milliseconds (UTC). */
enum class BrowseKind { Integer, Text, Time };

/** @brief One browsable column; name is the English heading (a user interface translates it). */
struct BrowseColumn {
    std::string name;
    BrowseKind kind;
};

/** @brief One cell: nothing, a number (or time), or text. */
using BrowseValue = std::variant<std::monostate, std::int64_t, std::string>;

/**
 * @brief What to browse: the table of one dataset, filtered by a search text (matched as a
 * substring, case-insensitively for ASCII, against the table's text columns) and sorted by one
 * column (sortColumn < 0: the table's natural order).
 */
struct BrowseQuery {
    BrowseTable table = BrowseTable::Events;
    std::string dataset;
    std::string search;
    int sortColumn = -1;
    bool descending = false;
};

/** @brief Where a page ended: the sort value and the unique key of its last row. */
struct BrowseCursor {
    BrowseValue sortValue;
    std::int64_t key1 = 0;
    std::int64_t key2 = 0;
};

/** @brief Rows of one page, and the cursor of the next page (empty after the last page). */
struct BrowsePage {
    std::vector<std::vector<BrowseValue>> rows;
    std::optional<BrowseCursor> next;
};

/** @brief The columns of a table, in the order browsePage() returns them. */
const std::vector<BrowseColumn>& browseColumns(BrowseTable table);

/**
 * @brief Reads up to limit rows after the cursor (or from the start) with keyset pagination:
 * each page costs one indexed seek in the natural order, never an OFFSET scan.
 *
 * Throws UsageError for an unknown dataset or sort column, DatabaseError when interrupted
 * (Database::interrupt) or on SQLite failures.
 */
BrowsePage browsePage(SessionStore& store, const BrowseQuery& query,
                      const std::optional<BrowseCursor>& after, int limit);

/** @brief The SQL browsePage() runs (parameters: ?1 dataset id, ?2 search pattern, ?3-?5 the
 * cursor, ?6 the limit); for query-plan checks. */
std::string browsePageSql(const BrowseQuery& query, bool afterCursor);

/** @brief The number of rows the query matches (cheap without a search text). */
std::int64_t browseCount(SessionStore& store, const BrowseQuery& query);

/** @brief Escapes %, _ and \ so text matches literally in LIKE … ESCAPE '\'. */
std::string escapeLikePattern(const std::string& text);

} // namespace srw
