#include "item_key_map.h"

#include <cstring>
#include <stdexcept>

namespace srw {

std::uint64_t ItemKeyMap::hashOf(std::string_view key) {
    // Eight bytes at a time, each word mixed by a multiply and a shift; the length seeds it so
    // that keys differing only by trailing zero bytes differ.
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = key.size() * kMul;
    const char* p = key.data();
    std::size_t n = key.size();
    for (; n >= 8; n -= 8, p += 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

bool ItemKeyMap::matches(const Slot& s, std::uint32_t hash, std::string_view key) const {
    if (s.hash != hash || s.length != key.size())
        return false;
    if (key.size() <= kInline)
        return std::memcmp(s.key, key.data(), key.size()) == 0;
    std::uint64_t offset;
    std::memcpy(&offset, s.key, sizeof offset);
    return std::memcmp(m_arena.data() + offset, key.data(), key.size()) == 0;
}

std::optional<std::int64_t> ItemKeyMap::find(std::string_view key) const {
    if (m_slots.empty())
        return std::nullopt;
    const std::uint64_t h = hashOf(key);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
        const Slot& s = m_slots[i];
        if (s.id == kEmpty)
            return std::nullopt;
        if (matches(s, std::uint32_t(h >> 32), key))
            return s.id;
    }
}

void ItemKeyMap::insert(std::string_view key, std::int64_t id) {
    if (id == kEmpty)
        throw std::invalid_argument("ItemKeyMap: reserved id");
    if (key.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("ItemKeyMap: a key longer than 4 GiB");
    // At most 3/4 full: linear probing stays short, and the table stays small enough to cache.
    if ((m_size + 1) * 4 > m_slots.size() * 3)
        grow();
    const std::uint64_t h = hashOf(key);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = std::size_t(h) & mask;
    while (m_slots[i].id != kEmpty)
        i = (i + 1) & mask;
    Slot& s = m_slots[i];
    s.id = id;
    s.length = std::uint32_t(key.size());
    s.hash = std::uint32_t(h >> 32);
    if (key.size() <= kInline) {
        std::memcpy(s.key, key.data(), key.size());
    } else {
        const std::uint64_t offset = m_arena.size();
        std::memcpy(s.key, &offset, sizeof offset);
        m_arena.append(key.data(), key.size());
    }
    ++m_size;
}

void ItemKeyMap::grow() {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.id == kEmpty)
            continue;
        // The slot keeps only the high half of the hash; the low half places it.
        std::string_view key = s.length <= kInline ? std::string_view(s.key, s.length)
                                                   : std::string_view(m_arena).substr(
                                                         [&] {
                                                             std::uint64_t o;
                                                             std::memcpy(&o, s.key, sizeof o);
                                                             return std::size_t(o);
                                                         }(),
                                                         s.length);
        std::size_t i = std::size_t(hashOf(key)) & mask;
        while (m_slots[i].id != kEmpty)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

} // namespace srw
