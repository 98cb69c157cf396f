#pragma once
// Reads the bert-tiny golden fixtures (see shared/golden/bert-tiny/README.md).
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace srw::test {

inline std::string goldenDir() { return std::string(SRW_GOLDEN_DIR) + "/bert-tiny"; }

inline const nlohmann::json& golden() {
    static const nlohmann::json j = [] {
        std::ifstream in(goldenDir() + "/golden.json");
        if (!in)
            throw std::runtime_error("cannot open " + goldenDir() + "/golden.json");
        std::stringstream ss;
        ss << in.rdbuf();
        return nlohmann::json::parse(ss.str());
    }();
    return j;
}

} // namespace srw::test
