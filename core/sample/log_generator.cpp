#include "srw/sample/log_generator.h"

#include "sample_rng.h"
#include "srw/util/error.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

namespace srw {
namespace {

// Buffered writer straight to a FILE*: the log can be many gigabytes.
class Out {
public:
    explicit Out(const std::string& path) : m_path(path), m_file(std::fopen(path.c_str(), "wb")) {
        if (!m_file)
            throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
        m_buf.reserve(1 << 20);
    }
    ~Out() {
        if (m_file)
            std::fclose(m_file);
    }
    std::string& buf() { return m_buf; }
    void flushIfFull() {
        if (m_buf.size() > (1 << 20) - 256)
            flush();
    }
    void flush() {
        if (!m_buf.empty() && std::fwrite(m_buf.data(), 1, m_buf.size(), m_file) != m_buf.size())
            throw std::runtime_error(m_path + ": write failed");
        m_bytes += m_buf.size();
        m_buf.clear();
    }
    std::uint64_t close() {
        flush();
        if (std::fclose(m_file) != 0)
            throw std::runtime_error(m_path + ": write failed");
        m_file = nullptr;
        return m_bytes;
    }

private:
    std::string m_path;
    std::FILE* m_file;
    std::string m_buf;
    std::uint64_t m_bytes = 0;
};

void appendIsoMs(std::string& s, std::int64_t ms) {
    std::int64_t secs = ms / 1000, milli = ms % 1000;
    std::int64_t days = secs / 86400, rem = secs % 86400;
    // Civil date from days since 1970 (valid for the positive range used here).
    std::int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char b[40];
    std::snprintf(b, sizeof b, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", (long long)y,
                  (long long)m, (long long)d, (long long)(rem / 3600), (long long)(rem / 60 % 60),
                  (long long)(rem % 60), (long long)milli);
    s += b;
}

} // namespace

LogSummary generateLog(const LogOptions& o, const std::string& path, const ProgressFn& progress) {
    if (o.format != "yoochoose" && o.format != "csv" && o.format != "sessionrec")
        throw UsageError("log format must be yoochoose, csv or sessionrec, not '" + o.format + "'");
    if (o.items < 2 || o.categories < 1 || o.events < 1 || !(o.meanSessionLength >= 1) ||
        !(o.zipfExponent > 0))
        throw UsageError("a log needs at least 2 items, 1 category, 1 event and a mean session "
                         "length of at least 1");
    sample::SampleRng rng(o.seed);
    // Popularity by rank; the item at rank r gets a scattered id so ids say nothing.
    std::vector<double> cdf(std::size_t(o.items));
    double total = 0;
    for (int r = 0; r < o.items; ++r)
        cdf[std::size_t(r)] = total += 1.0 / std::pow(double(r + 1), o.zipfExponent);
    auto drawRank = [&] {
        double u = rng.uniform() * total;
        return int(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin()) % o.items;
    };
    auto itemId = [&](int rank) { return 214'000'000LL + (std::int64_t(rank) * 7919) % o.items; };

    const std::string tmp = path + ".partial";
    Out out(tmp);
    if (o.format == "csv")
        out.buf() += "session_id,item_id,timestamp\n";
    else if (o.format == "sessionrec")
        out.buf() += "SessionId\tItemId\tTime\n";
    LogSummary s;
    std::int64_t clock = o.startEpochMs;
    const double stop = 1.0 / o.meanSessionLength;
    while (s.events < o.events) {
        ++s.sessions;
        int rank = drawRank();
        std::int64_t t = clock;
        clock += 1000 + std::int64_t(rng.below(20000)); // sessions start a few seconds apart
        do {
            const std::int64_t id = itemId(rank);
            std::string& b = out.buf();
            if (o.format == "yoochoose") {
                b += std::to_string(s.sessions);
                b += ',';
                appendIsoMs(b, t);
                b += ',';
                b += std::to_string(id);
                b += ',';
                b += std::to_string(id % o.categories);
            } else {
                const char sep = o.format == "csv" ? ',' : '\t';
                b += std::to_string(s.sessions);
                b += sep;
                b += std::to_string(id);
                b += sep;
                b += std::to_string(t / 1000);
            }
            b += '\n';
            out.flushIfFull();
            ++s.events;
            if ((s.events & 0xFFFFF) == 0 && progress &&
                !progress({"writing", s.events, o.events, ""})) {
                out.close();
                std::remove(tmp.c_str());
                throw Cancelled();
            }
            t += 5000 + std::int64_t(rng.below(120000));
            // Half the next clicks stay near the current item (co-click structure).
            rank = rng.chance(0.5) ? int((rank + 1 + int(rng.below(20))) % o.items) : drawRank();
        } while (s.events < o.events && !rng.chance(stop));
    }
    s.bytes = out.close();
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        throw std::runtime_error(path + ": cannot rename: " + std::strerror(errno));
    return s;
}

} // namespace srw
