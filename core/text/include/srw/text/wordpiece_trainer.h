#pragma once
#include "srw/text/tokenizer.h"
#include "srw/util/progress.h"

#include <cstddef>
#include <string>
#include <vector>

namespace srw {

/** @brief Options of trainWordPieceVocab(). */
struct WordPieceTrainerOptions {
    std::size_t vocabSize = 8000; ///< target size, special tokens included
    std::size_t minFrequency = 2; ///< pairs seen fewer times are never merged
    /** Normalisation (lower-casing…) and special tokens of the tokenizer the vocab is for. */
    TokenizerOptions tokenizer;
};

/**
 * @brief Learns a WordPiece vocabulary from texts, deterministically.
 *
 * The texts go through the same normalisation and pre-tokenisation as Tokenizer. The result starts
 * with [PAD] [UNK] [CLS] [SEP] [MASK] (ids 0–4), then every character seen and its "##" form (so
 * any training text tokenizes without [UNK], whatever the size), then merged pieces: the most
 * frequent adjacent pair first (BPE-style, as Hugging Face's WordPiece trainer), ties broken by
 * the pieces' text. The vocabulary can exceed vocabSize only when the alphabet alone does.
 * progress gets a call every few hundred merges; returning false throws srw::Cancelled.
 */
std::vector<std::string> trainWordPieceVocab(const std::vector<std::string>& texts,
                                             const WordPieceTrainerOptions& options = {},
                                             const ProgressFn& progress = {});

/** @brief trainWordPieceVocab() wrapped in a Tokenizer with options.tokenizer. */
Tokenizer trainWordPieceTokenizer(const std::vector<std::string>& texts,
                                  const WordPieceTrainerOptions& options = {},
                                  const ProgressFn& progress = {});

} // namespace srw
