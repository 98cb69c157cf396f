// Runs the srw binary like a script would and checks the contracts later tools rely on.
#include "../support/temp_dir.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {

struct Result {
    int status = -1;
    std::string out;
};

// Runs srw with args (already shell-quoted where needed); stderr goes to a file, not stdout.
Result runSrw(const std::string& args) {
    std::string cmd = std::string(SRW_CLI) + " -q " + args + " 2>/dev/null";
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

nlohmann::json json(const Result& r) { return nlohmann::json::parse(r.out); }

class Cli : public ::testing::Test {
protected:
    srw::test::TempDir dir;
    std::string db = "--db " + dir.file("ws.sqlite");
    std::string sampleEvents = std::string(SRW_SOURCE_DIR) + "/sample_data/events.csv";
    std::string sampleItems = std::string(SRW_SOURCE_DIR) + "/sample_data/items.csv";
};

} // namespace

TEST_F(Cli, ExitStatuses) {
    EXPECT_EQ(runSrw("--version").status, 0);
    EXPECT_EQ(runSrw("--help").status, 0);
    EXPECT_EQ(runSrw("").status, 2);                   // a command is required
    EXPECT_EQ(runSrw("import --bogus").status, 2);     // CLI11's own parse errors map to 2
    EXPECT_EQ(runSrw(db + " stats nope").status, 2);   // unknown dataset: bad usage
    std::string bad = dir.write("bad.csv", "session,item,time\n1,a,notatime\n");
    EXPECT_EQ(runSrw(db + " import " + bad + " --dataset d").status, 3);
    std::string junk = dir.write("junk.sqlite", std::string(8192, 'j'));
    EXPECT_EQ(runSrw("--db " + junk + " datasets").status, 4);
}

TEST_F(Cli, ImportStatsAndManagement) {
    std::string log = dir.write("log.csv", "session_id,item_id,timestamp\n1,a,100\n1,b,160\n2,a,50\n");
    Result imp = runSrw(db + " import " + log + " --dataset d --json");
    ASSERT_EQ(imp.status, 0);
    EXPECT_EQ(json(imp)["events"], 3);
    Result st = runSrw(db + " stats d --json");
    ASSERT_EQ(st.status, 0);
    auto j = json(st);
    for (const char* key : {"events", "sessions", "items", "users", "items_with_text", "first_ts",
                            "last_ts"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["events"], 3);
    EXPECT_EQ(j["sessions"], 2);
    EXPECT_EQ(j["items"], 2);
    EXPECT_TRUE(j["users"].is_null());
    EXPECT_EQ(j["first_ts"], 50);
    EXPECT_EQ(j["last_ts"], 160);

    EXPECT_EQ(runSrw(db + " rename d e").status, 0);
    EXPECT_EQ(json(runSrw(db + " datasets --json"))[0]["name"], "e");
    EXPECT_EQ(runSrw(db + " backup " + dir.file("copy.sqlite")).status, 0);
    EXPECT_EQ(json(runSrw("--db " + dir.file("copy.sqlite") + " stats e --json"))["events"], 3);
    EXPECT_EQ(runSrw(db + " delete e").status, 0);
    EXPECT_TRUE(json(runSrw(db + " datasets --json")).empty());
}

TEST_F(Cli, PipelineOnTheSampleDataGivesStoredRuns) {
    ASSERT_EQ(runSrw(db + " import " + sampleEvents + " --dataset s --items " + sampleItems).status, 0);
    auto prep = json(runSrw(db + " prepare s --json"));
    EXPECT_EQ(prep["bot_sessions"], 12); // the generator's bots, all caught by the defaults
    // One test day of the sample is a handful of sessions: the split says so (stderr, and JSON).
    auto tiny = json(runSrw(db + " split s --test-days 0.01 --name tiny --json"));
    ASSERT_EQ(tiny["warnings"].size(), 1u);
    EXPECT_NE(tiny["warnings"][0].get<std::string>().find("test sessions"), std::string::npos);
    auto split = json(runSrw(db + " split s --json"));
    EXPECT_GT(split["test"]["sessions"].get<int>(), 0);
    EXPECT_TRUE(split["warnings"].empty()) << split["warnings"].dump();
    auto stats = json(runSrw(db + " stats s --json"));
    EXPECT_EQ(stats["parts"]["test"]["sessions"], split["test"]["sessions"]);
    EXPECT_EQ(stats["items_with_text"], 2000);

    Result ev = runSrw(db + " eval s --model sr --k 5,20 --json");
    ASSERT_EQ(ev.status, 0);
    auto e = json(ev);
    for (const char* key : {"HitRate@20", "MRR@20", "NDCG@20", "HitRate@5", "predictions", "run"})
        EXPECT_TRUE(e.contains(key)) << key;
    EXPECT_GT(e["predictions"].get<int>(), 0);
    for (const auto& [key, value] : e.items()) // only "Metric@K", "predictions" and "run"
        EXPECT_TRUE(key == "predictions" || key == "run" || key.find('@') != std::string::npos)
            << key;
    EXPECT_GT(e["HitRate@20"].get<double>(), e["HitRate@5"].get<double>() - 1e-12);

    auto pop = json(runSrw(db + " eval s --model pop --k 5,20 --json"));
    // The sample's co-view structure makes sequential rules far better than popularity.
    EXPECT_GT(e["MRR@20"].get<double>(), 2 * pop["MRR@20"].get<double>());
    auto runs = json(runSrw(db + " runs --json"));
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0]["id"], pop["run"]);
    EXPECT_EQ(runs[1]["model"], "sr");
    Result cmp = runSrw(db + " compare " + std::to_string(e["run"].get<int>()) + " " +
                     std::to_string(pop["run"].get<int>()) + " --json");
    ASSERT_EQ(cmp.status, 0);
    EXPECT_FALSE(json(cmp)["metrics"].empty());
    EXPECT_EQ(runSrw(db + " eval s --model nosuch").status, 2);
}

