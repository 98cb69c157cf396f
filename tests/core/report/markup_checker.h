#pragma once
// A tiny well-formedness check for the report's HTML and SVG: tags nest and close, attribute
// values are quoted, and no raw '<' or '&' appears in text (so escaping held).
#include <algorithm>
#include <string>
#include <vector>

namespace srw::test {

/** @brief Empty when markup is well formed, else what is wrong and where. */
inline std::string checkMarkup(const std::string& s, bool html) {
    static const std::vector<std::string> kVoid = {"meta", "br", "img", "hr", "link", "input"};
    std::vector<std::string> open;
    std::size_t i = 0;
    auto at = [&](std::size_t p) {
        return " at byte " + std::to_string(p) + ": " + s.substr(p, 40);
    };
    while (i < s.size()) {
        if (s[i] == '&') {
            const auto semi = s.find(';', i);
            const std::string ent = s.substr(i + 1, semi == std::string::npos ? 0 : semi - i - 1);
            const bool known = ent == "amp" || ent == "lt" || ent == "gt" || ent == "quot" ||
                               (ent.size() > 1 && ent[0] == '#' &&
                                std::all_of(ent.begin() + 1, ent.end(), ::isdigit));
            if (!known)
                return "bare '&'" + at(i);
            i = semi + 1;
            continue;
        }
        if (s[i] != '<') {
            if (s[i] == '>')
                return "bare '>'" + at(i);
            ++i;
            continue;
        }
        if (s.compare(i, 2, "<!") == 0) { // doctype
            const auto end = s.find('>', i);
            if (end == std::string::npos)
                return "unclosed <!" + at(i);
            i = end + 1;
            continue;
        }
        const bool closing = i + 1 < s.size() && s[i + 1] == '/';
        std::size_t p = i + (closing ? 2 : 1);
        std::string name;
        while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '-'))
            name += s[p++];
        if (name.empty())
            return "'<' that starts no tag" + at(i);
        // Attributes: name="value" with no '<' inside values.
        bool selfClosing = false;
        while (p < s.size() && s[p] != '>') {
            if (s[p] == '"') {
                const auto q = s.find('"', p + 1);
                if (q == std::string::npos || s.substr(p, q - p).find('<') != std::string::npos)
                    return "bad attribute value" + at(p);
                p = q + 1;
                continue;
            }
            if (s[p] == '=' && p + 1 < s.size() && s[p + 1] != '"')
                return "unquoted attribute" + at(p);
            if (s[p] == '<')
                return "'<' inside a tag" + at(p);
            if (s[p] == '/' && p + 1 < s.size() && s[p + 1] == '>')
                selfClosing = true;
            ++p;
        }
        if (p >= s.size())
            return "unclosed tag" + at(i);
        i = p + 1;
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back()) + at(p);
            open.pop_back();
        } else if (!selfClosing &&
                   !(html && std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end())) {
            open.push_back(name);
            if (name == "style") { // CSS is raw text up to its end tag
                const auto end = s.find("</style>", i);
                if (end == std::string::npos)
                    return "unclosed style";
                i = end;
            }
        }
    }
    return open.empty() ? std::string() : "unclosed <" + open.back() + ">";
}

} // namespace srw::test
