#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sample_rng.h"
#include "srw/sample/sample_generator.h"

namespace srw::sample {

struct SampleItem {
    int id = 0;
    std::string title;
    std::string description;
    int category = 0;
    int theme = 0;
    bool chinese = false;
    bool coldStart = false;
    std::int64_t releaseTime = 0; ///< epoch seconds; 0 when on sale from the start
    double weight = 0;            ///< popularity inside its theme
};

/**
 * A product line: a handful of items sharing brand, model and key attribute in their titles.
 * Sessions browse within themes, so the words a theme shares are what makes text predict
 * co-views.
 */
struct SampleTheme {
    int category = 0;
    int noun = 0; ///< themes of a category with the same noun form a sub-theme
    bool chinese = false;
    double weight = 0; ///< global popularity (Zipf over a random rank)
    std::vector<int> items;
};

struct SampleCatalog {
    std::vector<SampleItem> items; ///< in creation order; ids are a shuffled range
    std::vector<SampleTheme> themes;
    std::vector<std::vector<int>> themesByCategory;
    std::vector<double> categoryWeights; ///< sum of the category's theme weights
};

/** Builds the catalogue: themes, item texts, popularity and cold-start releases. */
SampleCatalog buildCatalog(const SampleOptions& options, SampleRng& rng);

} // namespace srw::sample
