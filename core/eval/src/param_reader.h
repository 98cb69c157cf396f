#pragma once
#include "srw/eval/recommender_factory.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/**
 * Reads a model's parameters against its spec: rejects unknown names at construction and bad
 * values on access, each time with a message that names the model, the parameter and the valid
 * choices, because these messages reach the command line unchanged.
 */
class ParamReader {
public:
    ParamReader(std::string model, std::vector<ParamSpec> specs, const ParamMap& given);

    std::string text(const std::string& name) const;
    std::int64_t integer(const std::string& name, std::int64_t min = INT64_MIN) const;
    double real(const std::string& name) const;
    bool boolean(const std::string& name) const;
    std::string choice(const std::string& name, const std::vector<std::string>& choices) const;
    /** "none" (or empty) -> nullopt, as session-rec's None. */
    std::optional<std::int64_t> optionalInteger(const std::string& name,
                                                std::int64_t min = INT64_MIN) const;
    /** Every parameter with its effective value. */
    ParamMap effective() const;

private:
    [[noreturn]] void fail(const std::string& name, const std::string& value,
                           const std::string& expected) const;

    std::string m_model;
    std::vector<ParamSpec> m_specs;
    ParamMap m_values;
};

/** Parses session-rec style booleans: true/false, 1/0, yes/no (any case). */
std::optional<bool> parseBool(const std::string& text);

} // namespace srw
