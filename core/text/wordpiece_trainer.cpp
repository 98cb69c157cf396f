#include "srw/text/wordpiece_trainer.h"

#include "bert_normalizer.h"
#include "srw/util/error.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <set>
#include <unordered_map>

namespace srw {

namespace {

using PairKey = std::uint64_t;
PairKey pairKey(std::int32_t a, std::int32_t b) {
    return (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b);
}
std::int32_t first(PairKey k) { return std::int32_t(k >> 32); }
std::int32_t second(PairKey k) { return std::int32_t(k & 0xFFFFFFFFu); }

struct Word {
    std::vector<std::int32_t> syms;
    std::int64_t count = 0;
};

struct HeapEntry {
    std::int64_t count;
    PairKey key;
};

class Trainer {
public:
    Trainer(const WordPieceTrainerOptions& opt, const ProgressFn& progress)
        : m_opt(opt), m_progress(progress) {}

    std::vector<std::string> run(const std::vector<std::string>& texts);

private:
    std::int32_t intern(const std::string& s) {
        auto [it, inserted] = m_ids.emplace(s, std::int32_t(m_tokens.size()));
        if (inserted)
            m_tokens.push_back(s);
        return it->second;
    }
    void countWords(const std::vector<std::string>& texts);
    void addPairs(std::uint32_t w, std::int64_t sign);
    bool heapLess(const HeapEntry& x, const HeapEntry& y) const {
        if (x.count != y.count)
            return x.count < y.count;
        // Equal counts: the lexicographically smaller pair wins, so it must compare "greater".
        const auto& xa = m_tokens[std::size_t(first(x.key))];
        const auto& ya = m_tokens[std::size_t(first(y.key))];
        if (xa != ya)
            return xa > ya;
        return m_tokens[std::size_t(second(x.key))] > m_tokens[std::size_t(second(y.key))];
    }

    const WordPieceTrainerOptions& m_opt;
    const ProgressFn& m_progress;
    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, std::int32_t> m_ids;
    std::vector<Word> m_words;
    std::set<char32_t> m_alphabet;
    std::unordered_map<PairKey, std::int64_t> m_pairCount;
    std::unordered_map<PairKey, std::vector<std::uint32_t>> m_pairWords;
    std::vector<PairKey> m_touched;
};

void Trainer::countWords(const std::vector<std::string>& texts) {
    detail::NormalizerOptions norm;
    norm.chineseChars = m_opt.tokenizer.tokenizeChineseChars;
    norm.lowercase = m_opt.tokenizer.lowercase;
    norm.stripAccents = m_opt.tokenizer.stripAccents.value_or(m_opt.tokenizer.lowercase);
    std::unordered_map<std::u32string, std::int64_t> counts;
    std::u32string decoded, normalized;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& t : texts) {
        detail::decodeUtf8(t, decoded);
        detail::normalize(decoded, norm, normalized);
        detail::preTokenize(normalized, spans);
        for (const auto& [b, e] : spans) {
            for (std::size_t i = b; i < e; ++i)
                m_alphabet.insert(normalized[i]);
            // Longer words always become [UNK]; learning pieces from them would waste slots.
            if (e - b <= m_opt.tokenizer.maxInputCharsPerWord)
                ++counts[normalized.substr(b, e - b)];
        }
    }
    // Sorted words make every later step independent of hash-table order.
    std::vector<std::pair<std::u32string, std::int64_t>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end());

    for (char32_t c : m_alphabet) {
        std::string s;
        detail::appendUtf8(c, s);
        intern(s);
    }
    for (char32_t c : m_alphabet) {
        std::string s = "##";
        detail::appendUtf8(c, s);
        intern(s);
    }
    m_words.reserve(sorted.size());
    for (const auto& [w, n] : sorted) {
        Word word;
        word.count = n;
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::string s = i ? "##" : "";
            detail::appendUtf8(w[i], s);
            word.syms.push_back(m_ids.at(s));
        }
        m_words.push_back(std::move(word));
    }
}

