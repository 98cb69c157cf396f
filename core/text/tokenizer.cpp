#include "srw/text/tokenizer.h"

#include "bert_normalizer.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"
#include "tokenizer_files.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

namespace srw {

struct Tokenizer::Data {
    Data() = default;
    Data(const Data&) = delete; // m_index points into vocab's strings
    Data& operator=(const Data&) = delete;

    std::vector<std::string> vocab;
    std::unordered_map<std::string_view, std::int32_t> index;
    TokenizerOptions opt;
    detail::NormalizerOptions norm;
    std::int32_t pad = -1, unk = -1, cls = -1, sep = -1, mask = -1;
    std::vector<std::pair<std::string, std::int32_t>> specials; // longest first
    std::array<bool, 256> specialFirstByte{};
    std::size_t maxTokenBytes = 0;

    std::int32_t find(std::string_view s) const {
        auto it = index.find(s);
        return it == index.end() ? -1 : it->second;
    }
};

namespace {

/** Reusable buffers of one encode call, so that a batch allocates once. */
struct Scratch {
    std::u32string decoded;
    std::u32string normalized;
    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::string utf8;
    std::vector<std::size_t> offsets;
    std::string key;
};

void wordPiece(const Tokenizer::Data& d, const char32_t* w, std::size_t n, Scratch& s,
               std::vector<std::int32_t>& out) {
    if (n > d.opt.maxInputCharsPerWord) {
        out.push_back(d.unk);
        return;
    }
    s.utf8.clear();
    s.offsets.clear();
    for (std::size_t i = 0; i < n; ++i) {
        s.offsets.push_back(s.utf8.size());
        detail::appendUtf8(w[i], s.utf8);
    }
    s.offsets.push_back(s.utf8.size());

    const std::size_t mark = out.size();
    std::size_t start = 0;
    while (start < n) {
        const std::size_t prefix = start > 0 ? 2 : 0;
        std::int32_t found = -1;
        std::size_t end = n;
        for (; end > start; --end) {
            const std::size_t bytes = s.offsets[end] - s.offsets[start];
            if (bytes + prefix > d.maxTokenBytes)
                continue;
            s.key.assign(prefix ? "##" : "");
            s.key.append(s.utf8, s.offsets[start], bytes);
            found = d.find(s.key);
            if (found >= 0)
                break;
        }
        if (found < 0) {
            // One uncoverable piece makes the whole word unknown, as in BERT.
            out.resize(mark);
            out.push_back(d.unk);
            return;
        }
        out.push_back(found);
        start = end;
    }
}

void tokenizeSegment(const Tokenizer::Data& d, std::string_view text, Scratch& s,
                     std::vector<std::int32_t>& out) {
    if (text.empty())
        return;
    detail::decodeUtf8(text, s.decoded);
    detail::normalize(s.decoded, d.norm, s.normalized);
    detail::preTokenize(s.normalized, s.words);
    for (const auto& [b, e] : s.words)
        wordPiece(d, s.normalized.data() + b, e - b, s, out);
}

void tokenizeText(const Tokenizer::Data& d, std::string_view text, Scratch& s,
                  std::vector<std::int32_t>& out) {
    std::size_t segStart = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        bool matched = false;
        if (d.specialFirstByte[static_cast<unsigned char>(text[i])]) {
            for (const auto& [tok, id] : d.specials) {
                if (text.compare(i, tok.size(), tok) == 0) {
                    tokenizeSegment(d, text.substr(segStart, i - segStart), s, out);
                    out.push_back(id);
                    i += tok.size();
                    segStart = i;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched)
            ++i;
    }
    tokenizeSegment(d, text.substr(segStart), s, out);
}

Encoding assemble(const Tokenizer::Data& d, std::vector<std::int32_t> a,
                  std::vector<std::int32_t>* b, const EncodeOptions& opt) {
    const std::size_t maxLen = opt.maxLength ? opt.maxLength : d.opt.modelMaxLength;
    if (opt.truncate) {
        const std::size_t specials = opt.addSpecialTokens ? (b ? 3 : 2) : 0;
        const std::size_t budget = maxLen > specials ? maxLen - specials : 0;
        std::size_t na = a.size(), nb = b ? b->size() : 0;
        // Longest first: drop from the longer sequence, from the second one on ties (as
        // transformers' one-token-at-a-time loop does).
        while (na + nb > budget) {
            if (na > nb)
                --na;
            else
                --nb;
        }
        a.resize(na);
        if (b)
            b->resize(nb);
    }
    Encoding e;
    const std::size_t total =
        a.size() + (b ? b->size() : 0) + (opt.addSpecialTokens ? (b ? 3 : 2) : 0);
    e.ids.reserve(std::max(total, opt.padding == Padding::MaxLength ? maxLen : 0));
    if (opt.addSpecialTokens)
        e.ids.push_back(d.cls);
    e.ids.insert(e.ids.end(), a.begin(), a.end());
    if (opt.addSpecialTokens)
        e.ids.push_back(d.sep);
    const std::size_t firstLen = e.ids.size();
    if (b) {
        e.ids.insert(e.ids.end(), b->begin(), b->end());
        if (opt.addSpecialTokens)
            e.ids.push_back(d.sep);
    }
    e.typeIds.assign(e.ids.size(), 0);
    std::fill(e.typeIds.begin() + std::ptrdiff_t(firstLen), e.typeIds.end(), 1);
    e.attentionMask.assign(e.ids.size(), 1);
    if (opt.padding == Padding::MaxLength && e.ids.size() < maxLen) {
        e.ids.resize(maxLen, d.pad);
        e.typeIds.resize(maxLen, 0);
        e.attentionMask.resize(maxLen, 0);
    }
    if (opt.withTokens) {
        e.tokens.reserve(e.ids.size());
        for (auto id : e.ids)
            e.tokens.push_back(d.vocab[std::size_t(id)]);
    }
    return e;
}

} // namespace

Tokenizer::Tokenizer(std::vector<std::string> vocab, TokenizerOptions options) {
    if (vocab.empty())
        throw std::runtime_error("tokenizer: the vocabulary is empty");
    auto d = std::make_shared<Data>();
    d->vocab = std::move(vocab);
    d->opt = std::move(options);
    d->index.reserve(d->vocab.size() * 2);
    for (std::size_t i = 0; i < d->vocab.size(); ++i) {
        // A repeated token keeps its last id, as Hugging Face's loaders do.
        d->index[d->vocab[i]] = std::int32_t(i);
        d->maxTokenBytes = std::max(d->maxTokenBytes, d->vocab[i].size());
    }
    auto need = [&](const std::string& tok) {
        if (tok.empty())
            throw std::runtime_error("tokenizer: a special token is empty");
        const auto id = d->find(tok);
        if (id < 0)
            throw std::runtime_error("tokenizer: the vocabulary lacks the special token " +
                                     quoteForMessage(tok));
        d->specials.emplace_back(tok, id);
        d->specialFirstByte[static_cast<unsigned char>(tok[0])] = true;
        return id;
    };
    d->pad = need(d->opt.padToken);
    d->unk = need(d->opt.unkToken);
    d->cls = need(d->opt.clsToken);
    d->sep = need(d->opt.sepToken);
    d->mask = need(d->opt.maskToken);
    std::stable_sort(d->specials.begin(), d->specials.end(),
                     [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
    d->norm.cleanText = true;
    d->norm.chineseChars = d->opt.tokenizeChineseChars;
    d->norm.lowercase = d->opt.lowercase;
    d->norm.stripAccents = d->opt.stripAccents.value_or(d->opt.lowercase);
    if (d->opt.modelMaxLength < 2)
        d->opt.modelMaxLength = 2;
    m_d = std::move(d);
}

Tokenizer Tokenizer::fromVocabFile(const std::string& path, TokenizerOptions options) {
    return Tokenizer(detail::readVocabFile(path), std::move(options));
}

Tokenizer Tokenizer::fromDirectory(const std::string& dir) {
    auto vocab = detail::readVocabFile(dir + "/vocab.txt");
    return Tokenizer(std::move(vocab), detail::readTokenizerOptions(dir));
}

void Tokenizer::save(const std::string& dir) const {
    detail::writeVocabFile(dir + "/vocab.txt", m_d->vocab);
    detail::writeTokenizerConfig(dir + "/tokenizer_config.json", m_d->opt);
}

Encoding Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
    Scratch s;
    std::vector<std::int32_t> a;
    tokenizeText(*m_d, text, s, a);
    return assemble(*m_d, std::move(a), nullptr, options);
}

Encoding Tokenizer::encodePair(std::string_view text, std::string_view pair,
                               const EncodeOptions& options) const {
    Scratch s;
    std::vector<std::int32_t> a, b;
    tokenizeText(*m_d, text, s, a);
    tokenizeText(*m_d, pair, s, b);
    return assemble(*m_d, std::move(a), &b, options);
}

std::vector<Encoding> Tokenizer::encodeBatch(const std::vector<std::string>& texts,
                                             const EncodeOptions& options) const {
    Scratch s;
    std::vector<Encoding> out;
    out.reserve(texts.size());
    EncodeOptions one = options;
    if (one.padding == Padding::Longest)
        one.padding = Padding::None;
    std::size_t longest = 0;
    for (const auto& t : texts) {
        std::vector<std::int32_t> a;
        tokenizeText(*m_d, t, s, a);
        out.push_back(assemble(*m_d, std::move(a), nullptr, one));
        longest = std::max(longest, out.back().ids.size());
    }
    if (options.padding == Padding::Longest) {
        for (auto& e : out) {
            e.ids.resize(longest, m_d->pad);
            e.typeIds.resize(longest, 0);
            e.attentionMask.resize(longest, 0);
            if (options.withTokens)
                e.tokens.resize(longest, m_d->vocab[std::size_t(m_d->pad)]);
        }
    }
    return out;
}

std::vector<std::int32_t> Tokenizer::tokenizeToIds(std::string_view text) const {
    Scratch s;
    std::vector<std::int32_t> ids;
    tokenizeText(*m_d, text, s, ids);
    return ids;
}

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> out;
    for (auto id : tokenizeToIds(text))
        out.push_back(m_d->vocab[std::size_t(id)]);
    return out;
}

std::string Tokenizer::decode(const std::vector<std::int32_t>& ids) const {
    std::string out;
    for (auto id : ids) {
        if (isSpecialId(id) && id != m_d->unk)
            continue;
        const std::string& tok = idToToken(id);
        if (tok.size() > 2 && tok[0] == '#' && tok[1] == '#' && !out.empty()) {
            out.append(tok, 2, std::string::npos);
        } else {
            if (!out.empty())
                out.push_back(' ');
            out += tok;
        }
    }
    return out;
}

std::size_t Tokenizer::vocabSize() const { return m_d->vocab.size(); }
std::int32_t Tokenizer::tokenToId(std::string_view token) const { return m_d->find(token); }
const std::string& Tokenizer::idToToken(std::int32_t id) const {
    if (id < 0 || std::size_t(id) >= m_d->vocab.size())
        throw std::out_of_range("tokenizer: token id " + std::to_string(id) + " out of range");
    return m_d->vocab[std::size_t(id)];
}
const std::vector<std::string>& Tokenizer::vocab() const { return m_d->vocab; }
const TokenizerOptions& Tokenizer::options() const { return m_d->opt; }
std::int32_t Tokenizer::padId() const { return m_d->pad; }
std::int32_t Tokenizer::unkId() const { return m_d->unk; }
std::int32_t Tokenizer::clsId() const { return m_d->cls; }
std::int32_t Tokenizer::sepId() const { return m_d->sep; }
std::int32_t Tokenizer::maskId() const { return m_d->mask; }
bool Tokenizer::isSpecialId(std::int32_t id) const {
    return id == m_d->pad || id == m_d->unk || id == m_d->cls || id == m_d->sep ||
           id == m_d->mask;
}

} // namespace srw