TEST_F(Cli, TokenizeMatchesTheGoldenTokenizerThroughStdin) {
    const std::string golden = std::string(SRW_GOLDEN_DIR) + "/bert-tiny";
    std::ifstream in(golden + "/golden.json");
    if (!in)
        GTEST_SKIP() << "golden fixtures not found";
    auto cases = nlohmann::json::parse(in)["tokenizer"]["cases"];
    std::string texts;
    std::vector<nlohmann::json> want;
    for (const auto& c : cases) {
        std::string t = c["text"];
        // One text per line on stdin: skip pairs and texts holding line breaks.
        if (c.contains("text_pair") || t.find_first_of("\r\n") != std::string::npos ||
            t.find('\x85') != std::string::npos || t.find("\xe2\x80\xa8") != std::string::npos)
            continue;
        texts += t + "\n";
        want.push_back(c["uncased"]["ids"]);
    }
    ASSERT_GT(want.size(), 10u);
    std::string file = dir.write("texts.txt", texts);
    Result r = runSrw("tokenize --model " + golden + "/base --json - < " + file);
    ASSERT_EQ(r.status, 0);
    auto got = json(r);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        EXPECT_EQ(got[i]["ids"], want[i]) << i;
}

TEST_F(Cli, EncodeFillsTheCacheOnce) {
    const std::string model = std::string(SRW_GOLDEN_DIR) + "/bert-tiny/base";
    std::string items = dir.write("items.csv", "item_id,title\na,Wireless headphones\nb,蓝牙耳机\n");
    ASSERT_EQ(runSrw(db + " import " + items + " --dataset d --format catalog").status, 0);
    auto first = json(runSrw(db + " --threads 1 encode d --model " + model + " --json"));
    EXPECT_EQ(first["encoded"], 2);
    EXPECT_EQ(first["dim"], 32);
    auto second = json(runSrw(db + " --threads 1 encode d --model " + model + " --json"));
    EXPECT_EQ(second["encoded"], 0);
    EXPECT_EQ(second["cached"], 2);
}

