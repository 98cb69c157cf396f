#pragma once
// Internal to core/data: the items of one dataset during an import.
//
// Why: an import meets each new item once among millions of rows; inserting it there costs a
// statement and a b-tree search, and YOOCHOOSE's categories, known only at the end, cost a
// second (upsert) statement per item. New items are instead numbered here as SQLite would
// number them (largest id + 1, in order of appearance), collect their fields, and are written
// in id order in multi-row blocks: the same rows, a fraction of the work. Memory stays bounded
// by the catalogue (the id map holds every key anyway) and by a cap on the collected texts.
#include "batch_insert.h"
#include "item_key_map.h"
#include "srw/data/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

class ItemWriter {
public:
    /** @brief Loads the dataset's item ids. */
    ItemWriter(Database& db, std::int64_t datasetId);

    /** @brief The item's id, creating a bare item when the dataset has none by that id. */
    std::int64_t id(std::string_view externalId);

    /** @brief Sets an item's fields (creating it if needed); absent fields are kept. */
    void upsert(std::string_view externalId, std::optional<std::string_view> title,
                std::optional<std::string_view> description,
                std::optional<std::string_view> category,
                std::optional<std::string_view> attributes);

    /** @brief Writes the new items collected so far. */
    void flush();

    std::uint64_t newItems() const { return m_newItems; }

private:
    struct Pending {
        std::string key;
        std::optional<std::string> title, description, category, attributes;
    };
    std::int64_t create(std::string key);
    void setField(std::optional<std::string>& slot, std::optional<std::string_view> value);

    Database& m_db;
    std::int64_t m_datasetId;
    ItemKeyMap m_ids;
    bool m_numberHere = true;     // false: ids near the top of the range, SQLite picks them
    std::int64_t m_pendingBase;   // id of m_pending.front()
    std::vector<Pending> m_pending;
    std::size_t m_pendingBytes = 0;
    std::uint64_t m_newItems = 0;
    BatchInsert m_insert;
    Statement m_bareInsert, m_upsert;
};

} // namespace srw
