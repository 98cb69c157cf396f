#pragma once
// Helpers for the sample tests: an independent RFC 4180 reader (so the tests do not trust the
// generator's writer), a temporary folder, and the generated sample loaded into memory.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace srw::test {

using CsvRow = std::vector<std::string>;

/** Parses RFC 4180 text; throws std::runtime_error on a stray quote or an unclosed field. */
std::vector<CsvRow> parseCsv(const std::string& text);

std::string readFile(const std::filesystem::path& path);

/** A fresh folder under the system temp dir, removed with everything in it on destruction. */
class TempDir {
public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string str() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

struct LoadedItem {
    std::string title;
    std::string description;
    std::string category;
};

struct LoadedEvent {
    std::string session;
    std::string user;
    std::string item;
    std::int64_t time = 0;
    std::string type;
};

struct LoadedSample {
    std::map<std::string, LoadedItem> items;
    std::vector<LoadedEvent> events;
};

/** Reads items.csv and events.csv of dir, checking headers and field counts as it goes. */
LoadedSample loadSample(const std::filesystem::path& dir);

/** Whether s holds a CJK unified ideograph (U+4E00..U+9FFF or extension A). */
bool containsCjk(const std::string& s);

/** Lower-case ASCII words and single CJK ideographs: a crude, tokenizer-free bag of words. */
std::set<std::string> textTokens(const std::string& s);

} // namespace srw::test
