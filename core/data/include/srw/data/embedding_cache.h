#pragma once
#include "srw/data/item_texts.h"

#include <string>
#include <vector>

namespace srw {

/**
 * @brief Item vectors of one encoder, stored in the workspace and keyed by (encoder key, item,
 * text hash): a vector is returned only while the item's text is the one it was computed from,
 * so a stale entry is never used.
 */
class EmbeddingCache {
public:
    /** @param encoderKey the encoder's fingerprint plus whatever else shapes its vectors
     *                    (pooling, maximum length) */
    EmbeddingCache(SessionStore& store, std::string encoderKey);

    /**
     * @brief Fills vectors (items.size() x dim, row-major) from the cache.
     * @return the indices of items that were missing or stale, to be encoded and stored.
     */
    std::vector<std::size_t> lookup(const std::vector<ItemText>& items, std::size_t dim,
                                    std::vector<float>& vectors);
    /** @brief Stores the vectors of items[which[i]] = rows[i] (replacing stale entries). */
    void store(const std::vector<ItemText>& items, const std::vector<std::size_t>& which,
               const std::vector<float>& rows, std::size_t dim);
    /** @brief Cached entries of this encoder. */
    std::int64_t size();

    static std::string textHash(const std::string& text);

private:
    SessionStore& m_store;
    std::string m_key;
};

} // namespace srw
