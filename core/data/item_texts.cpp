#include "srw/data/item_texts.h"

#include <nlohmann/json.hpp>

namespace srw {

std::string composeItemText(const std::optional<std::string>& title,
                            const std::optional<std::string>& description,
                            const std::optional<std::string>& category,
                            const std::optional<std::string>& attributesJson) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty())
            return;
        if (!out.empty())
            out += " ; ";
        out += part;
    };
    if (title)
        add(*title);
    if (description)
        add(*description);
    if (category)
        add(*category);
    if ((!title || title->empty()) && (!description || description->empty()) && attributesJson) {
        auto attrs = nlohmann::json::parse(*attributesJson, nullptr, false);
        if (attrs.is_object())
            for (auto& [key, value] : attrs.items())
                add(key + " " + (value.is_string() ? value.get<std::string>() : value.dump()));
    }
    return out;
}

std::vector<ItemText> loadItemTexts(SessionStore& store, const std::string& dataset) {
    std::int64_t id = store.requireDataset(dataset);
    Statement st = store.db().prepare(
        "SELECT id, external_id, title, description, category, attributes FROM items"
        " WHERE dataset_id = ? ORDER BY id");
    st.bind(1, id);
    std::vector<ItemText> out;
    while (st.step()) {
        ItemText t;
        t.itemId = st.getInt(0);
        t.externalId = st.getText(1);
        auto title = st.getOptText(2), desc = st.getOptText(3);
        t.hasText = (title && !title->empty()) || (desc && !desc->empty());
        t.text = composeItemText(title, desc, st.getOptText(4), st.getOptText(5));
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace srw
