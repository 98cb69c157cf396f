#include "batch_insert.h"

#include <stdexcept>

namespace srw {

BatchInsert::BatchInsert(Database& db, std::string head, int columns, int rowsPerBlock)
    : m_db(db), m_head(std::move(head)), m_columns(columns), m_block(rowsPerBlock) {
    m_cells.reserve(std::size_t(columns) * std::size_t(rowsPerBlock) * 2);
}

BatchInsert& BatchInsert::add(std::string_view v) {
    if (v.size() > 0xFFFFFFFFu)
        throw std::length_error("BatchInsert: a text value longer than 4 GiB");
    const std::int64_t offset = std::int64_t(m_text.size());
    m_text.append(v);
    return push(Cell::Text, offset, std::uint32_t(v.size()));
}

Statement& BatchInsert::statement(int rows) {
    auto it = m_statements.find(rows);
    if (it != m_statements.end())
        return it->second;
    std::string row = "(";
    for (int c = 0; c < m_columns; ++c)
        row += c ? ",?" : "?";
    row += ")";
    std::string sql = m_head + " VALUES";
    for (int r = 0; r < rows; ++r)
        sql += (r ? "," : "") + row;
    return m_statements.emplace(rows, m_db.prepare(sql)).first->second;
}

void BatchInsert::writeRows(std::size_t firstRow, int rows) {
    Statement& st = statement(rows);
    const Cell* cell = m_cells.data() + firstRow * std::size_t(m_columns);
    const int params = rows * m_columns;
    for (int i = 1; i <= params; ++i, ++cell) {
        if (cell->kind == Cell::Int)
            st.bind(i, cell->value);
        else if (cell->kind == Cell::Text)
            st.bindUncopied(i, std::string_view(m_text.data() + cell->value, cell->size));
        else
            st.bindNull(i);
    }
    st.run();
}

void BatchInsert::dropWritten(std::size_t rows) {
    if (rows == pendingRows()) {
        m_cells.clear();
        m_text.clear();
        return;
    }
    // Less than a block is left: move it to the front with its texts, so the arena stays small.
    m_cells.erase(m_cells.begin(), m_cells.begin() + std::ptrdiff_t(rows * std::size_t(m_columns)));
    std::string text;
    for (Cell& c : m_cells) {
        if (c.kind != Cell::Text)
            continue;
        const std::int64_t offset = std::int64_t(text.size());
        text.append(m_text, std::size_t(c.value), c.size);
        c.value = offset;
    }
    m_text.swap(text);
}

void BatchInsert::writeFullBlocks() {
    const std::size_t blocks = pendingRows() / std::size_t(m_block);
    for (std::size_t b = 0; b < blocks; ++b)
        writeRows(b * std::size_t(m_block), m_block);
    if (blocks)
        dropWritten(blocks * std::size_t(m_block));
}

void BatchInsert::flush() {
    writeFullBlocks();
    std::size_t done = 0;
    std::size_t left = pendingRows();
    for (int size = m_block / 2; left > 0; size = size > 1 ? size / 2 : 1) {
        while (left >= std::size_t(size)) {
            writeRows(done, size);
            done += std::size_t(size);
            left -= std::size_t(size);
        }
    }
    m_cells.clear();
    m_text.clear();
}

} // namespace srw
