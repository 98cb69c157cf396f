#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace srw {

/** @brief Incremental SHA-256 (FIPS 180-4); used to fingerprint source files and data. */
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<std::uint8_t, 32> digest();
    std::string hexDigest();

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> m_h;
    std::array<std::uint8_t, 64> m_buf{};
    std::size_t m_bufLen = 0;
    std::uint64_t m_total = 0;
    bool m_done = false;
};

std::string sha256Hex(std::string_view data);
/** @brief Streams the file through SHA-256; throws std::runtime_error if unreadable. */
std::string sha256File(const std::string& path);

} // namespace srw
