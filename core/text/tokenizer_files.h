#pragma once
// Internal to srw_tokenizer: reading and writing the Hugging Face tokenizer files.
#include "srw/text/tokenizer.h"

#include <string>
#include <vector>

namespace srw::detail {

/** One token a line, id = line number; throws srw::InputError for invalid UTF-8. */
std::vector<std::string> readVocabFile(const std::string& path);
void writeVocabFile(const std::string& path, const std::vector<std::string>& vocab);

/** Defaults, overridden by tokenizer.json's normalizer, overridden by tokenizer_config.json. */
TokenizerOptions readTokenizerOptions(const std::string& dir);
void writeTokenizerConfig(const std::string& path, const TokenizerOptions& opt);

} // namespace srw::detail
