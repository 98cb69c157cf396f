#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

/** @brief One record of a delimited file: its fields and where it started. */
struct Record {
    std::vector<std::string_view> fields; ///< valid until the next call to next()
    std::uint64_t line = 0;               ///< 1-based physical line where the record starts
};

/** @brief How to read a delimited file. */
struct DelimitedOptions {
    char delimiter = 0;        ///< ',', '\t', ';' or '|'; 0 = sniff from the first lines
    bool checkUtf8 = true;     ///< reject bytes that are not UTF-8, naming line and column
};

/**
 * @brief Streams records from a delimited text file with RFC 4180 quoting, in bounded memory.
 *
 * Lines without a quote character are split directly (the common case in click logs, and several
 * times faster); any line holding a quote goes through libcsv, which handles doubled quotes and
 * newlines inside quoted fields. CRLF and a missing final newline are accepted; blank lines are
 * skipped. A UTF-8 byte order mark at the start is skipped.
 */
class DelimitedReader {
public:
    /** @brief Opens path; throws InputError if it cannot be read or is empty. */
    DelimitedReader(const std::string& path, DelimitedOptions options = {});
    ~DelimitedReader();
    DelimitedReader(const DelimitedReader&) = delete;
    DelimitedReader& operator=(const DelimitedReader&) = delete;

    /** @brief Reads the next record; false at end of file. Throws InputError on malformed input. */
    bool next(Record& record);

    char delimiter() const { return m_delimiter; }
    const std::string& path() const { return m_path; }
    std::uint64_t bytesRead() const { return m_bytesConsumed; }
    std::uint64_t fileSize() const { return m_fileSize; }

    /** @brief Guesses the delimiter from sample text: the candidate splitting lines most evenly. */
    static char sniffDelimiter(std::string_view sample);

private:
    bool readLine(std::string_view& line);
    bool parseQuoted(std::string_view firstLine, Record& record);
    void checkFields(Record& record) const;

    struct CsvState;
    std::string m_path;
    DelimitedOptions m_options;
    char m_delimiter = ',';
    std::FILE* m_file = nullptr;
    std::vector<char> m_buf;
    std::size_t m_bufStart = 0;
    std::size_t m_bufEnd = 0;
    bool m_eof = false;
    std::uint64_t m_line = 0;
    std::uint64_t m_bytesConsumed = 0;
    std::uint64_t m_fileSize = 0;
    std::unique_ptr<CsvState> m_csv;
    std::vector<std::string> m_owned; ///< field storage for records that went through libcsv
};

} // namespace srw
