#pragma once
#include "srw/data/session_store.h"

#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief An item with the text an encoder reads for it. */
struct ItemText {
    std::int64_t itemId = 0;
    std::string externalId;
    std::string text;
    bool hasText = false; ///< a title or description (not only category or attributes)
};

/**
 * @brief The text of an item as encoders read it: title, description and category joined with
 * " ; ". Items without title and description (YOOCHOOSE) fall back to what is known: the
 * category and the attribute values. An item with nothing known gets an empty text.
 */
std::string composeItemText(const std::optional<std::string>& title,
                            const std::optional<std::string>& description,
                            const std::optional<std::string>& category,
                            const std::optional<std::string>& attributesJson);

/** @brief Every item of the dataset (ordered by id) with its composed text. */
std::vector<ItemText> loadItemTexts(SessionStore& store, const std::string& dataset);

} // namespace srw
