#include "srw/text/safetensors.h"

#include "srw/util/file_util.h"
#include "srw/util/atomic_file.h"
#include "srw/util/text_utils.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

namespace srw {

namespace {

[[noreturn]] void fail(const std::string& name, const std::string& problem) {
    throw SafeTensorsError(name + ": " + problem);
}

bool hostIsLittleEndian() {
    const std::uint16_t one = 1;
    unsigned char b;
    std::memcpy(&b, &one, 1);
    return b == 1;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

bool parseDType(const std::string& s, DType& out) {
    if (s == "F32")
        out = DType::F32;
    else if (s == "F16")
        out = DType::F16;
    else if (s == "BF16")
        out = DType::BF16;
    else
        return false;
    return true;
}

bool isKnownDType(const std::string& s) {
    static const char* known[] = {"F64", "I64", "U64", "I32", "U32", "I16", "U16",
                                  "I8",  "U8",  "BOOL", "F8_E4M3", "F8_E5M2", "C64"};
    return std::find_if(std::begin(known), std::end(known),
                        [&](const char* k) { return s == k; }) != std::end(known);
}

float halfToFloat(std::uint16_t h) {
    const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1Fu;
    const std::uint32_t mant = h & 0x3FFu;
    std::uint32_t bits;
    if (exp == 0) {
        // Zero or subnormal: exactly mant · 2^-24, representable in float.
        const float v = std::ldexp(float(mant), -24);
        return sign ? -v : v;
    } else if (exp == 31) {
        bits = sign | 0x7F800000u | (mant << 13);
    } else {
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

std::string conversionHint(const std::string& path) {
    return path +
           ": this is a pickle checkpoint (PyTorch's torch.save format), which srw does not load "
           "because unpickling can run arbitrary code. Convert it once in Python to "
           "model.safetensors, e.g. with transformers: "
           "AutoModel.from_pretrained(DIR).save_pretrained(DIR, safe_serialization=True), or with "
           "safetensors: import torch; from safetensors.torch import save_file; "
           "sd = torch.load('pytorch_model.bin', map_location='cpu', weights_only=True); "
           "save_file({k: v.contiguous().clone() for k, v in sd.items()}, 'model.safetensors', "
           "metadata={'format': 'pt'})";
}

} // namespace

const char* dtypeName(DType t) {
    switch (t) {
    case DType::F32:
        return "F32";
    case DType::F16:
        return "F16";
    case DType::BF16:
        return "BF16";
    }
    return "?";
}

std::size_t dtypeSize(DType t) { return t == DType::F32 ? 4 : 2; }

void refusePickleCheckpoint(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".ckpt" || ext == ".pkl")
        throw SafeTensorsError(conversionHint(path));
    std::ifstream in(path, std::ios::binary);
    unsigned char head[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char*>(head), 4);
    // torch.save writes a zip archive (PK\3\4) since 1.6, a bare pickle (0x80, protocol 2–5) before.
    const bool zip = in.gcount() == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 &&
                     head[3] == 4;
    const bool pickle = in.gcount() >= 2 && head[0] == 0x80 && head[1] >= 2 && head[1] <= 5;
    if (zip || pickle)
        throw SafeTensorsError(conversionHint(path));
}

SafeTensorsFile SafeTensorsFile::read(const std::string& path, const SafeTensorsLimits& limits) {
    refusePickleCheckpoint(path);
    std::uint64_t size = 0;
    try {
        size = regularFileSize(path);
    } catch (const std::runtime_error& e) {
        throw SafeTensorsError(e.what());
    }
    if (size > limits.maxFileBytes)
        fail(path, "file is " + std::to_string(size) + " bytes, over the limit of " +
                       std::to_string(limits.maxFileBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, "cannot open");
    // Check the header length before allocating the whole file: a truncated or foreign file of
    // gigabytes is refused without reading it into memory.
    if (size >= 8) {
        unsigned char len[8];
        in.read(reinterpret_cast<char*>(len), 8);
        std::uint64_t n = 0;
        for (int i = 7; i >= 0; --i)
            n = (n << 8) | len[i];
        if (in.gcount() == 8 && n > limits.maxHeaderBytes)
            fail(path, "header length " + std::to_string(n) + " is too large (limit " +
                           std::to_string(limits.maxHeaderBytes) + " bytes)");
        if (in.gcount() == 8 && n > size - 8)
            fail(path, "header length " + std::to_string(n) + " runs past the end of the file (" +
                           std::to_string(size) + " bytes); truncated?");
        in.seekg(0);
    }
    std::string bytes(std::size_t(size), '\0');
    in.read(bytes.data(), std::streamsize(size));
    if (std::uint64_t(in.gcount()) != size)
        fail(path, "short read");
    return parse(std::move(bytes), path, limits);
}

SafeTensorsFile SafeTensorsFile::parse(std::string bytes, const std::string& name,
                                       const SafeTensorsLimits& limits) {
    if (!hostIsLittleEndian())
        fail(name, "big-endian hosts are not supported");
    SafeTensorsFile f;
    f.m_name = name;
    const std::uint64_t fileSize = bytes.size();
    if (fileSize > limits.maxFileBytes)
        fail(name, "file is " + std::to_string(fileSize) + " bytes, over the limit of " +
                       std::to_string(limits.maxFileBytes));
    if (fileSize < 8)
        fail(name, "file is too short (" + std::to_string(fileSize) +
                       " bytes) to hold the 8-byte header length; truncated?");
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | static_cast<unsigned char>(bytes[std::size_t(i)]);
    if (n > limits.maxHeaderBytes)
        fail(name, "header length " + std::to_string(n) + " is too large (limit " +
                       std::to_string(limits.maxHeaderBytes) + " bytes)");
    if (n > fileSize - 8)
        fail(name, "header length " + std::to_string(n) + " runs past the end of the file (" +
                       std::to_string(fileSize) + " bytes); truncated?");
    const std::string_view header(bytes.data() + 8, std::size_t(n));
    if (header.empty() || header.front() != '{')
        fail(name, "header is not valid JSON: it must be an object starting with '{'");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(header);
    } catch (const nlohmann::json::exception& e) {
        fail(name, std::string("header is not valid JSON: ") + e.what());
    }
    if (!j.is_object())
        fail(name, "header is not valid JSON: not an object");

    const std::uint64_t dataSize = fileSize - 8 - n;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const auto& v = it.value();
        if (key == "__metadata__") {
            if (!v.is_object())
                fail(name, "__metadata__ is not an object");
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string())
                    fail(name, "__metadata__ value of " + quoteForMessage(m.key()) +
                                   " is not a string");
                f.m_metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string t = "tensor " + quoteForMessage(key, 80);
        if (!v.is_object())
            fail(name, t + ": entry is not an object");
        auto dt = v.find("dtype");
        auto sh = v.find("shape");
        auto off = v.find("data_offsets");
        if (dt == v.end() || !dt->is_string() || sh == v.end() || !sh->is_array() ||
            off == v.end() || !off->is_array())
            fail(name, t + ": needs string \"dtype\", array \"shape\" and \"data_offsets\"");
        TensorInfo info;
        info.name = key;
        const std::string dts = dt->get<std::string>();
        if (!parseDType(dts, info.dtype)) {
            if (isKnownDType(dts))
                fail(name, t + " has dtype " + dts +
                               ", which srw does not read (F32, F16 and BF16 only)");
            fail(name, t + " has an unknown dtype " + quoteForMessage(dts));
        }
        std::uint64_t numel = 1;
        for (const auto& d : *sh) {
            if (!d.is_number_unsigned())
                fail(name, t + ": shape entries must be non-negative integers");
            const std::uint64_t dim = d.get<std::uint64_t>();
            if (dim > std::uint64_t(INT64_MAX) || __builtin_mul_overflow(numel, dim, &numel))
                fail(name, t + ": shape " + sh->dump() + " overflows");
            info.shape.push_back(std::int64_t(dim));
        }
        info.numel = numel;
        if (off->size() != 2 || !(*off)[0].is_number_unsigned() ||
            !(*off)[1].is_number_unsigned())
            fail(name, t + ": data_offsets must be two non-negative integers");
        info.begin = (*off)[0].get<std::uint64_t>();
        info.end = (*off)[1].get<std::uint64_t>();
        if (info.end < info.begin)
            fail(name, t + ": data_offsets end before they begin");
        if (info.end > dataSize)
            fail(name, t + ": data_offsets [" + std::to_string(info.begin) + ", " +
                           std::to_string(info.end) + "] run past the end of the data (" +
                           std::to_string(dataSize) + " bytes); truncated?");
        std::uint64_t want = 0;
        const bool tooBig =
            __builtin_mul_overflow(numel, std::uint64_t(dtypeSize(info.dtype)), &want);
        if (tooBig || want != info.end - info.begin)
            fail(name, t + " has shape " + shapeText(info.shape) + " and dtype " + dts +
                           ", which need " + (tooBig ? "too many" : std::to_string(want)) +
                           " bytes, but its data_offsets span " +
                           std::to_string(info.end - info.begin));
        f.m_tensors.push_back(std::move(info));
    }

    std::vector<const TensorInfo*> byOffset;
    for (const auto& t : f.m_tensors)
        byOffset.push_back(&t);
    std::sort(byOffset.begin(), byOffset.end(), [](const TensorInfo* a, const TensorInfo* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    std::uint64_t pos = 0;
    const TensorInfo* prev = nullptr;
    for (const TensorInfo* t : byOffset) {
        if (t->begin < pos)
            fail(name, "tensors " + quoteForMessage(prev->name, 80) + " and " +
                           quoteForMessage(t->name, 80) + " overlap in the data section");
        if (t->begin > pos)
            fail(name, std::to_string(t->begin - pos) + " unused bytes before tensor " +
                           quoteForMessage(t->name, 80) + " (the data must be contiguous)");
        pos = t->end;
        prev = t;
    }
    if (pos != dataSize)
        fail(name, std::to_string(dataSize - pos) +
                       " bytes after the last tensor are not described by the header");

    std::sort(f.m_tensors.begin(), f.m_tensors.end(),
              [](const TensorInfo& a, const TensorInfo& b) { return a.name < b.name; });
    f.m_dataStart = std::size_t(8 + n);
    f.m_bytes = std::move(bytes);
    return f;
}

const TensorInfo* SafeTensorsFile::find(std::string_view name) const {
    auto it = std::lower_bound(m_tensors.begin(), m_tensors.end(), name,
                               [](const TensorInfo& t, std::string_view n) { return t.name < n; });
    return it != m_tensors.end() && it->name == name ? &*it : nullptr;
}

std::string_view SafeTensorsFile::rawData(const TensorInfo& t) const {
    return std::string_view(m_bytes).substr(m_dataStart + std::size_t(t.begin),
                                            std::size_t(t.end - t.begin));
}

std::vector<float> SafeTensorsFile::toFloat32(const TensorInfo& t) const {
    const std::string_view raw = rawData(t);
    std::vector<float> out(std::size_t(t.numel));
    if (t.dtype == DType::F32) {
        if (!raw.empty())
            std::memcpy(out.data(), raw.data(), raw.size());
        return out;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        std::uint16_t h;
        std::memcpy(&h, raw.data() + 2 * i, 2);
        if (t.dtype == DType::F16) {
            out[i] = halfToFloat(h);
        } else {
            const std::uint32_t bits = std::uint32_t(h) << 16; // bf16 is float's top half
            std::memcpy(&out[i], &bits, 4);
        }
    }
    return out;
}

std::string serializeSafeTensors(std::vector<TensorToWrite> tensors,
                                 const std::map<std::string, std::string>& metadata) {
    std::sort(tensors.begin(), tensors.end(),
              [](const TensorToWrite& a, const TensorToWrite& b) { return a.name < b.name; });
    std::string header = "{";
    if (!metadata.empty())
        header += "\"__metadata__\":" + nlohmann::json(metadata).dump();
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const auto& t = tensors[i];
        if (t.name.empty() || t.name == "__metadata__" ||
            (i > 0 && tensors[i - 1].name == t.name))
            throw SafeTensorsError("safetensors writer: bad or repeated tensor name " +
                                   quoteForMessage(t.name));
        std::uint64_t numel = 1;
        for (auto d : t.shape) {
            if (d < 0)
                throw SafeTensorsError("safetensors writer: negative dimension in " + t.name);
            numel *= std::uint64_t(d);
        }
        if (numel * dtypeSize(t.dtype) != t.bytes.size())
            throw SafeTensorsError("safetensors writer: tensor " + t.name + " has shape " +
                                   shapeText(t.shape) + " but " +
                                   std::to_string(t.bytes.size()) + " bytes");
        nlohmann::ordered_json e;
        e["dtype"] = dtypeName(t.dtype);
        e["shape"] = t.shape;
        e["data_offsets"] = {offset, offset + t.bytes.size()};
        if (header.size() > 1)
            header += ",";
        header += nlohmann::json(t.name).dump() + ":" + e.dump();
        offset += t.bytes.size();
    }
    header += "}";
    // Python's writer pads with spaces so that the data starts 8-byte aligned.
    while ((8 + header.size()) % 8 != 0)
        header += ' ';
    std::string out;
    out.reserve(8 + header.size() + std::size_t(offset));
    std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i)
        out.push_back(char((n >> (8 * i)) & 0xFF));
    out += header;
    for (const auto& t : tensors)
        out.append(t.bytes.data(), t.bytes.size());
    return out;
}

void writeSafeTensors(const std::string& path, std::vector<TensorToWrite> tensors,
                      const std::map<std::string, std::string>& metadata) {
    writeFileAtomically(path, serializeSafeTensors(std::move(tensors), metadata));
}

} // namespace srw
