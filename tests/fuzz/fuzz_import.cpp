// Fuzz target of one importer (SRW_FUZZ_FORMAT: yoochoose, diginetica, retailrocket, recbole,
// sessionrec, csv, catalog) or of the format detection followed by its importer ("auto").
//
// Each input is written to a file and imported into a fresh workspace. Besides the sanitizers,
// it checks what an import promises: a failed import leaves the workspace empty, a successful
// one leaves consistent sessions (counts, times, positions, items), and importing the same file
// again (the merge of keys that come back) keeps it consistent. The first line may be
// "@@NAME [lenient] [split]" to choose the file name (formats told by name or extension) and
// options; see fuzz_support.h.
#include "fuzz_support.h"

#include "../support/db_digest.h"

#include "srw/data/csv_importer.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/session_store.h"
#include "srw/util/error.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#ifndef SRW_FUZZ_FORMAT
#error "SRW_FUZZ_FORMAT names the importer under test"
#endif

namespace {

using srw::Statement;

const std::string kFormat = SRW_FUZZ_FORMAT;

std::string defaultName() {
    if (kFormat == "yoochoose")
        return "yoochoose-clicks.dat";
    if (kFormat == "diginetica")
        return "train-item-views.csv";
    if (kFormat == "retailrocket")
        return "events.csv";
    if (kFormat == "recbole")
        return "fuzz.inter";
    if (kFormat == "sessionrec")
        return "sessions.tsv";
    if (kFormat == "catalog")
        return "items.csv";
    return "input.csv";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A migrated empty workspace, made once and copied for each input (migrating costs more than
// most imports).
const std::string& emptyWorkspace() {
    static const std::string bytes = [] {
        const std::string path = srw::fuzz::scratchDir() + "/template.db";
        {
            srw::SessionStore store(path);
            store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            store.db().exec("PRAGMA journal_mode = DELETE");
        }
        return slurp(path);
    }();
    return bytes;
}

std::int64_t count(srw::Database& db, const char* sql) { return db.queryInt(sql); }

void checkConsistent(srw::Database& db) {
    Statement ic = db.prepare("PRAGMA integrity_check");
    SRW_FUZZ_CHECK(ic.step() && ic.getText(0) == "ok");
    Statement fk = db.prepare("PRAGMA foreign_key_check");
    SRW_FUZZ_CHECK(!fk.step());
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM sessions s WHERE s.n_events !="
                             " (SELECT count(*) FROM events e WHERE e.session_id = s.id)") == 0);
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM sessions s WHERE s.n_events > 0 AND"
                             " (s.start_ts != (SELECT min(ts) FROM events e WHERE e.session_id = s.id)"
                             " OR s.end_ts != (SELECT max(ts) FROM events e WHERE e.session_id = s.id))") ==
                   0);
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM sessions WHERE n_events = 0") == 0);
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM events e JOIN sessions s ON s.id = e.session_id"
                             " WHERE e.pos < 0 OR e.pos >= s.n_events") == 0);
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM events a JOIN events b ON b.session_id ="
                             " a.session_id AND b.pos = a.pos + 1 WHERE b.ts < a.ts") == 0);
    SRW_FUZZ_CHECK(count(db, "SELECT count(*) FROM events e JOIN sessions s ON s.id = e.session_id"
                             " LEFT JOIN items i ON i.id = e.item_id AND i.dataset_id = s.dataset_id"
                             " WHERE i.id IS NULL") == 0);
}

void checkEmpty(srw::Database& db) {
    for (const char* t : {"datasets", "dataset_sources", "items", "users", "sessions", "events",
                          "splits", "split_sessions"}) {
        std::string sql = std::string("SELECT count(*) FROM ") + t;
        SRW_FUZZ_CHECK(db.queryInt(sql) == 0);
    }
}

// Imports path; true on success. Expected refusals (bad input, bad options) return false; any
// other exception escapes and is reported as a crash.
bool import(srw::SessionStore& store, const std::string& path, const std::string& format,
            const srw::fuzz::Framed& in, srw::ImportReport& report) {
    srw::DelimitedImportOptions o;
    o.lenient = in.has("lenient");
    if (in.has("split"))
        o.splitPart = "test";
    try {
        report = srw::importFile(store, "fuzz", path, format, o);
        return true;
    } catch (const srw::InputError&) {
    } catch (const srw::UsageError&) {
    }
    return false;
}

} // namespace

namespace srw::fuzz {

std::vector<std::string> generatedCases() {
    // Lines of 10 MB: one unquoted id, one quoted field holding newlines, in this format's shape.
    const std::string big(10u << 20, 'x');
    std::string quoted = "\"" + big.substr(0, 5u << 20) + "\n\"\"" + big.substr(0, 5u << 20) + "\"";
    if (kFormat == "yoochoose")
        return {"1,2014-04-07T10:51:09.277Z," + big + ",0\n",
                "1,2014-04-07T10:51:09.277Z,2,0\n" + big};
    if (kFormat == "recbole")
        return {"session_id:token\titem_id:token\ttimestamp:float\n1\t" + big + "\t1\n"};
    if (kFormat == "sessionrec")
        return {"session_id\titem_id\ttime\n1\t" + big + "\t1\n"};
    if (kFormat == "diginetica")
        return {"sessionId;userId;itemId;timeframe;eventdate\n1;;" + big + ";1;2016-05-09\n"};
    if (kFormat == "retailrocket")
        return {"timestamp,visitorid,event,itemid,transactionid\n1433221332117,1,view," + big +
                ",\n"};
    if (kFormat == "catalog")
        return {"item_id,title\n1," + quoted + "\n", "item_id,title\n1," + big + "\n"};
    return {"session,item,time\n1," + big + ",2020-01-01T00:00:00Z\n",
            "session,item,time\n1," + quoted + ",2020-01-01T00:00:00Z\n",
            "session,item,time\n1,2,\"" + big};
}

} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace srw::fuzz;
    const Framed in =
        unframe(std::string_view(reinterpret_cast<const char*>(data), size), defaultName());
    const std::string ws = scratchDir() + "/workspace.db";
    const std::string& empty = emptyWorkspace();
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        ::unlink((ws + suffix).c_str());
    writeScratch("workspace.db", empty);
    const std::string path = writeScratch(in.name, in.body);

    {
        srw::SessionStore store(ws);
        std::string format = kFormat;
        bool detected = true;
        if (format == "auto") {
            try {
                format = srw::detectFormat(path);
                const auto& known = srw::knownFormats();
                SRW_FUZZ_CHECK(std::find(known.begin(), known.end(), format) != known.end());
            } catch (const srw::InputError&) {
                detected = false;
            }
        }
        srw::ImportReport report;
        if (detected && import(store, path, format, in, report)) {
            checkConsistent(store.db());
            const bool events = format != "catalog" && report.events > 0;
            if (events)
                SRW_FUZZ_CHECK(std::int64_t(report.events) ==
                               store.db().queryInt("SELECT count(*) FROM events"));
            SRW_FUZZ_CHECK(report.rows >= report.skipped);
            // Again into the same dataset: every key comes back and is merged.
            // A refused second import must leave the workspace exactly as it was.
            const std::string before = srw::test::workspaceDigest(ws);
            srw::ImportReport again;
            if (!import(store, path, format, in, again))
                SRW_FUZZ_CHECK(srw::test::workspaceDigest(ws) == before);
            checkConsistent(store.db());
        } else {
            checkEmpty(store.db());
        }
    }
    removeScratch(in.name);
    return 0;
}
