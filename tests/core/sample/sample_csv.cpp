#include "sample_csv.h"

#include <atomic>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace srw::test {

std::vector<CsvRow> parseCsv(const std::string& text) {
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and has closed
    bool rowStarted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        rowStarted = true;
        if (c == '"') {
            if (!field.empty() || wasQuoted)
                throw std::runtime_error("stray quote at byte " + std::to_string(i));
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            wasQuoted = false;
            rowStarted = false;
        } else {
            if (wasQuoted)
                throw std::runtime_error("text after closing quote at byte " + std::to_string(i));
            field += c;
        }
    }
    if (quoted)
        throw std::runtime_error("unclosed quoted field");
    if (rowStarted) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TempDir::TempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    m_path =
        std::filesystem::temp_directory_path() /
        ("srw-sample-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

LoadedSample loadSample(const std::filesystem::path& dir) {
    LoadedSample sample;
    const auto items = parseCsv(readFile(dir / "items.csv"));
    if (items.empty() || items[0] != CsvRow{"item_id", "title", "description", "category"})
        throw std::runtime_error("items.csv header");
    for (std::size_t i = 1; i < items.size(); ++i) {
        const CsvRow& r = items[i];
        if (r.size() != 4)
            throw std::runtime_error("items.csv row " + std::to_string(i) + " has " +
                                     std::to_string(r.size()) + " fields");
        if (!sample.items.emplace(r[0], LoadedItem{r[1], r[2], r[3]}).second)
            throw std::runtime_error("duplicate item id " + r[0]);
    }
    const auto events = parseCsv(readFile(dir / "events.csv"));
    if (events.empty() ||
        events[0] != CsvRow{"session_id", "user_id", "item_id", "timestamp", "event_type"})
        throw std::runtime_error("events.csv header");
    sample.events.reserve(events.size());
    for (std::size_t i = 1; i < events.size(); ++i) {
        const CsvRow& r = events[i];
        if (r.size() != 5)
            throw std::runtime_error("events.csv row " + std::to_string(i));
        sample.events.push_back({r[0], r[1], r[2], std::stoll(r[3]), r[4]});
    }
    return sample;
}

namespace {

/** Decodes the UTF-8 sequence at s[i] (assumed valid) and advances i past it. */
char32_t nextCodePoint(const std::string& s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    ++i;
    while (extra-- > 0 && i < s.size())
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

bool isCjk(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

} // namespace

bool containsCjk(const std::string& s) {
    for (std::size_t i = 0; i < s.size();)
        if (isCjk(nextCodePoint(s, i)))
            return true;
    return false;
}

std::set<std::string> textTokens(const std::string& s) {
    std::set<std::string> tokens;
    std::string word;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(s, i);
        if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
            word += static_cast<char>(std::tolower(static_cast<int>(cp)));
            continue;
        }
        if (!word.empty())
            tokens.insert(word);
        word.clear();
        if (isCjk(cp))
            tokens.insert(s.substr(start, i - start));
    }
    if (!word.empty())
        tokens.insert(word);
    return tokens;
}

} // namespace srw::test