TEST_F(Cli, PretrainSavesALoadableEncoder) {
    // The MS catalogue's 101 product names: small enough for one quick epoch.
    const std::string catalog =
        std::string(SRW_SHARED_DATA_DIR) + "/ms-product-recommendations/demoCatalog.csv";
    ASSERT_EQ(runSrw(db + " import " + catalog +
                     " --dataset d --format catalog --no-header --columns id=0,title=1,category=2")
                  .status,
              0);
    Result r = runSrw(db + " --threads 1 pretrain d --epochs 1 --vocab 300 --device cpu");
    ASSERT_EQ(r.status, 0);
    // "encoder of 'd' saved in DIR": the folder is a Hugging Face model srw-ml can encode with.
    const auto at = r.out.find(" saved in ");
    ASSERT_NE(at, std::string::npos) << r.out;
    std::string dirPath = r.out.substr(at + 10);
    while (!dirPath.empty() && (dirPath.back() == '\n' || dirPath.back() == '\r'))
        dirPath.pop_back();
    auto enc = json(runSrw(db + " --threads 1 encode d --model " + dirPath + " --json"));
    EXPECT_EQ(enc["encoded"], 101);
    EXPECT_EQ(enc["dim"], 128);
    auto tok = json(runSrw("tokenize --model " + dirPath + " --json \"Surface Pro 3 sleeve\""));
    EXPECT_EQ(tok[0]["tokens"][0], "[CLS]");
}

// Batch recommendations for a file of sessions: one list per session, equal to what --items gives
// for the same items, the file's session ids kept; a session split over the file is refused with
// its line, and no half-written output is left.
TEST_F(Cli, RecommendBatchFromASessionsFile) {
    if (!std::ifstream(std::string(SRW_CLI) + "-ml"))
        GTEST_SKIP() << "srw-ml is not built (no LibTorch)";
    ASSERT_EQ(runSrw(db + " import " + sampleEvents + " --dataset s --items " + sampleItems).status, 0);
    ASSERT_EQ(runSrw(db + " split s").status, 0);
    auto one = json(runSrw(db + " recommend s --model iknn --items 1000,1001 --k 5 --json"));
    ASSERT_EQ(one["recommendations"].size(), 5u);

    const std::string sessions = dir.write(
        "sessions.csv", "session_id,item_id\nA,1000\nA,1001\nB,1002\nB,NOT-AN-ITEM\nC,1003\n");
    const std::string out = dir.file("recs.csv");
    Result r = runSrw(db + " recommend s --model iknn --sessions " + sessions + " --csv " + out +
                      " --k 5");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("1 events of items outside"), std::string::npos) << r.out;
    std::ifstream in(out);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "session_id,rank,item_id,score");
    std::map<std::string, std::vector<std::string>> lists;
    while (std::getline(in, line)) {
        const auto c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
        lists[line.substr(0, c1)].push_back(line.substr(c2 + 1, c3 - c2 - 1));
    }
    ASSERT_EQ(lists.size(), 3u);
    ASSERT_EQ(lists["A"].size(), 5u);
    for (std::size_t k = 0; k < 5; ++k)
        EXPECT_EQ(lists["A"][k], one["recommendations"][k]["item"].get<std::string>());
    EXPECT_EQ(lists["B"].size(), 5u); // the unknown item is skipped, 1002 still scores

    const std::string split = dir.write("split.csv", "session_id,item_id\nA,1000\nB,1001\nA,1002\n");
    const std::string out2 = dir.file("recs2.csv");
    EXPECT_EQ(runSrw(db + " recommend s --model iknn --sessions " + split + " --csv " + out2).status, 3);
    EXPECT_FALSE(std::ifstream(out2).good());
    EXPECT_FALSE(std::ifstream(out2 + ".partial").good());
    EXPECT_EQ(runSrw(db + " recommend s --model iknn --sessions " + split).status, 2); // no --csv
}
