#include "srw/sample/sample_generator.h"

#include <algorithm>
#include <set>

#include "sample_catalog.h"
#include "session_simulator.h"
#include "srw/util/atomic_file.h"
#include "srw/util/file_util.h"
#include "srw/util/error.h"
#include "vocabulary.h"

namespace srw {
namespace {

using sample::EventType;

void validate(const SampleOptions& o) {
    if (o.itemCount < 100 || o.itemCount > 1000000)
        throw UsageError("sample item count must be between 100 and 1000000");
    if (o.sessionCount < 100 || o.sessionCount > 10000000)
        throw UsageError("sample session count must be between 100 and 10000000");
    if (o.days < 3 || o.days > 3650)
        throw UsageError("sample length must be between 3 and 3650 days");
    if (o.coldStartDays < 1 || o.coldStartDays >= o.days)
        throw UsageError("cold-start days must be at least 1 and fewer than the sample's days");
    // Each cold-start item goes into its own product line, and lines hold at least 4 items.
    if (o.coldStartItems < 0 || o.coldStartItems > o.itemCount / 20)
        throw UsageError("cold-start items must be between 0 and a twentieth of the items");
    if (o.chineseShare < 0 || o.chineseShare > 1)
        throw UsageError("the Chinese share must be between 0 and 1");
    if (o.botSessions < 0 || o.botSessions > o.sessionCount)
        throw UsageError("bot sessions must be between 0 and the session count");
    if (o.startEpoch < 0)
        throw UsageError("the start time must not be before 1970");
}

/** Appends one CSV field, quoted only when RFC 4180 requires it. */
void appendField(std::string& out, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

const char* typeName(EventType t) {
    switch (t) {
    case EventType::View:
        return "view";
    case EventType::Cart:
        return "cart";
    case EventType::Purchase:
        return "purchase";
    }
    return "view";
}

std::string itemsCsv(const sample::SampleCatalog& catalog) {
    const auto& categories = sample::sampleCategories();
    std::vector<const sample::SampleItem*> byId;
    for (const auto& item : catalog.items)
        byId.push_back(&item);
    std::sort(byId.begin(), byId.end(), [](auto* a, auto* b) { return a->id < b->id; });
    std::string out = "item_id,title,description,category\n";
    for (const auto* item : byId) {
        out += std::to_string(item->id);
        out += ',';
        appendField(out, item->title);
        out += ',';
        appendField(out, item->description);
        out += ',';
        appendField(out, categories[item->category].name);
        out += '\n';
    }
    return out;
}

std::string eventsCsv(const sample::SampleCatalog& catalog, const sample::SimulatedLog& log) {
    std::string out = "session_id,user_id,item_id,timestamp,event_type\n";
    out.reserve(log.events.size() * 34);
    for (const auto& e : log.events) {
        out += std::to_string(e.session);
        out += ',';
        out += std::to_string(e.user);
        out += ',';
        out += std::to_string(catalog.items[e.item].id);
        out += ',';
        out += std::to_string(e.time);
        out += ',';
        out += typeName(e.type);
        out += '\n';
    }
    return out;
}

SampleSummary summarise(const SampleOptions& options, const sample::SampleCatalog& catalog,
                        const sample::SimulatedLog& log) {
    SampleSummary s;
    s.seed = options.seed;
    s.items = static_cast<int>(catalog.items.size());
    s.themes = static_cast<int>(catalog.themes.size());
    std::set<int> categories;
    std::vector<int> coldIds;
    for (const auto& item : catalog.items) {
        categories.insert(item.category);
        s.chineseItems += item.chinese ? 1 : 0;
        if (item.coldStart) {
            coldIds.push_back(item.id);
            s.coldStartFrom = s.coldStartFrom == 0 ? item.releaseTime
                                                   : std::min(s.coldStartFrom, item.releaseTime);
        }
    }
    std::sort(coldIds.begin(), coldIds.end());
    for (int id : coldIds)
        s.coldStartItemIds.push_back(std::to_string(id));
    s.categories = static_cast<int>(categories.size());
    s.coldStartItems = static_cast<int>(coldIds.size());
    s.sessions = log.sessions;
    s.botSessions = log.botSessions.size();
    for (auto id : log.botSessions)
        s.botSessionIds.push_back(std::to_string(id));
    s.events = log.events.size();

    std::set<std::uint32_t> users;
    std::vector<std::uint64_t> perItem(catalog.items.size(), 0);
    std::set<std::uint32_t> bots(log.botSessions.begin(), log.botSessions.end());
    std::uint64_t humanEvents = 0;
    std::set<int> seenInSession;
    std::uint64_t sessionLength = 0;
    s.firstTimestamp = log.events.empty() ? 0 : log.events.front().time;
    for (std::size_t i = 0; i < log.events.size(); ++i) {
        const auto& e = log.events[i];
        const bool newSession = i == 0 || log.events[i - 1].session != e.session;
        if (newSession) {
            if (i > 0 && sessionLength == 1)
                ++s.singleEventSessions;
            seenInSession.clear();
            sessionLength = 0;
        }
        ++sessionLength;
        users.insert(e.user);
        ++perItem[e.item];
        s.firstTimestamp = std::min(s.firstTimestamp, e.time);
        s.lastTimestamp = std::max(s.lastTimestamp, e.time);
        if (!bots.count(e.session))
            ++humanEvents;
        switch (e.type) {
        case EventType::View:
            ++s.views;
            if (!seenInSession.insert(e.item).second)
                ++s.repeatedItemEvents;
            break;
        case EventType::Cart:
            ++s.carts;
            break;
        case EventType::Purchase:
            ++s.purchases;
            break;
        }
        if (!newSession) {
            const auto& p = log.events[i - 1];
            if (p.item == e.item && p.time == e.time && p.type == e.type)
                ++s.duplicateEvents;
        }
    }
    if (sessionLength == 1)
        ++s.singleEventSessions;
    s.users = users.size();
    const std::uint64_t humanSessions = s.sessions - s.botSessions;
    s.meanSessionLength = humanSessions ? double(humanEvents) / double(humanSessions) : 0.0;
    std::sort(perItem.begin(), perItem.end(), std::greater<>());
    const std::size_t top = std::max<std::size_t>(1, (perItem.size() + 99) / 100);
    std::uint64_t topEvents = 0;
    for (std::size_t i = 0; i < top; ++i)
        topEvents += perItem[i];
    s.topOnePercentShare = s.events ? double(topEvents) / double(s.events) : 0.0;
    return s;
}

} // namespace

SampleSummary generateSample(const SampleOptions& options, const std::string& outDir,
                             const ProgressFn& progress) {
    validate(options);
    auto report = [&](const char* stage, std::uint64_t done, std::uint64_t total) {
        if (progress && !progress(Progress{stage, done, total, {}}))
            throw Cancelled();
    };

    report("items", 0, static_cast<std::uint64_t>(options.itemCount));
    sample::SampleRng rng(options.seed);
    const sample::SampleCatalog catalog = sample::buildCatalog(options, rng);

    bool cancelled = false;
    const sample::SimulatedLog log =
        sample::simulateSessions(options, catalog, rng, [&](int done, int total) {
            cancelled =
                progress &&
                !progress(Progress{"sessions", std::uint64_t(done), std::uint64_t(total), {}});
            return !cancelled;
        });
    if (cancelled)
        throw Cancelled();

    SampleSummary summary = summarise(options, catalog, log);
    const std::string items = itemsCsv(catalog);
    const std::string events = eventsCsv(catalog, log);
    summary.itemsBytes = items.size();
    summary.eventsBytes = events.size();

    report("writing", 0, 3);
    makeDirectories(outDir);
    writeFileAtomically(outDir + "/items.csv", items);
    writeFileAtomically(outDir + "/events.csv", events);
    if (options.writeReadme)
        writeFileAtomically(outDir + "/README.md", formatSampleReadme(options, summary));
    if (progress) // too late to cancel: the files are complete, so the answer is ignored
        progress(Progress{"writing", 3, 3, {}});
    return summary;
}

} // namespace srw
