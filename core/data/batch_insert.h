#pragma once
// Internal to core/data: inserts rows in blocks through one multi-row INSERT statement.
//
// Why: executing a one-row INSERT re-opens its cursor and searches the b-tree from the root on
// every call (~10k instructions a row here); a statement with many VALUES rows keeps the cursor
// positioned between rows, which makes in-order appends several times cheaper.
#include "srw/data/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srw {

class BatchInsert {
public:
    struct Value {
        enum Kind { Null, Int, Text } kind = Null;
        std::int64_t i = 0;
        std::string s;
        Value() = default;
        Value(std::int64_t v) : kind(Int), i(v) {}
        Value(std::optional<std::int64_t> v) : kind(v ? Int : Null), i(v.value_or(0)) {}
        Value(std::string v) : kind(Text), s(std::move(v)) {}
        Value(std::optional<std::string> v) : kind(v ? Text : Null), s(v.value_or("")) {}
    };

    /** @param head "INSERT INTO t(a, b)"; the VALUES part is generated. */
    BatchInsert(Database& db, const std::string& head, int columns, int rowsPerBlock = 64)
        : m_columns(columns), m_block(rowsPerBlock),
          m_one(db.prepare(head + " VALUES" + placeholders(1))),
          m_many(db.prepare(head + " VALUES" + placeholders(rowsPerBlock))) {}

    /** @brief Queues one row (columns values); writes a block when one is full. */
    void add(std::vector<Value> row) {
        for (auto& v : row)
            m_pending.push_back(std::move(v));
        if (m_pending.size() >= std::size_t(m_block * m_columns))
            writeBlocks();
    }

    /** @brief Writes every queued row. */
    void flush() {
        writeBlocks();
        for (std::size_t r = 0; r * m_columns < m_pending.size(); ++r) {
            bindRow(m_one, 0, r);
            m_one.run();
        }
        m_pending.clear();
    }

    bool empty() const { return m_pending.empty(); }
    std::size_t pendingRows() const { return m_pending.size() / std::size_t(m_columns); }

private:
    std::string placeholders(int rows) const {
        std::string row = "(";
        for (int c = 0; c < m_columns; ++c)
            row += c ? ",?" : "?";
        row += ")";
        std::string out;
        for (int r = 0; r < rows; ++r)
            out += (r ? "," : "") + row;
        return out;
    }
    void bindRow(Statement& st, int slot, std::size_t row) {
        for (int c = 0; c < m_columns; ++c) {
            const Value& v = m_pending[row * std::size_t(m_columns) + std::size_t(c)];
            const int index = slot * m_columns + c + 1;
            if (v.kind == Value::Int)
                st.bind(index, v.i);
            else if (v.kind == Value::Text)
                st.bind(index, v.s);
            else
                st.bindNull(index);
        }
    }
    void writeBlocks() {
        const std::size_t perBlock = std::size_t(m_block * m_columns);
        std::size_t done = 0;
        while (m_pending.size() - done >= perBlock) {
            for (int r = 0; r < m_block; ++r)
                bindRow(m_many, r, done / std::size_t(m_columns) + std::size_t(r));
            m_many.run();
            done += perBlock;
        }
        m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(done));
    }

    int m_columns;
    int m_block;
    Statement m_one;
    Statement m_many;
    std::vector<Value> m_pending;
};

} // namespace srw
