#pragma once
// The product names of shared/data/ms-product-recommendations/demoCatalog.csv, a small real corpus.
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace srw::test {

/** Second field of each line; RFC 4180 quoting with doubled quotes. */
inline std::vector<std::string> catalogNames() {
    const std::string path =
        std::string(SRW_SHARED_DATA_DIR) + "/ms-product-recommendations/demoCatalog.csv";
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    fields.back() += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    fields.back() += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.emplace_back();
            } else {
                fields.back() += c;
            }
        }
        if (fields.size() >= 2)
            names.push_back(fields[1]);
    }
    return names;
}

} // namespace srw::test
