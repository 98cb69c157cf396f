#include "srw/parsers/time_parser.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace srw {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[pos]; advances pos.
bool readDigits(std::string_view text, std::size_t& pos, int n, int& out) {
    if (pos + std::size_t(n) > text.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        char c = text[pos + std::size_t(i)];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    pos += std::size_t(n);
    out = v;
    return true;
}

bool validDate(int y, int mo, int d) {
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || mo < 1 || mo > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = kDays[mo - 1] - (mo == 2 && !leap ? 1 : 0);
    return d <= max;
}

std::optional<std::int64_t> compose(int y, int mo, int d, int h, int mi, int s, int ms,
                                    int offsetMinutes) {
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60 || ms > 999)
        return std::nullopt;
    std::int64_t days = TimeParser::daysFromCivil(y, unsigned(mo), unsigned(d));
    std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - std::int64_t(offsetMinutes) * 60;
    return secs * 1000 + ms;
}

} // namespace

std::int64_t TimeParser::daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    // Shift the year to start in March so that the leap day is the year's last day.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

std::string TimeParser::formatIso(std::int64_t epochMs) {
    std::int64_t ms = epochMs % 1000;
    std::int64_t secs = epochMs / 1000;
    if (ms < 0) {
        ms += 1000;
        secs -= 1;
    }
    std::int64_t days = secs / 86400;
    std::int64_t rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        days -= 1;
    }
    // Inverse of daysFromCivil.
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[48];
    if (ms == 0)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", (long long)y, m, d,
                      (long long)(rem / 3600), (long long)(rem / 60 % 60), (long long)(rem % 60));
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                      (long long)y, m, d, (long long)(rem / 3600), (long long)(rem / 60 % 60),
                      (long long)(rem % 60), (long long)ms);
    return buf;
}

TimeParser::TimeParser(std::string spec) : m_spec(std::move(spec)) {
    std::string s = toLower(m_spec);
    if (s.empty() || s == "auto")
        m_kind = Kind::Auto, m_spec = "auto";
    else if (s == "s" || s == "epoch" || s == "seconds" || s == "epoch_s")
        m_kind = Kind::Seconds, m_spec = "s";
    else if (s == "ms" || s == "epoch_ms" || s == "millis" || s == "milliseconds")
        m_kind = Kind::Millis, m_spec = "ms";
    else if (s == "iso" || s == "iso8601")
        m_kind = Kind::Iso, m_spec = "iso";
    else {
        m_kind = Kind::Pattern;
        if (m_spec.find("yyyy") == std::string::npos || m_spec.find("MM") == std::string::npos ||
            m_spec.find("dd") == std::string::npos)
            throw UsageError("time format '" + m_spec +
                             "' needs yyyy, MM and dd (or use s, ms, iso, auto)");
    }
}

void TimeParser::decide(std::string_view sample) {
    sample = trim(sample);
    bool numeric = !sample.empty();
    for (char c : sample)
        if (!isDigit(c) && c != '.')
            numeric = false;
    if (numeric) {
        double v = 0;
        parseDouble(sample, v);
        // 1e11 s is the year 5138, 1e11 ms is 1973: no plausible log is ambiguous here.
        if (v >= 1e11)
            m_kind = Kind::Millis, m_spec = "ms";
        else
            m_kind = Kind::Seconds, m_spec = "s";
    } else if (parseIso(sample)) {
        m_kind = Kind::Iso, m_spec = "iso";
    } else {
        for (const char* p : {"yyyy/MM/ddTHH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd"}) {
            m_spec = p;
            if (parsePattern(sample)) {
                m_kind = Kind::Pattern;
                return;
            }
        }
        m_spec = "auto";
    }
}

std::optional<std::int64_t> TimeParser::parse(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (m_kind == Kind::Auto) {
        decide(text);
        if (m_kind == Kind::Auto)
            return std::nullopt;
    }
    switch (m_kind) {
    case Kind::Seconds:
        return parseEpoch(text, false);
    case Kind::Millis:
        return parseEpoch(text, true);
    case Kind::Iso:
        return parseIso(text);
    case Kind::Pattern:
        return parsePattern(text);
    case Kind::Auto:
        break;
    }
    return std::nullopt;
}

