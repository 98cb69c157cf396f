#include "srw/data/formats/import_file.h"

#include "format_support.h"
#include "srw/parsers/column_mapping.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/parsers/time_parser.h"
#include "srw/util/file_util.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <fstream>

namespace srw {
namespace {

using format_detail::looseName;

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::size_t kSampleLines = 5;

// The first few non-blank lines, without BOM or CR. A line cut by the sample's end is dropped
// unless the file ends there.
std::vector<std::string> readSample(const std::string& path) {
    if (isDirectory(path))
        throw InputError(path, 0, 0, "is a directory, not a file");
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw InputError(path, 0, 0, "cannot open");
    std::string buf(kSampleBytes, '\0');
    f.read(buf.data(), std::streamsize(buf.size()));
    buf.resize(std::size_t(f.gcount()));
    const bool whole = buf.size() < kSampleBytes;
    if (startsWith(buf, "\xEF\xBB\xBF"))
        buf.erase(0, 3);
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < buf.size() && lines.size() < kSampleLines) {
        std::size_t nl = buf.find('\n', pos);
        if (nl == std::string::npos && !whole)
            break;
        std::string line = buf.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? buf.size() : nl + 1;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!trim(line).empty())
            lines.push_back(std::move(line));
    }
    if (lines.empty())
        throw InputError(path, 0, 0, "the file is empty");
    return lines;
}

std::vector<std::string> looseFields(const std::string& line, char delim) {
    std::vector<std::string> out;
    for (const auto& f : split(line, delim))
        out.push_back(looseName(f));
    return out;
}

bool has(const std::vector<std::string>& names, std::initializer_list<const char*> wanted) {
    for (const char* w : wanted)
        if (std::find(names.begin(), names.end(), w) == names.end())
            return false;
    return true;
}

bool isRecBoleHeader(const std::string& line) {
    auto fields = split(line, '\t');
    if (fields.size() < 2)
        return false;
    for (const auto& f : fields) {
        std::size_t colon = f.rfind(':');
        std::string type = colon == std::string::npos ? "" : toLower(trim(f.substr(colon + 1)));
        if (type != "token" && type != "token_seq" && type != "float" && type != "float_seq")
            return false;
    }
    return true;
}

bool isInteger(std::string_view s) {
    long long v = 0;
    return parseInt64(trim(s), v);
}

// session,2014-04-07T10:51:09.277Z,item,category  or  session,time,item,price,quantity
bool isYoochooseRow(const std::string& line) {
    auto f = split(line, ',');
    if (f.size() != 4 && f.size() != 5)
        return false;
    std::string_view t = trim(f[1]);
    if (!isInteger(f[0]) || !isInteger(f[2]) || t.find('T') == std::string_view::npos ||
        !endsWith(t, "Z") || !TimeParser("iso").parse(t))
        return false;
    double price = 0;
    if (f.size() == 5)
        return parseDouble(trim(f[3]), price) && isInteger(f[4]);
    std::string_view cat = trim(f[3]);
    return cat == "S" || isInteger(cat);
}

bool matchesRole(const std::vector<std::string>& header,
                 const std::map<std::string, std::vector<std::string>>& synonyms,
                 const char* role) {
    const auto& names = synonyms.at(role);
    for (const auto& h : header)
        if (std::find(names.begin(), names.end(), normalizeHeaderName(h)) != names.end())
            return true;
    return false;
}

std::optional<std::string> genericFormat(const std::vector<std::string>& lines) {
    std::string sample;
    for (const auto& l : lines)
        sample += l + "\n";
    char delim = DelimitedReader::sniffDelimiter(sample);
    std::vector<std::string> header = split(lines[0], delim);
    const auto& ev = eventColumnSynonyms();
    if (matchesRole(header, ev, "item") && matchesRole(header, ev, "time") &&
        (matchesRole(header, ev, "session") || matchesRole(header, ev, "user")))
        return "csv";
    const auto& cat = catalogColumnSynonyms();
    if (matchesRole(header, cat, "id") && !matchesRole(header, ev, "time") &&
        (matchesRole(header, cat, "title") || matchesRole(header, cat, "description") ||
         matchesRole(header, cat, "category")))
        return "catalog";
    return std::nullopt;
}

// What a file's name promises, to explain a mismatch in the error.
std::string nameHint(const std::string& name) {
    std::string n = toLower(name);
    if (n.find("yoochoose") != std::string::npos)
        return "the name suggests yoochoose, whose lines are session,timestamp,item,category "
               "(or session,timestamp,item,price,quantity) without a header";
    if (n.find("item-views") != std::string::npos || n.find("product") != std::string::npos ||
        n.find("diginetica") != std::string::npos)
        return "the name suggests diginetica, whose files start with a ';'-separated header such "
               "as sessionId;userId;itemId;timeframe;eventdate";
    if (n.find("item_properties") != std::string::npos || n == "events.csv" ||
        n.find("retailrocket") != std::string::npos)
        return "the name suggests retailrocket, whose files start with "
               "timestamp,visitorid,event,itemid,transactionid or timestamp,itemid,property,value";
    return "";
}

} // namespace

const std::vector<std::string>& knownFormats() {
    static const std::vector<std::string> kFormats = {
        "yoochoose", "diginetica", "retailrocket", "recbole", "sessionrec", "csv", "catalog"};
    return kFormats;
}

std::string detectFormat(const std::string& path) {
    const std::string name = fileName(path);
    const std::string ext = lowerExtension(path);
    if (ext == ".inter" || ext == ".item" || ext == ".user" || ext == ".kg" || ext == ".link" ||
        ext == ".net")
        return "recbole";
    const std::vector<std::string> lines = readSample(path);
    const std::string& first = lines[0];
    if (isRecBoleHeader(first))
        return "recbole";
    auto semi = looseFields(first, ';');
    if (has(semi, {"sessionid", "itemid", "timeframe", "eventdate"}) ||
        has(semi, {"itemid", "pricelog2"}) ||
        semi == std::vector<std::string>{"itemid", "categoryid"})
        return "diginetica";
    auto comma = looseFields(first, ',');
    if (has(comma, {"timestamp", "visitorid", "event", "itemid"}) ||
        comma == std::vector<std::string>{"timestamp", "itemid", "property", "value"})
        return "retailrocket";
    if (has(looseFields(first, '\t'), {"sessionid", "itemid", "time"}))
        return "sessionrec";
    // A headerless yoochoose file is known by its rows: every sampled data row must fit.
    const bool headed = !isYoochooseRow(first) && lines.size() > 1 && isYoochooseRow(lines[1]);
    if (std::all_of(lines.begin() + (headed ? 1 : 0), lines.end(), isYoochooseRow))
        return "yoochoose";
    if (auto generic = genericFormat(lines))
        return *generic;

    std::string sample;
    for (const auto& l : lines)
        sample += l + "\n";
    char delim = DelimitedReader::sniffDelimiter(sample);
    std::string why = "line 1 " + quoteForMessage(first, 80) + " has " +
                      std::to_string(split(first, delim).size()) + " fields separated by '" +
                      (delim == '\t' ? std::string("\\t") : std::string(1, delim)) +
                      "' and matches no known header or row shape, nor names session/user, item "
                      "and time columns (csv) or an item id with text (catalog)";
    std::string hint = nameHint(name);
    if (!hint.empty())
        why += "; " + hint;
    std::string list;
    for (const auto& f : knownFormats())
        list += (list.empty() ? "" : ", ") + f;
    throw InputError(path, 0, 0,
                     "cannot tell the format of " + name + ": " + why +
                         "; pass --format (one of: " + list + ")");
}

} // namespace srw
