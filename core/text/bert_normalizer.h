#pragma once
// Internal to srw_tokenizer: the Unicode steps of BERT's tokenizer, shared by the tokenizer and the
// vocabulary trainer so that both see exactly the same words.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace srw::detail {

struct NormalizerOptions {
    bool cleanText = true;
    bool chineseChars = true;
    bool stripAccents = true;
    bool lowercase = true;
};

/** Decodes UTF-8 leniently: every invalid byte becomes U+FFFD, which cleaning then drops. */
void decodeUtf8(std::string_view s, std::u32string& out);
void appendUtf8(char32_t cp, std::string& out);

bool isBertWhitespace(char32_t c);
bool isBertControl(char32_t c);
bool isBertPunctuation(char32_t c);
bool isCjkIdeograph(char32_t c);

/**
 * Hugging Face's BertNormalizer, in its order: clean text, pad CJK ideographs with spaces, strip
 * accents (NFD, drop Mn), lower-case. out is overwritten.
 */
void normalize(const std::u32string& in, const NormalizerOptions& opt, std::u32string& out);

/** BertPreTokenizer: splits on whitespace (dropped) and isolates each punctuation character. */
void preTokenize(const std::u32string& text, std::vector<std::pair<std::size_t, std::size_t>>& words);

} // namespace srw::detail
