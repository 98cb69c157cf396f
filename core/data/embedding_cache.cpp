#include "srw/data/embedding_cache.h"

#include "srw/util/sha256.h"

#include <cstring>
#include <unordered_map>

namespace srw {

EmbeddingCache::EmbeddingCache(SessionStore& store, std::string encoderKey)
    : m_store(store), m_key(std::move(encoderKey)) {}

std::string EmbeddingCache::textHash(const std::string& text) {
    return sha256Hex(text).substr(0, 32);
}

std::vector<std::size_t> EmbeddingCache::lookup(const std::vector<ItemText>& items,
                                                std::size_t dim, std::vector<float>& vectors) {
    vectors.assign(items.size() * dim, 0.0f);
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i)
        index.emplace(items[i].itemId, i);
    std::vector<bool> found(items.size(), false);
    Statement st = m_store.db().prepare(
        "SELECT item_id, text_hash, dim, vector FROM embedding_cache WHERE encoder = ?");
    st.bind(1, m_key);
    while (st.step()) {
        auto it = index.find(st.getInt(0));
        if (it == index.end() || std::size_t(st.getInt(2)) != dim)
            continue;
        const ItemText& item = items[it->second];
        if (st.getTextView(1) != textHash(item.text))
            continue;
        std::string_view blob = st.getTextView(3);
        if (blob.size() != dim * sizeof(float))
            continue;
        std::memcpy(vectors.data() + it->second * dim, blob.data(), blob.size());
        found[it->second] = true;
    }
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!found[i])
            missing.push_back(i);
    return missing;
}

void EmbeddingCache::store(const std::vector<ItemText>& items, const std::vector<std::size_t>& which,
                           const std::vector<float>& rows, std::size_t dim) {
    Database& db = m_store.db();
    Transaction tx(db);
    Statement st = db.prepare(
        "INSERT OR REPLACE INTO embedding_cache(encoder, item_id, text_hash, dim, vector)"
        " VALUES(?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < which.size(); ++i) {
        const ItemText& item = items[which[i]];
        std::string_view blob(reinterpret_cast<const char*>(rows.data() + i * dim),
                              dim * sizeof(float));
        st.bind(1, m_key).bind(2, item.itemId).bind(3, textHash(item.text))
            .bind(4, std::int64_t(dim));
        st.bindBlob(5, blob);
        st.run();
    }
    tx.commit();
}

std::int64_t EmbeddingCache::size() {
    Statement st = m_store.db().prepare("SELECT count(*) FROM embedding_cache WHERE encoder = ?");
    st.bind(1, m_key);
    st.step();
    return st.getInt(0);
}

} // namespace srw
