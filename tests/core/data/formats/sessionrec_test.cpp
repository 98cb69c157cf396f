// Prepared session-based benchmark files: SessionId, ItemId, Time (epoch seconds), tab-separated.
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/formats/sessionrec_importer.h"
#include "srw/util/error.h"

using namespace srw;
using namespace srw::test;

namespace {

class SessionRec : public FormatTest {};

long long partCount(SessionStore& s, const std::string& part) {
    Statement st = s.db().prepare("SELECT count(*) FROM split_sessions WHERE part = ?");
    st.bind(1, part);
    st.step();
    return st.getInt(0);
}

} // namespace

TEST_F(SessionRec, TrainAndTestFilesWithSplitParts) {
    DelimitedImportOptions train;
    train.splitPart = "train";
    ImportReport a =
        importSessionRec(store, "rsc",
                         dir.write("rsc15_train_full.txt", "SessionId\tItemId\tTime\n"
                                                           "1\t214536502\t1396839069.277\n"
                                                           "1\t214536500\t1396839249.868\n"
                                                           "2\t214662742\t1396839420\n"),
                         train);
    DelimitedImportOptions test;
    test.splitPart = "test";
    ImportReport b = importFile(store, "rsc",
                                dir.write("rsc15_test.txt", "SessionId\tItemId\tTime\n"
                                                            "9\t214536502\t1396900000.5\n"
                                                            "9\t214662742\t1396900010"),
                                "auto", test);
    EXPECT_EQ(a.sessions, 2u);
    EXPECT_EQ(b.sessions, 1u);
    EXPECT_EQ(b.newItems, 0u);
    EXPECT_EQ(partCount(store, "train"), 2);
    EXPECT_EQ(partCount(store, "test"), 1);
    std::vector<StoredEvent> want = {
        {"1", std::nullopt, "214536502", 1396839069277LL, ""},
        {"1", std::nullopt, "214536500", 1396839249868LL, ""},
        {"2", std::nullopt, "214662742", 1396839420000LL, ""},
        {"9", std::nullopt, "214536502", 1396900000500LL, ""},
        {"9", std::nullopt, "214662742", 1396900010000LL, ""},
    };
    EXPECT_EQ(eventsOf(store, "rsc"), want);
}

TEST_F(SessionRec, ExtraColumnsAreAllowed) {
    auto path = dir.write("digi_train.txt", "SessionId\tItemId\tTime\tDate\tTimeO\n"
                                            "3\t81766\t1462752526.309\t2016-05-09\t0\n");
    ImportReport r = importSessionRec(store, "d", path, {});
    EXPECT_EQ(r.events, 1u);
    EXPECT_EQ(eventsOf(store, "d")[0].ts, 1462752526309LL);
}
