#pragma once
#include <vector>

namespace srw::sample {

/** The words one category's items are written with, in one language. All invented for srw. */
struct Vocabulary {
    std::vector<const char*> brands;
    std::vector<const char*> nouns;      ///< product kinds; themes sharing a noun form a sub-theme
    std::vector<const char*> attributes; ///< features; one per theme, others vary per item
    std::vector<const char*> variants;   ///< colour, size, flavour, format: differs within a theme
    std::vector<const char*> uses;       ///< a closing sentence for descriptions
};

struct CategoryInfo {
    const char* name; ///< the category column; shared by both languages, like a shop's taxonomy
    double weight;    ///< relative share of the catalogue
    bool modelCodes;  ///< whether titles carry a model code ("Pro 3"); not for books or food
};

/** The ~20 categories; englishVocabulary() and chineseVocabulary() follow the same order. */
const std::vector<CategoryInfo>& sampleCategories();
const std::vector<Vocabulary>& englishVocabulary();
const std::vector<Vocabulary>& chineseVocabulary();

} // namespace srw::sample
