// The README written next to the sample, so the committed description can never drift from
// the files: regenerating the sample regenerates its documentation.
#include <cstdio>
#include <ctime>

#include "srw/sample/sample_generator.h"

namespace srw {
namespace {

/** "2024-03-01 00:00:00 UTC" from epoch seconds; UTC, so no time zone state matters. */
std::string utcTime(std::int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &tt);
#else
    gmtime_r(&tt, &tm);
#endif
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

std::string formatSampleReadme(const SampleOptions& o, const SampleSummary& s) {
    const auto n = [](auto v) { return std::to_string(v); };
    std::string r;
    r += "# Sample dataset\n\n";
    r += "A synthetic but realistic e-commerce log for trying every feature of SessionRec "
         "Workbench: importing, preparation, statistics, text encoding, training, evaluation and "
         "cold-start recommendation. Nothing in it describes real people, shops or products; all "
         "brands are invented.\n\n";
    r += "## How it was made\n\n";
    r += "```\nsrw generate-sample --seed " + n(s.seed) + " --out sample_data\n```\n\n";
    r += "The generator (`core/sample/`) is deterministic: the same seed and options give "
         "byte-identical files on every platform with IEEE doubles (its own xoshiro256** "
         "generator, no standard library distributions, no floating-point library calls). Options "
         "used: " +
         n(o.itemCount) + " items, " + n(o.sessionCount) + " shopper sessions plus " +
         n(o.botSessions) + " bot sessions, " + n(o.days) + " days from " + utcTime(o.startEpoch) +
         ", " + percent(o.chineseShare) +
         " of product lines in "
         "Chinese, " +
         n(o.coldStartItems) + " cold-start items released in the last " + n(o.coldStartDays) +
         " days.\n\n";
    r += "## Files\n\n";
    r += "Both files are UTF-8 CSV with a header line, `,` as separator, `\\n` line ends and "
         "RFC 4180 quoting (fields holding a comma, a quote or a line break are quoted, quotes "
         "doubled).\n\n";
    r += "### items.csv (" + n(s.itemsBytes) + " bytes)\n\n";
    r += "| column | meaning |\n|---|---|\n";
    r += "| `item_id` | integer id, unique; ids are shuffled and say nothing about the item |\n";
    r += "| `title` | product title, English or Simplified Chinese |\n";
    r += "| `description` | one or two short sentences in the title's language |\n";
    r += "| `category` | one of " + n(s.categories) +
         " shop categories (English names, some "
         "containing a comma) |\n\n";
    r += "### events.csv (" + n(s.eventsBytes) + " bytes)\n\n";
    r += "| column | meaning |\n|---|---|\n";
    r += "| `session_id` | integer, numbered in order of session start |\n";
    r += "| `user_id` | integer; a user has one or more sessions |\n";
    r += "| `item_id` | an `item_id` of items.csv (every event's item is there) |\n";
    r += "| `timestamp` | Unix epoch **seconds** (UTC) |\n";
    r += "| `event_type` | `view`, `cart` (added to cart) or `purchase` |\n\n";
    r += "Rows are grouped by session and ordered by time within a session.\n\n";
    r += "## What is in it\n\n";
    r += "- **Product lines.** Items come in " + n(s.themes) +
         " small lines (4 to 9 items) "
         "sharing brand, key attribute, product noun and model code in their titles, and "
         "differing in colour, size or format. Shoppers browse within lines and between lines "
         "of the same product noun, so items viewed together share words: text predicts "
         "behaviour.\n";
    r += "- **Popularity** is Zipf-like (random rank, weight 1/(rank+3) per line, 1/rank "
         "inside a line): the most popular 1% of items get " +
         percent(s.topOnePercentShare) + " of all events.\n";
    r += "- **Sessions** start mostly in the evening, have a geometric number of views (mean "
         "about 5), gaps of seconds to a few minutes, and a coherent intent: mostly the user's "
         "favourite category; about 5% of clicks drift to another category.\n";
    r += "- **Language.** About a fifth of the lines are written in Simplified Chinese; "
         "readers of Chinese prefer them.\n";
    r += "- **Cold start.** " + n(s.coldStartItems) + " new models join existing lines from " +
         utcTime(s.coldStartFrom) +
         " and have no events before their release: " + join(s.coldStartItemIds) + ".\n";
    r += "- **Bots.** " + n(s.botSessions) +
         " sessions are crawlers (150-400 views, 1-3 s "
         "apart) or fast clickers (30-80 views, 0-1 s apart): sessions " +
         join(s.botSessionIds) + ".\n";
    r += "- **Repeats.** Shoppers go back to items they saw; the tracker occasionally logs a "
         "view twice (same session, item and second).\n\n";
    r += "## Numbers\n\n";
    r += "| | |\n|---|---|\n";
    r += "| items | " + n(s.items) + " (" + n(s.chineseItems) + " in Chinese, " +
         n(s.coldStartItems) + " cold-start) |\n";
    r += "| categories | " + n(s.categories) + " |\n";
    r += "| product lines | " + n(s.themes) + " |\n";
    r += "| events | " + n(s.events) + " (" + n(s.views) + " views, " + n(s.carts) + " carts, " +
         n(s.purchases) + " purchases) |\n";
    r += "| sessions | " + n(s.sessions) + " (" + n(s.botSessions) + " bots, " +
         n(s.singleEventSessions) + " with a single event) |\n";
    r += "| users | " + n(s.users) + " |\n";
    r += "| mean events per shopper session | " + fixed(s.meanSessionLength) + " |\n";
    r += "| views of an item already viewed in the session | " + n(s.repeatedItemEvents) + " |\n";
    r += "| exact duplicate lines (double-logged views) | " + n(s.duplicateEvents) + " |\n";
    r += "| share of events on the top 1% of items | " + percent(s.topOnePercentShare) + " |\n";
    r += "| first event | " + utcTime(s.firstTimestamp) + " (" + n(s.firstTimestamp) + ") |\n";
    r += "| last event | " + utcTime(s.lastTimestamp) + " (" + n(s.lastTimestamp) + ") |\n";
    return r;
}

} // namespace srw
