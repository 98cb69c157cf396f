#pragma once
// Internal to core/data: inserts rows in blocks through multi-row INSERT statements.
//
// Why: executing a one-row INSERT re-opens its cursor and searches the b-tree from the root on
// every call (~10k instructions a row here); a statement with many VALUES rows keeps the cursor
// positioned between rows, which makes in-order appends several times cheaper. Rows wait in a
// flat buffer of typed cells (text in one arena, bound without a copy), so queueing a row costs
// no allocation; a remainder smaller than a block goes out in halving blocks (128, 64, … 1 rows),
// a few statements instead of one per row.
#include "srw/data/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

class BatchInsert {
public:
    /** @param head "INSERT INTO t(a, b)"; the VALUES part is generated. */
    BatchInsert(Database& db, std::string head, int columns, int rowsPerBlock);

    BatchInsert& add(std::int64_t v) { return push(Cell::Int, v, 0); }
    BatchInsert& add(std::optional<std::int64_t> v) { return v ? add(*v) : addNull(); }
    BatchInsert& add(std::string_view v);
    BatchInsert& add(const std::optional<std::string>& v) { return v ? add(std::string_view(*v)) : addNull(); }
    BatchInsert& add(std::optional<std::string_view> v) { return v ? add(*v) : addNull(); }
    BatchInsert& addNull() { return push(Cell::Null, 0, 0); }

    /** @brief Rows queued (complete rows only). */
    std::size_t pendingRows() const { return m_cells.size() / std::size_t(m_columns); }
    /** @brief Writes the queued rows that fill whole blocks; the rest stay queued. */
    void writeFullBlocks();
    /** @brief Writes every queued row. */
    void flush();

private:
    struct Cell {
        enum Kind : std::uint8_t { Null, Int, Text };
        std::int64_t value; // the integer, or the text's offset in m_text
        std::uint32_t size; // the text's length
        Kind kind;
    };
    BatchInsert& push(Cell::Kind kind, std::int64_t value, std::uint32_t size) {
        m_cells.push_back({value, size, kind});
        return *this;
    }
    Statement& statement(int rows);
    void writeRows(std::size_t firstRow, int rows);
    void dropWritten(std::size_t rows);

    Database& m_db;
    std::string m_head;
    int m_columns;
    int m_block;
    std::map<int, Statement> m_statements; // by rows per statement
    std::vector<Cell> m_cells;
    std::string m_text;
};

} // namespace srw
