#include "tokenizer_files.h"

#include "srw/util/file_util.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace srw::detail {

namespace {

// Caps checked before reading: the largest real vocab.txt (multilingual, 250k tokens) is ~5 MB
// and tokenizer.json ~20 MB, so bigger files are refused rather than read into memory.
constexpr std::uint64_t kMaxVocabBytes = 64u << 20;
constexpr std::uint64_t kMaxJsonBytes = 64u << 20;

std::string readWholeFile(const std::string& path, std::uint64_t maxBytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot open");
    const std::uint64_t size = fileSizeOrZero(path);
    if (size > maxBytes)
        throw InputError(path, 0, 0,
                         "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                             std::to_string(maxBytes) + " for this kind of file");
    std::string text;
    text.reserve(std::size_t(size));
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        // A file that grows while it is read (or a FIFO) is cut at the limit too.
        if (text.size() + std::size_t(in.gcount()) > maxBytes)
            throw InputError(path, 0, 0,
                             "the file is larger than the limit of " + std::to_string(maxBytes) +
                                 " bytes for this kind of file");
        text.append(buf, std::size_t(in.gcount()));
    }
    return text;
}

nlohmann::json readJsonFile(const std::string& path) {
    try {
        return nlohmann::json::parse(readWholeFile(path, kMaxJsonBytes));
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path, 0, 0, std::string("not valid JSON: ") + e.what());
    }
}

// Special tokens are saved either as a string or as an AddedToken object {"content": …}.
void readSpecial(const nlohmann::json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end())
        return;
    if (it->is_string())
        out = it->get<std::string>();
    else if (it->is_object() && it->contains("content") && (*it)["content"].is_string())
        out = (*it)["content"].get<std::string>();
}

void readBool(const nlohmann::json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it != j.end() && it->is_boolean())
        out = it->get<bool>();
}

} // namespace

std::vector<std::string> readVocabFile(const std::string& path) {
    const std::string text = readWholeFile(path, kMaxVocabBytes);
    const auto bad = findInvalidUtf8(text);
    std::vector<std::string> vocab;
    std::size_t start = 0;
    std::uint64_t line = 1;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        if (bad != std::string_view::npos && bad >= start && bad < end)
            throw InputError(path, line, bad - start + 1, "invalid UTF-8");
        std::size_t stop = end;
        if (stop > start && text[stop - 1] == '\r')
            --stop;
        vocab.emplace_back(text, start, stop - start);
        start = end + 1;
        ++line;
    }
    if (vocab.empty())
        throw InputError(path, 0, 0, "the vocabulary is empty");
    return vocab;
}

void writeVocabFile(const std::string& path, const std::vector<std::string>& vocab) {
    std::string out;
    for (const auto& t : vocab) {
        out += t;
        out.push_back('\n');
    }
    writeFileAtomically(path, out);
}

TokenizerOptions readTokenizerOptions(const std::string& dir) {
    TokenizerOptions opt;
    const std::string tj = dir + "/tokenizer.json";
    if (pathExists(tj)) {
        const auto j = readJsonFile(tj);
        auto n = j.find("normalizer");
        // find() rather than value(): value() throws type_error when "type" is not a string
        // (found by fuzzing).
        bool bert = false;
        if (n != j.end() && n->is_object()) {
            const auto type = n->find("type");
            bert = type != n->end() && type->is_string() &&
                   type->get<std::string>() == "BertNormalizer";
        }
        if (bert) {
            readBool(*n, "lowercase", opt.lowercase);
            readBool(*n, "handle_chinese_chars", opt.tokenizeChineseChars);
            auto sa = n->find("strip_accents");
            if (sa != n->end() && sa->is_boolean())
                opt.stripAccents = sa->get<bool>();
        }
        auto m = j.find("model");
        if (m != j.end() && m->is_object()) {
            auto mc = m->find("max_input_chars_per_word");
            if (mc != m->end() && mc->is_number_unsigned())
                opt.maxInputCharsPerWord = mc->get<std::size_t>();
            readSpecial(*m, "unk_token", opt.unkToken);
        }
    }
    const std::string tc = dir + "/tokenizer_config.json";
    if (pathExists(tc)) {
        const auto j = readJsonFile(tc);
        if (!j.is_object())
            throw InputError(tc, 0, 0, "not a JSON object");
        readBool(j, "do_lower_case", opt.lowercase);
        readBool(j, "tokenize_chinese_chars", opt.tokenizeChineseChars);
        auto sa = j.find("strip_accents");
        if (sa != j.end()) {
            if (sa->is_boolean())
                opt.stripAccents = sa->get<bool>();
            else if (sa->is_null())
                opt.stripAccents.reset();
        }
        auto ml = j.find("model_max_length");
        // transformers writes 1e30 for "no limit"; keep the default then.
        if (ml != j.end() && ml->is_number()) {
            const double v = ml->get<double>();
            if (v >= 2 && v <= 1e7)
                opt.modelMaxLength = static_cast<std::size_t>(v);
        }
        readSpecial(j, "unk_token", opt.unkToken);
        readSpecial(j, "sep_token", opt.sepToken);
        readSpecial(j, "pad_token", opt.padToken);
        readSpecial(j, "cls_token", opt.clsToken);
        readSpecial(j, "mask_token", opt.maskToken);
    }
    return opt;
}

void writeTokenizerConfig(const std::string& path, const TokenizerOptions& opt) {
    nlohmann::ordered_json j;
    j["tokenizer_class"] = "BertTokenizer";
    j["do_lower_case"] = opt.lowercase;
    j["tokenize_chinese_chars"] = opt.tokenizeChineseChars;
    if (opt.stripAccents)
        j["strip_accents"] = *opt.stripAccents;
    else
        j["strip_accents"] = nullptr;
    j["model_max_length"] = opt.modelMaxLength;
    j["unk_token"] = opt.unkToken;
    j["sep_token"] = opt.sepToken;
    j["pad_token"] = opt.padToken;
    j["cls_token"] = opt.clsToken;
    j["mask_token"] = opt.maskToken;
    j["clean_up_tokenization_spaces"] = true;
    writeFileAtomically(path, j.dump(2) + "\n");
}

} // namespace srw::detail
