#include "bert_normalizer.h"

#include <utf8proc.h>

namespace srw::detail {

void decodeUtf8(std::string_view s, std::u32string& out) {
    out.clear();
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        }
        bool ok = len != 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            const unsigned char cc = p[i + k];
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            // One replacement per bad byte keeps going without ever reading past the end.
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += len;
    }
}

void appendUtf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

static utf8proc_category_t category(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool isBertWhitespace(char32_t c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return true;
    if (c < 0x80)
        return false;
    // Rust's char::is_whitespace; the Cc members of White_Space (U+0085…) are removed by
    // cleaning before this is asked, which leaves exactly the Z* categories.
    const auto cat = category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

bool isBertControl(char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r')
        return false; // counted as whitespace instead
    if (c < 0x80)
        return c < 0x20 || c == 0x7F;
    const auto cat = category(c);
    return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
           cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
           cat == UTF8PROC_CATEGORY_CN;
}

bool isBertPunctuation(char32_t c) {
    // BERT counts every non-alphanumeric printable ASCII character as punctuation ($, +, ^ …
    // are symbols in Unicode), plus Unicode's P* categories.
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
        (c >= 123 && c <= 126))
        return true;
    if (c < 0x80)
        return false;
    switch (category(c)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return true;
    default:
        return false;
    }
}

bool isCjkIdeograph(char32_t c) {
    // The CJK Unified Ideographs blocks of the original BERT code (Hangul and kana excluded).
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// Appends the canonical decomposition of c minus its nonspacing marks. Canonical reordering only
// permutes combining marks, and every mark left after dropping Mn has combining class 0 in practice,
// so per-character decomposition gives the same result as NFD here.
static void appendStripped(char32_t c, std::u32string& out) {
    utf8proc_int32_t buf[32];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 32,
                                           UTF8PROC_DECOMPOSE, &boundclass);
    if (n <= 0 || n > 32) {
        out.push_back(c);
        return;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
        if (utf8proc_category(buf[k]) != UTF8PROC_CATEGORY_MN)
            out.push_back(static_cast<char32_t>(buf[k]));
    }
}

static void appendLower(char32_t c, std::u32string& out) {
    if (c < 0x80) {
        out.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
    } else if (c == 0x130) {
        // Full lower-casing (as Rust's char::to_lowercase) of İ is i + combining dot above; it is
        // the only unconditional one-to-many lower-case mapping.
        out.push_back('i');
        out.push_back(0x307);
    } else {
        out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    }
}

void normalize(const std::u32string& in, const NormalizerOptions& opt, std::u32string& out) {
    out.clear();
    out.reserve(in.size() + 8);
    std::u32string tmp;
    tmp.reserve(in.size() + 8);
    for (char32_t c : in) {
        if (opt.cleanText) {
            if (c == 0 || c == 0xFFFD || isBertControl(c))
                continue;
            if (isBertWhitespace(c))
                c = ' ';
        }
        if (opt.chineseChars && c >= 0x3400 && isCjkIdeograph(c)) {
            tmp.push_back(' ');
            tmp.push_back(c);
            tmp.push_back(' ');
            continue;
        }
        tmp.push_back(c);
    }
    if (!opt.stripAccents && !opt.lowercase) {
        out.swap(tmp);
        return;
    }
    std::u32string stripped;
    const std::u32string* src = &tmp;
    if (opt.stripAccents) {
        stripped.reserve(tmp.size());
        for (char32_t c : tmp) {
            if (c < 0xC0) // nothing below À decomposes
                stripped.push_back(c);
            else
                appendStripped(c, stripped);
        }
        src = &stripped;
    }
    if (!opt.lowercase) {
        out = *src;
        return;
    }
    for (char32_t c : *src)
        appendLower(c, out);
}

void preTokenize(const std::u32string& text,
                 std::vector<std::pair<std::size_t, std::size_t>>& words) {
    words.clear();
    std::size_t start = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (isBertWhitespace(c)) {
            if (inWord)
                words.emplace_back(start, i);
            inWord = false;
        } else if (isBertPunctuation(c)) {
            if (inWord)
                words.emplace_back(start, i);
            words.emplace_back(i, i + 1);
            inWord = false;
        } else if (!inWord) {
            start = i;
            inWord = true;
        }
    }
    if (inWord)
        words.emplace_back(start, text.size());
}

} // namespace srw::detail
