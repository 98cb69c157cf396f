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
    /** @brief Which compression function to use; Auto takes the CPU's SHA extensions if present. */
    enum class Engine { Auto, Portable };
    Sha256() : Sha256(Engine::Auto) {}
    explicit Sha256(Engine engine);
    /** @brief True when this CPU has the SHA extensions (SHA-NI) that Engine::Auto uses. */
    static bool hardwareAvailable();
    void update(const void* data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<std::uint8_t, 32> digest();
    std::string hexDigest();

private:
    void blocks(const std::uint8_t* p, std::size_t count);
    std::array<std::uint32_t, 8> m_h;
    std::array<std::uint8_t, 64> m_buf{};
    std::size_t m_bufLen = 0;
    std::uint64_t m_total = 0;
    bool m_done = false;
    bool m_hardware = false;
};

std::string sha256Hex(std::string_view data);
/** @brief Streams the file through SHA-256; throws std::runtime_error if unreadable. */
std::string sha256File(const std::string& path);

} // namespace srw
