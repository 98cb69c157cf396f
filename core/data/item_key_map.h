#pragma once
// Internal to core/data: external item id -> item id, for ItemWriter.
//
// Why not std::unordered_map<std::string, int64_t>: an import looks up one item per event, and
// the node map's lookup (a bucket, then a node, each a likely cache miss, and a division by a
// prime) was a fifth of a YOOCHOOSE import's CPU time at 1M events. Here the table is a flat
// array probed linearly; a key of up to 16 bytes (every public dataset's item ids) is kept in its
// slot, so a lookup touches one cache line; longer keys live in an arena.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

class ItemKeyMap {
public:
    /** @brief The id stored for key, if any. */
    std::optional<std::int64_t> find(std::string_view key) const;
    /** @brief Stores key -> id; the key must not be present. */
    void insert(std::string_view key, std::int64_t id);
    std::size_t size() const { return m_size; }

private:
    static constexpr std::int64_t kEmpty = std::numeric_limits<std::int64_t>::min();
    static constexpr std::size_t kInline = 16;
    struct Slot {
        char key[kInline]; // the key if length <= kInline, else its arena offset
        std::int64_t id = kEmpty;
        std::uint32_t length = 0;
        std::uint32_t hash = 0; // high half of the key's hash: most mismatches end here
    };
    static std::uint64_t hashOf(std::string_view key);
    bool matches(const Slot& s, std::uint32_t hash, std::string_view key) const;
    void grow();

    std::vector<Slot> m_slots;
    std::string m_arena;
    std::size_t m_size = 0;
};

} // namespace srw
