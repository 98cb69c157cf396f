#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

/** @brief A safetensors file is malformed, unsupported or unreadable; the message names the file. */
class SafeTensorsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief The element types srw reads and writes (others are refused with a clear message). */
enum class DType { F32, F16, BF16 };

const char* dtypeName(DType t);
std::size_t dtypeSize(DType t);

/** @brief One tensor's entry in the header; begin/end are byte offsets into the data section. */
struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t numel = 0;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

/** @brief Caps that keep a hostile file from exhausting memory. */
struct SafeTensorsLimits {
    std::uint64_t maxFileBytes = std::uint64_t(16) << 30;
    std::uint64_t maxHeaderBytes = 100'000'000; ///< the reference implementation's own cap
};

/**
 * @brief A parsed, fully validated safetensors file held in memory.
 *
 * The file is untrusted: the header length is checked against the file size and the cap, the
 * header must be a JSON object, every dtype known, every shape free of overflow and consistent with
 * its byte span, and the spans must tile the data section exactly (sorted, no overlap, no gap, no
 * trailing bytes). Any violation throws SafeTensorsError naming the file and the tensor.
 */
class SafeTensorsFile {
public:
    /** @brief Reads and validates a file. Pickle checkpoints (.bin, .pt…) are refused with a
     * message on how to convert them. */
    static SafeTensorsFile read(const std::string& path, const SafeTensorsLimits& limits = {});
    /** @brief Validates bytes already in memory; name is used in messages only. */
    static SafeTensorsFile parse(std::string bytes, const std::string& name,
                                 const SafeTensorsLimits& limits = {});

    /** @brief All tensors, sorted by name. */
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    /** @brief The tensor of that name, or nullptr. */
    const TensorInfo* find(std::string_view name) const;
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    const std::string& name() const { return m_name; }
    /** @brief The tensor's raw little-endian bytes. */
    std::string_view rawData(const TensorInfo& t) const;
    /** @brief The tensor's values upcast to float (exact for F16 and BF16). */
    std::vector<float> toFloat32(const TensorInfo& t) const;

private:
    std::string m_name;
    std::string m_bytes;
    std::size_t m_dataStart = 0;
    std::vector<TensorInfo> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

/** @brief A tensor to write: bytes must hold exactly numel × dtypeSize little-endian values. */
struct TensorToWrite {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::string_view bytes;
};

/**
 * @brief Serialises tensors the way Python's safetensors does: names sorted, data contiguous in
 * that order, header padded with spaces to a multiple of 8, "__metadata__" first.
 */
std::string serializeSafeTensors(std::vector<TensorToWrite> tensors,
                                 const std::map<std::string, std::string>& metadata = {
                                     {"format", "pt"}});
/** @brief serializeSafeTensors() written atomically to path. */
void writeSafeTensors(const std::string& path, std::vector<TensorToWrite> tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

/** @brief Throws SafeTensorsError if path is a pickle checkpoint (by name or by content),
 * explaining how to convert it to safetensors. */
void refusePickleCheckpoint(const std::string& path);

} // namespace srw
