#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace srw {

/**
 * @brief Parses event times into epoch milliseconds (UTC).
 *
 * Specs: "auto" (decided from the first value seen, then fixed), "s"/"epoch" (seconds, may be
 * fractional), "ms"/"epoch_ms", "iso" (ISO 8601: date, optional [T ]time with fraction, optional
 * Z or ±hh:mm), or a pattern of yyyy MM dd HH mm ss SSS (zzz is an alias of SSS); any other
 * character is a literal, and text in single quotes is literal too, so "yyyy/MM/ddTHH:mm:ss"
 * reads 2015/06/09T19:39:37. Times without a zone are taken as UTC.
 */
class TimeParser {
public:
    /** @brief Throws UsageError for a pattern that has no year, month and day. */
    explicit TimeParser(std::string spec = "auto");

    /** @brief The epoch milliseconds, or nothing when the text does not match. */
    std::optional<std::int64_t> parse(std::string_view text);

    /** @brief What was decided ("s", "ms", "iso" or the pattern); "auto" until a value is seen. */
    const std::string& effectiveSpec() const { return m_spec; }

    /** @brief Days since 1970-01-01 for a proleptic Gregorian date (valid for any year). */
    static std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);
    /** @brief "YYYY-MM-DDTHH:MM:SSZ" (with .mmm when not whole seconds). */
    static std::string formatIso(std::int64_t epochMs);

private:
    enum class Kind { Auto, Seconds, Millis, Iso, Pattern };
    std::optional<std::int64_t> parseEpoch(std::string_view text, bool millis) const;
    std::optional<std::int64_t> parseIso(std::string_view text) const;
    std::optional<std::int64_t> parsePattern(std::string_view text) const;
    void decide(std::string_view sample);

    Kind m_kind = Kind::Auto;
    std::string m_spec;
};

} // namespace srw
