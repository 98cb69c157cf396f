#include "param_reader.h"

#include "srw/util/error.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace srw {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

std::optional<bool> parseBool(const std::string& text) {
    const std::string t = lower(text);
    if (t == "true" || t == "1" || t == "yes" || t == "on")
        return true;
    if (t == "false" || t == "0" || t == "no" || t == "off" || t == "none")
        return false;
    return std::nullopt;
}

ParamReader::ParamReader(std::string model, std::vector<ParamSpec> specs, const ParamMap& given)
    : m_model(std::move(model)), m_specs(std::move(specs)) {
    for (const auto& spec : m_specs)
        m_values[spec.name] = spec.defaultValue;
    for (const auto& [name, value] : given) {
        if (!m_values.count(name)) {
            std::vector<std::string> valid;
            for (const auto& spec : m_specs)
                valid.push_back(spec.name);
            throw UsageError("unknown parameter '" + name + "' for model " + m_model +
                             "; valid parameters: " + joined(valid));
        }
        m_values[name] = value;
    }
}

void ParamReader::fail(const std::string& name, const std::string& value,
                       const std::string& expected) const {
    throw UsageError("bad value '" + value + "' for parameter " + name + " of model " + m_model +
                     ": expected " + expected);
}

std::string ParamReader::text(const std::string& name) const { return m_values.at(name); }

std::int64_t ParamReader::integer(const std::string& name, std::int64_t min) const {
    const std::string& v = m_values.at(name);
    errno = 0;
    char* end = nullptr;
    const long long parsed = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || errno != 0 || parsed < min)
        fail(name, v, min == INT64_MIN ? "an integer" : "an integer >= " + std::to_string(min));
    return parsed;
}

double ParamReader::real(const std::string& name) const {
    const std::string& v = m_values.at(name);
    // session-rec configs write False/True for numeric switches such as idf_weighting.
    if (const auto b = parseBool(v); b && !std::isdigit(static_cast<unsigned char>(v[0])))
        return *b ? 1.0 : 0.0;
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || errno != 0 || !std::isfinite(parsed))
        fail(name, v, "a number");
    return parsed;
}

bool ParamReader::boolean(const std::string& name) const {
    const std::string& v = m_values.at(name);
    const auto b = parseBool(v);
    if (!b)
        fail(name, v, "true or false");
    return *b;
}

std::string ParamReader::choice(const std::string& name,
                                const std::vector<std::string>& choices) const {
    const std::string& v = m_values.at(name);
    if (std::find(choices.begin(), choices.end(), v) == choices.end())
        fail(name, v, "one of " + joined(choices));
    return v;
}

std::optional<std::int64_t> ParamReader::optionalInteger(const std::string& name,
                                                         std::int64_t min) const {
    const std::string v = lower(m_values.at(name));
    if (v.empty() || v == "none")
        return std::nullopt;
    return integer(name, min);
}

ParamMap ParamReader::effective() const { return m_values; }

} // namespace srw
