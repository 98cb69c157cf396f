// How fast the GUI's lazy tables answer on a big workspace: times core's browse queries (the
// calls BrowseTableModel makes off the GUI thread) for a dataset's events, sessions and items.
// Measures, asserts nothing; a query still running after the cap is interrupted the way the GUI
// cancels one (Database::interrupt) and reported as such.
//   browse_probe WORKSPACE DATASET [CAP_SECONDS]   (one JSON object per line on stdout)
#include "srw/data/browse_queries.h"
#include "srw/data/session_store.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

using namespace srw;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kPageRows = 256; // BrowseTableModel's page size
constexpr int kScrollPages = 40;

/** Runs f; interrupts the database when it takes longer than cap. Seconds, or -1 if cut. */
double timed(SessionStore& store, double cap, const std::function<void()>& f) {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::atomic<bool> cut{false};
    std::thread watchdog([&] {
        std::unique_lock<std::mutex> lock(m);
        if (!cv.wait_for(lock, std::chrono::duration<double>(cap), [&] { return done; })) {
            cut = true;
            store.db().interrupt();
        }
    });
    const auto t0 = Clock::now();
    try {
        f();
    } catch (const std::exception& e) {
        if (!cut)
            std::fprintf(stderr, "browse_probe: %s\n", e.what());
    }
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    {
        std::lock_guard<std::mutex> lock(m);
        done = true;
    }
    cv.notify_one();
    watchdog.join();
    return cut ? -1 : s;
}

void report(const char* table, const std::string& what, double seconds, std::size_t rows) {
    std::printf("{\"table\":\"%s\",\"query\":\"%s\",\"ms\":%.1f,\"rows\":%zu%s}\n", table,
                what.c_str(), seconds < 0 ? -1.0 : seconds * 1e3, rows,
                seconds < 0 ? ",\"interrupted\":true" : "");
    std::fflush(stdout);
}

void probe(SessionStore& store, const std::string& dataset, BrowseTable table, const char* name,
           const std::string& search, double cap) {
    BrowseQuery q;
    q.table = table;
    q.dataset = dataset;
    // Each time is taken before the report reads the rows (argument order is unspecified).
    std::int64_t total = 0;
    double t = timed(store, cap, [&] { total = browseCount(store, q); });
    report(name, "count", t, std::size_t(total));

    BrowsePage page;
    t = timed(store, cap, [&] { page = browsePage(store, q, {}, kPageRows); });
    report(name, "first page", t, page.rows.size());
    // Scrolling: each further page is one keyset seek after the cursor of the last.
    std::size_t rows = 0;
    int pages = 0;
    const double scroll = timed(store, cap, [&] {
        BrowsePage p = page;
        for (; pages < kScrollPages && p.next; ++pages) {
            p = browsePage(store, q, p.next, kPageRows);
            rows += p.rows.size();
        }
    });
    report(name, "next page (mean of " + std::to_string(pages) + ")",
           scroll < 0 || pages == 0 ? scroll : scroll / pages, rows);

    const auto& columns = browseColumns(table);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        BrowseQuery s = q;
        s.sortColumn = int(c);
        s.descending = true;
        BrowsePage sp;
        t = timed(store, cap, [&] { sp = browsePage(store, s, {}, kPageRows); });
        report(name, "first page sorted by " + columns[c].name + " desc", t, sp.rows.size());
    }
    BrowseQuery f = q;
    f.search = search;
    BrowsePage fp;
    t = timed(store, cap, [&] { fp = browsePage(store, f, {}, kPageRows); });
    report(name, "first page searching '" + search + "'", t, fp.rows.size());
    std::int64_t matches = 0;
    t = timed(store, cap, [&] { matches = browseCount(store, f); });
    report(name, "count searching '" + search + "'", t, std::size_t(matches));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: browse_probe WORKSPACE DATASET [CAP_SECONDS]\n");
        return 2;
    }
    const double cap = argc > 3 ? std::atof(argv[3]) : 60.0;
    try {
        SessionStore store(argv[1], Database::Mode::ReadOnly);
        probe(store, argv[2], BrowseTable::Events, "events", "4711", cap);
        probe(store, argv[2], BrowseTable::Sessions, "sessions", "4711", cap);
        probe(store, argv[2], BrowseTable::Items, "items", "4711", cap);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "browse_probe: %s\n", e.what());
        return 4;
    }
    return 0;
}
