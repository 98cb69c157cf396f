#include "sample_catalog.h"

#include <algorithm>

#include "vocabulary.h"

namespace srw::sample {
namespace {

constexpr int kMinThemeSize = 4;
constexpr int kMaxThemeSize = 9;

/** Title case for ASCII words; bytes of other scripts pass through untouched. */
std::string titleCase(const std::string& s) {
    std::string out = s;
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        start = (c == ' ' || c == '-');
    }
    return out;
}

std::string capitalise(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string modelCode(SampleRng& rng) {
    static const std::vector<const char*> lines = {"Pro", "Air", "Max",  "Lite", "Go",
                                                   "Neo", "One", "Plus", "Mini", "Ultra"};
    if (rng.chance(0.5))
        return std::string(rng.pick(lines)) + " " + std::to_string(rng.between(2, 9));
    const char letter = static_cast<char>('A' + rng.below(26));
    return std::string(1, letter) + std::to_string(rng.between(1, 99));
}

/** Picks an element of v other than `avoid` (v has at least two elements). */
const char* pickOther(SampleRng& rng, const std::vector<const char*>& v, const char* avoid) {
    const char* w = rng.pick(v);
    while (w == avoid)
        w = rng.pick(v);
    return w;
}

/** What every item of a theme shares. */
struct ThemeWords {
    const char* brand;
    const char* noun;
    const char* attribute;
    const char* secondAttribute;
    std::string model; ///< empty for categories without model codes
};

void writeItemText(SampleItem& item, const Vocabulary& voc, const ThemeWords& w,
                   const char* variant, SampleRng& rng) {
    const char* extra = pickOther(rng, voc.attributes, w.attribute);
    while (extra == w.secondAttribute)
        extra = pickOther(rng, voc.attributes, w.attribute);
    const bool withExtra = rng.chance(0.5);
    const char* use = rng.pick(voc.uses);
    std::string model = w.model.empty() ? std::string() : " " + w.model;
    if (item.chinese) {
        // Chinese shop titles run words together and separate only codes and specs by spaces.
        item.title = std::string(w.brand) + w.attribute + w.noun + model;
        if (withExtra)
            item.title += std::string(" ") + extra;
        item.title += std::string(" ") + variant;
        item.description = std::string(w.brand) + w.noun + "，" + w.attribute + "、" +
                           w.secondAttribute + "、" + extra + "。" + use;
    } else {
        item.title =
            std::string(w.brand) + " " + titleCase(w.attribute) + " " + titleCase(w.noun) + model;
        if (withExtra)
            item.title += ", " + titleCase(extra);
        item.title += std::string(", ") + variant;
        item.description = capitalise(w.noun) + " by " + w.brand + ": " + w.attribute + ", " +
                           w.secondAttribute + " and " + extra + ". " + use;
    }
}

} // namespace

SampleCatalog buildCatalog(const SampleOptions& options, SampleRng& rng) {
    const auto& categories = sampleCategories();
    const auto& english = englishVocabulary();
    const auto& chinese = chineseVocabulary();
    std::vector<double> categorySizes;
    for (const auto& c : categories)
        categorySizes.push_back(c.weight);

    SampleCatalog catalog;
    catalog.themesByCategory.resize(categories.size());
    const int regularItems = options.itemCount - options.coldStartItems;
    std::vector<ThemeWords> themeWords; // kept for the cold-start items added last
    int chineseItems = 0;
    while (static_cast<int>(catalog.items.size()) < regularItems) {
        SampleTheme theme;
        theme.category = static_cast<int>(rng.weighted(categorySizes));
        const int remaining = regularItems - static_cast<int>(catalog.items.size());
        const int size = std::min<int>(remaining, rng.between(kMinThemeSize, kMaxThemeSize));
        // Random language, nudged back when the running share strays, so every seed lands near
        // the promised share instead of merely on average.
        const double target = options.chineseShare * static_cast<double>(catalog.items.size());
        theme.chinese = rng.chance(options.chineseShare);
        if (chineseItems > target + 12)
            theme.chinese = false;
        else if (chineseItems + 12 < target)
            theme.chinese = true;
        const Vocabulary& voc = theme.chinese ? chinese[theme.category] : english[theme.category];
        theme.noun = static_cast<int>(rng.below(voc.nouns.size()));
        ThemeWords words{rng.pick(voc.brands), voc.nouns[theme.noun], rng.pick(voc.attributes),
                         nullptr, std::string()};
        words.secondAttribute = pickOther(rng, voc.attributes, words.attribute);
        if (categories[theme.category].modelCodes)
            words.model = modelCode(rng);

        const int themeIndex = static_cast<int>(catalog.themes.size());
        std::vector<const char*> variants = voc.variants;
        rng.shuffle(variants);
        for (int i = 0; i < size; ++i) {
            SampleItem item;
            item.category = theme.category;
            item.theme = themeIndex;
            item.chinese = theme.chinese;
            // Zipf inside the theme: the first-made variant is the bestseller.
            item.weight = 1.0 / (i + 1);
            writeItemText(item, voc, words, variants[i % variants.size()], rng);
            theme.items.push_back(static_cast<int>(catalog.items.size()));
            catalog.items.push_back(std::move(item));
        }
        if (theme.chinese)
            chineseItems += size;
        catalog.themesByCategory[theme.category].push_back(themeIndex);
        themeWords.push_back(std::move(words));
        catalog.themes.push_back(std::move(theme));
    }

    // Zipf-like popularity over a random ranking of themes; the offset softens the head so a
    // single product line does not take a fifth of all traffic.
    std::vector<int> ranks(catalog.themes.size());
    for (std::size_t i = 0; i < ranks.size(); ++i)
        ranks[i] = static_cast<int>(i);
    rng.shuffle(ranks);
    for (std::size_t i = 0; i < ranks.size(); ++i)
        catalog.themes[i].weight = 1.0 / (ranks[i] + 3);

    // Cold-start items: new models in existing, fairly popular lines, so their text ties them
    // to items with history while their ids have none.
    const std::int64_t end = options.startEpoch + std::int64_t(options.days) * 86400;
    const std::int64_t releaseFrom = end - std::int64_t(options.coldStartDays) * 86400;
    std::vector<double> pool;
    for (const auto& t : catalog.themes)
        pool.push_back(t.weight);
    for (int c = 0; c < options.coldStartItems; ++c) {
        const int themeIndex = static_cast<int>(rng.weighted(pool));
        pool[themeIndex] = 0; // one new model per line
        SampleTheme& theme = catalog.themes[themeIndex];
        const Vocabulary& voc = theme.chinese ? chinese[theme.category] : english[theme.category];
        SampleItem item;
        item.category = theme.category;
        item.theme = themeIndex;
        item.chinese = theme.chinese;
        item.coldStart = true;
        item.releaseTime = releaseFrom + rng.between(0, 12 * 3600);
        item.weight = 2.0; // a launch is promoted above the line's bestseller
        writeItemText(item, voc, themeWords[themeIndex], rng.pick(voc.variants), rng);
        theme.items.push_back(static_cast<int>(catalog.items.size()));
        catalog.items.push_back(std::move(item));
    }

    catalog.categoryWeights.assign(categories.size(), 0.0);
    for (const auto& t : catalog.themes)
        catalog.categoryWeights[t.category] += t.weight;

    std::vector<int> ids(catalog.items.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = 1000 + static_cast<int>(i);
    rng.shuffle(ids); // ids must not reveal category or theme
    for (std::size_t i = 0; i < ids.size(); ++i)
        catalog.items[i].id = ids[i];
    return catalog;
}

} // namespace srw::sample