void Trainer::addPairs(std::uint32_t w, std::int64_t sign) {
    const auto& syms = m_words[w].syms;
    for (std::size_t i = 0; i + 1 < syms.size(); ++i) {
        const PairKey k = pairKey(syms[i], syms[i + 1]);
        m_pairCount[k] += sign * m_words[w].count;
        m_touched.push_back(k);
        if (sign > 0)
            m_pairWords[k].push_back(w);
    }
}

std::vector<std::string> Trainer::run(const std::vector<std::string>& texts) {
    const auto& t = m_opt.tokenizer;
    const std::vector<std::string> specials = {t.padToken, t.unkToken, t.clsToken, t.sepToken,
                                               t.maskToken};
    for (const auto& s : specials)
        intern(s);
    countWords(texts);

    for (std::uint32_t w = 0; w < m_words.size(); ++w)
        addPairs(w, +1);
    auto less = [this](const HeapEntry& x, const HeapEntry& y) { return heapLess(x, y); };
    std::priority_queue<HeapEntry, std::vector<HeapEntry>, decltype(less)> heap(less);
    for (const auto& [k, n] : m_pairCount)
        heap.push({n, k});
    m_touched.clear();

    std::vector<std::uint32_t> seen(m_words.size(), std::numeric_limits<std::uint32_t>::max());
    const std::int64_t minFreq = std::int64_t(std::max<std::size_t>(m_opt.minFrequency, 1));
    std::uint32_t merges = 0;
    while (m_tokens.size() < m_opt.vocabSize && !heap.empty()) {
        const HeapEntry top = heap.top();
        heap.pop();
        const std::int64_t current = m_pairCount[top.key];
        if (current != top.count) {
            if (current > 0)
                heap.push({current, top.key}); // stale: its count fell since it was pushed
            continue;
        }
        if (current < minFreq)
            break;
        const std::int32_t a = first(top.key), b = second(top.key);
        const std::string merged = m_tokens[std::size_t(a)] + m_tokens[std::size_t(b)].substr(2);
        const std::int32_t id = intern(merged);

        const auto words = std::move(m_pairWords[top.key]);
        m_pairWords.erase(top.key);
        for (std::uint32_t w : words) {
            if (seen[w] == merges)
                continue;
            seen[w] = merges;
            auto& syms = m_words[w].syms;
            addPairs(w, -1);
            std::vector<std::int32_t> out;
            out.reserve(syms.size());
            for (std::size_t i = 0; i < syms.size(); ++i) {
                if (i + 1 < syms.size() && syms[i] == a && syms[i + 1] == b) {
                    out.push_back(id);
                    ++i;
                } else {
                    out.push_back(syms[i]);
                }
            }
            syms.swap(out);
            addPairs(w, +1);
        }
        std::sort(m_touched.begin(), m_touched.end());
        m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());
        for (PairKey k : m_touched) {
            const auto n = m_pairCount[k];
            if (n > 0)
                heap.push({n, k});
        }
        m_touched.clear();
        ++merges;
        if (m_progress && merges % 256 == 0) {
            Progress p;
            p.stage = "vocabulary";
            p.done = m_tokens.size();
            p.total = m_opt.vocabSize;
            if (!m_progress(p))
                throw Cancelled();
        }
    }
    return m_tokens;
}

} // namespace

std::vector<std::string> trainWordPieceVocab(const std::vector<std::string>& texts,
                                             const WordPieceTrainerOptions& options,
                                             const ProgressFn& progress) {
    Trainer trainer(options, progress);
    return trainer.run(texts);
}

Tokenizer trainWordPieceTokenizer(const std::vector<std::string>& texts,
                                  const WordPieceTrainerOptions& options,
                                  const ProgressFn& progress) {
    return Tokenizer(trainWordPieceVocab(texts, options, progress), options.tokenizer);
}

} // namespace srw
