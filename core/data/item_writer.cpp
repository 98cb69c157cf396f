#include "item_writer.h"

#include <limits>

namespace srw {
namespace {
// Collected texts above this are written out; later changes to those items go through SQL.
constexpr std::size_t kMaxPendingBytes = 16u << 20;
constexpr std::size_t kMaxPendingItems = 1u << 20;
} // namespace

ItemWriter::ItemWriter(Database& db, std::int64_t datasetId)
    : m_db(db), m_datasetId(datasetId),
      m_insert(db, "INSERT OR FAIL INTO items(id, dataset_id, external_id, title, description, category,"
                   " attributes)", 7, 128),
      m_bareInsert(db.prepare("INSERT INTO items(dataset_id, external_id) VALUES(?, ?)")),
      m_upsert(db.prepare(
          "INSERT INTO items(dataset_id, external_id, title, description, category, attributes)"
          " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(dataset_id, external_id) DO UPDATE SET"
          " title = coalesce(excluded.title, title),"
          " description = coalesce(excluded.description, description),"
          " category = coalesce(excluded.category, category),"
          " attributes = coalesce(excluded.attributes, attributes)")) {
    Statement items = m_db.prepare("SELECT external_id, id FROM items WHERE dataset_id = ?");
    items.bind(1, m_datasetId);
    while (items.step())
        m_ids.insert(items.getText(0), items.getInt(1));
    // SQLite gives a new row the largest id + 1 unless that overflows; only then let it choose.
    const std::int64_t maxId = m_db.queryInt("SELECT coalesce(max(id), 0) FROM items");
    m_numberHere = maxId < std::numeric_limits<std::int64_t>::max() / 2;
    m_pendingBase = maxId + 1;
}

std::int64_t ItemWriter::id(std::string_view externalId) {
    if (auto id = m_ids.find(externalId))
        return *id;
    return create(std::string(externalId));
}

std::int64_t ItemWriter::create(std::string key) {
    std::int64_t id;
    if (m_numberHere) {
        id = m_pendingBase + std::int64_t(m_pending.size());
        m_pending.push_back({key, {}, {}, {}, {}});
        m_pendingBytes += key.size();
    } else {
        m_bareInsert.bind(1, m_datasetId).bind(2, key).run();
        id = m_db.lastInsertRowId();
    }
    m_ids.insert(key, id);
    ++m_newItems;
    if (m_pending.size() >= kMaxPendingItems || m_pendingBytes >= kMaxPendingBytes)
        flush();
    return id;
}

void ItemWriter::setField(std::optional<std::string>& slot,
                          std::optional<std::string_view> value) {
    if (!value)
        return;
    m_pendingBytes += value->size();
    slot.emplace(*value);
}

void ItemWriter::upsert(std::string_view externalId, std::optional<std::string_view> title,
                        std::optional<std::string_view> description,
                        std::optional<std::string_view> category,
                        std::optional<std::string_view> attributes) {
    std::int64_t id = m_ids.find(externalId).value_or(-1);
    if (id < 0 && m_numberHere)
        id = create(std::string(externalId));
    if (id >= m_pendingBase && m_numberHere) {
        Pending& p = m_pending[std::size_t(id - m_pendingBase)];
        setField(p.title, title);
        setField(p.description, description);
        setField(p.category, category);
        setField(p.attributes, attributes);
        if (m_pendingBytes >= kMaxPendingBytes)
            flush();
        return;
    }
    // A stored item (or one SQLite numbers): the same upsert the rows would get one by one.
    m_upsert.bind(1, m_datasetId)
        .bind(2, externalId)
        .bind(3, title)
        .bind(4, description)
        .bind(5, category)
        .bind(6, attributes)
        .run();
    if (id < 0) {
        Statement q = m_db.prepare("SELECT id FROM items WHERE dataset_id = ? AND external_id = ?");
        q.bind(1, m_datasetId).bind(2, externalId);
        q.step();
        m_ids.insert(externalId, q.getInt(0));
        ++m_newItems;
    }
}

void ItemWriter::flush() {
    std::int64_t id = m_pendingBase;
    for (const Pending& p : m_pending) {
        m_insert.add(id++).add(m_datasetId).add(std::string_view(p.key)).add(p.title)
            .add(p.description).add(p.category).add(p.attributes);
        // Bounded: the texts are copied into the block's buffer, written a block at a time.
        m_insert.writeFullBlocks();
    }
    m_insert.flush();
    m_pendingBase = id;
    m_pending.clear();
    m_pendingBytes = 0;
}

} // namespace srw