std::optional<std::int64_t> TimeParser::parseEpoch(std::string_view text, bool millis) const {
    long long iv = 0;
    if (parseInt64(text, iv)) {
        if (millis)
            return iv;
        if (iv > 9'000'000'000'000'000LL / 1000 || iv < -9'000'000'000'000'000LL / 1000)
            return std::nullopt;
        return iv * 1000;
    }
    double dv = 0;
    if (!parseDouble(text, dv) || !std::isfinite(dv) || std::fabs(dv) > 9e15)
        return std::nullopt;
    return std::int64_t(std::llround(millis ? dv : dv * 1000.0));
}

std::optional<std::int64_t> TimeParser::parseIso(std::string_view t) const {
    std::size_t p = 0;
    int y, mo, d, h = 0, mi = 0, s = 0, ms = 0, off = 0;
    if (!readDigits(t, p, 4, y) || p >= t.size() || t[p++] != '-' || !readDigits(t, p, 2, mo) ||
        p >= t.size() || t[p++] != '-' || !readDigits(t, p, 2, d))
        return std::nullopt;
    if (p < t.size() && (t[p] == 'T' || t[p] == ' ')) {
        ++p;
        if (!readDigits(t, p, 2, h) || p >= t.size() || t[p++] != ':' || !readDigits(t, p, 2, mi))
            return std::nullopt;
        if (p < t.size() && t[p] == ':') {
            ++p;
            if (!readDigits(t, p, 2, s))
                return std::nullopt;
            if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
                ++p;
                int digits = 0;
                while (p < t.size() && isDigit(t[p])) {
                    if (digits < 3)
                        ms = ms * 10 + (t[p] - '0');
                    ++digits;
                    ++p;
                }
                if (digits == 0)
                    return std::nullopt;
                for (int i = digits; i < 3; ++i)
                    ms *= 10;
            }
        }
        if (p < t.size() && t[p] == 'Z') {
            ++p;
        } else if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
            int sign = t[p++] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!readDigits(t, p, 2, oh))
                return std::nullopt;
            if (p < t.size() && t[p] == ':')
                ++p;
            if (p < t.size() && !readDigits(t, p, 2, om))
                return std::nullopt;
            off = sign * (oh * 60 + om);
        }
    }
    if (p != t.size())
        return std::nullopt;
    return compose(y, mo, d, h, mi, s, ms, off);
}

std::optional<std::int64_t> TimeParser::parsePattern(std::string_view t) const {
    const std::string& f = m_spec;
    std::size_t p = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    for (std::size_t i = 0; i < f.size();) {
        auto token = [&](const char* tok) { return f.compare(i, std::strlen(tok), tok) == 0; };
        if (token("yyyy")) {
            if (!readDigits(t, p, 4, y))
                return std::nullopt;
            i += 4;
        } else if (token("MM")) {
            if (!readDigits(t, p, 2, mo))
                return std::nullopt;
            i += 2;
        } else if (token("dd")) {
            if (!readDigits(t, p, 2, d))
                return std::nullopt;
            i += 2;
        } else if (token("HH")) {
            if (!readDigits(t, p, 2, h))
                return std::nullopt;
            i += 2;
        } else if (token("mm")) {
            if (!readDigits(t, p, 2, mi))
                return std::nullopt;
            i += 2;
        } else if (token("ss")) {
            if (!readDigits(t, p, 2, s))
                return std::nullopt;
            i += 2;
        } else if (token("SSS") || token("zzz")) {
            if (!readDigits(t, p, 3, ms))
                return std::nullopt;
            i += 3;
        } else if (f[i] == '\'') {
            std::size_t close = f.find('\'', i + 1);
            if (close == std::string::npos)
                close = f.size();
            std::string_view lit(f.data() + i + 1, close - i - 1);
            if (t.substr(p, lit.size()) != lit)
                return std::nullopt;
            p += lit.size();
            i = close + 1;
        } else {
            if (p >= t.size() || t[p] != f[i])
                return std::nullopt;
            ++p;
            ++i;
        }
    }
    if (p != t.size())
        return std::nullopt;
    return compose(y, mo, d, h, mi, s, ms, 0);
}

} // namespace srw
