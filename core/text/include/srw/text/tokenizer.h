#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

/** @brief Settings of a BERT tokenizer, as in Hugging Face's tokenizer_config.json. */
struct TokenizerOptions {
    bool lowercase = true;                  ///< do_lower_case
    std::optional<bool> stripAccents;       ///< strip_accents; unset: follows lowercase
    bool tokenizeChineseChars = true;       ///< tokenize_chinese_chars
    std::size_t modelMaxLength = 512;       ///< model_max_length: the default truncation length
    std::size_t maxInputCharsPerWord = 100; ///< longer words become one [UNK]
    std::string unkToken = "[UNK]";
    std::string sepToken = "[SEP]";
    std::string padToken = "[PAD]";
    std::string clsToken = "[CLS]";
    std::string maskToken = "[MASK]";
};

/** @brief How encode() pads: not at all, to the longest in the batch, or to maxLength. */
enum class Padding { None, Longest, MaxLength };

/** @brief Options of one encode call. */
struct EncodeOptions {
    bool addSpecialTokens = true; ///< [CLS] A [SEP] (B [SEP])
    bool truncate = true;         ///< longest-first truncation to maxLength (specials included)
    std::size_t maxLength = 0;    ///< 0: the tokenizer's modelMaxLength
    Padding padding = Padding::None;
    bool withTokens = true; ///< fill Encoding::tokens (ids alone are faster)
};

/** @brief One encoded text (or pair): parallel arrays, special tokens and padding included. */
struct Encoding {
    std::vector<std::int32_t> ids;
    std::vector<std::string> tokens; ///< empty when EncodeOptions::withTokens is false
    std::vector<std::int32_t> typeIds;
    std::vector<std::int32_t> attentionMask;
};

/**
 * @brief Hugging Face-compatible BERT WordPiece tokenizer (BertNormalizer, BertPreTokenizer,
 * WordPiece, the [CLS]/[SEP] template).
 *
 * Special tokens written literally in a text ("[MASK]") are matched, case-sensitively, before
 * normalisation. Copies are cheap (the vocabulary is shared and immutable); all const members are
 * safe to call from several threads.
 */
class Tokenizer {
public:
    /** @brief Builds from vocabulary lines (id = index). Throws std::runtime_error if a special
     * token is missing or the vocabulary is empty. */
    Tokenizer(std::vector<std::string> vocab, TokenizerOptions options = {});

    /** @brief Reads dir/vocab.txt and, when present, dir/tokenizer_config.json (or the
     * normalizer of dir/tokenizer.json). Throws std::runtime_error naming the file. */
    static Tokenizer fromDirectory(const std::string& dir);
    /** @brief Reads a vocab.txt file (one token a line). */
    static Tokenizer fromVocabFile(const std::string& path, TokenizerOptions options = {});

    /** @brief Writes dir/vocab.txt and dir/tokenizer_config.json (dir must exist). */
    void save(const std::string& dir) const;

    Encoding encode(std::string_view text, const EncodeOptions& options = {}) const;
    Encoding encodePair(std::string_view text, std::string_view pair,
                        const EncodeOptions& options = {}) const;
    /** @brief Encodes each text; Padding::Longest pads all to the longest. */
    std::vector<Encoding> encodeBatch(const std::vector<std::string>& texts,
                                      const EncodeOptions& options = {}) const;

    /** @brief WordPiece ids of a text without special tokens, truncation or padding. */
    std::vector<std::int32_t> tokenizeToIds(std::string_view text) const;
    /** @brief The WordPiece tokens of a text without special tokens ("head", "##phones"). */
    std::vector<std::string> tokenize(std::string_view text) const;
    /** @brief Joins tokens back into text: "##" pieces glued, special tokens skipped. */
    std::string decode(const std::vector<std::int32_t>& ids) const;

    std::size_t vocabSize() const;
    /** @brief The id of a token, or -1. */
    std::int32_t tokenToId(std::string_view token) const;
    /** @brief The token of an id; throws std::out_of_range. */
    const std::string& idToToken(std::int32_t id) const;
    const std::vector<std::string>& vocab() const;
    const TokenizerOptions& options() const;
    std::int32_t padId() const;
    std::int32_t unkId() const;
    std::int32_t clsId() const;
    std::int32_t sepId() const;
    std::int32_t maskId() const;
    /** @brief True for [PAD] [UNK] [CLS] [SEP] [MASK]. */
    bool isSpecialId(std::int32_t id) const;

    struct Data;

private:
    explicit Tokenizer(std::shared_ptr<const Data> d) : m_d(std::move(d)) {}
    std::shared_ptr<const Data> m_d;
};

} // namespace srw
