#pragma once
// A content digest of a whole SQLite file: every row of every table, rendered and sorted, so
// "the workspace is unchanged" is checked by content rather than by bytes or counts.
#include "srw/util/sha256.h"

#include <algorithm>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace srw::test {

inline std::string workspaceDigest(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + path);
    std::vector<std::string> tables;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' ORDER BY name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    Sha256 h;
    for (const auto& t : tables) {
        std::vector<std::string> rows;
        std::string sql = "SELECT * FROM \"" + t + "\"";
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const unsigned char* v = sqlite3_column_text(st, c);
                row += v ? reinterpret_cast<const char*>(v) : "<null>";
                row += '\x1f';
            }
            rows.push_back(std::move(row));
        }
        sqlite3_finalize(st);
        std::sort(rows.begin(), rows.end());
        h.update(t + "\n");
        for (const auto& r : rows)
            h.update(r + "\n");
    }
    sqlite3_close(db);
    return h.hexDigest();
}

} // namespace srw::test
