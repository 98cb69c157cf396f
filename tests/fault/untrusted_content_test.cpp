// Untrusted content: names and texts that look like SQL or HTML are stored verbatim (every
// statement is bound, never built from values), names that become identifiers are validated, and
// files that would need absurd memory are refused before they are read.
#include "../core/data/formats/format_test_support.h"

#include "srw/data/csv_importer.h"
#include "srw/text/bert_config.h"
#include "srw/text/safetensors.h"
#include "srw/text/tokenizer.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

using namespace srw;
using namespace srw::test;

namespace {

// A sparse file: its size is what a reader would allocate, yet it takes no disk.
std::string sparseFile(const TempDir& dir, const std::string& name, std::uint64_t size,
                       const std::string& head) {
    const std::string path = dir.write(name, head);
    EXPECT_EQ(::truncate(path.c_str(), off_t(size)), 0);
    return path;
}

const std::vector<std::string> kHostileNames = {
    "x'); DROP TABLE datasets; --", "\"quoted\" and 'single'", "<script>alert(1)</script>",
    "Robert'); DELETE FROM events WHERE ('1'='1", "数据集 ünïcödé", "%_\\ LIKE wildcards",
};

class Untrusted : public FormatTest {};

TEST_F(Untrusted, DatasetNamesThatLookLikeSqlAreStoredVerbatim) {
    const std::string log = dir.write("log.csv", "session,item,time\n1,a,1\n1,b,2\n");
    for (const auto& name : kHostileNames)
        importEventsCsv(store, name, log, {});
    std::vector<std::string> names;
    for (const auto& d : store.listDatasets()) {
        names.push_back(d.name);
        EXPECT_EQ(d.events, 2) << d.name;
    }
    std::vector<std::string> want = kHostileNames;
    std::sort(want.begin(), want.end());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, want);
    store.renameDataset(kHostileNames[0], "x\"; DROP TABLE items; --");
    EXPECT_TRUE(store.findDataset("x\"; DROP TABLE items; --"));
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM items"), 2 * std::int64_t(want.size()));
}

TEST_F(Untrusted, NamesThatCannotBeIdentifiersAreRefused) {
    const std::string log = dir.write("log.csv", "session,item,time\n1,a,1\n");
    for (const std::string& bad : {std::string(), std::string("a\nb"), std::string("tab\there"),
                                   std::string("bell\x07"), std::string(" leading"),
                                   std::string("trailing "), std::string(201, 'n'),
                                   std::string("bad \xff utf8"), std::string("nul\0x", 5)})
        EXPECT_THROW(importEventsCsv(store, bad, log, {}), UsageError) << quoteForMessage(bad);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM datasets"), 0);
}

TEST_F(Untrusted, ItemTextsThatLookLikeSqlOrHtmlAreStoredVerbatim) {
    const std::string titles[] = {"'; DELETE FROM items; --", "<script>alert('x')</script>",
                                  "\"); DROP TABLE runs; --"};
    std::string csv = "item_id,title\n";
    for (int i = 0; i < 3; ++i) {
        std::string q;
        for (char c : titles[i])
            q += c == '"' ? std::string("\"\"") : std::string(1, c);
        csv += "id" + std::to_string(i) + ",\"" + q + "\"\n";
    }
    importCatalogCsv(store, "shop", dir.write("items.csv", csv), {});
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(itemOf(store, "shop", "id" + std::to_string(i)).title, titles[i]);
}

TEST(UntrustedFiles, HugeVocabIsRefusedBeforeReading) {
    TempDir dir;
    // 16 GiB: reading it would take minutes and the memory of the machine.
    const std::string path = sparseFile(dir, "vocab.txt", std::uint64_t(16) << 30, "[PAD]\n");
    try {
        Tokenizer::fromVocabFile(path);
        FAIL() << "a 16 GiB vocab.txt was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("limit"), std::string::npos) << e.what();
    }
}

TEST(UntrustedFiles, HugeOrLyingSafetensorsAreRefusedBeforeReading) {
    TempDir dir;
    // Over the 16 GiB file cap.
    std::string head(8, '\0');
    head[0] = 2;
    head += "{}";
    const std::string big = sparseFile(dir, "big.safetensors", (std::uint64_t(16) << 30) + 1, head);
    EXPECT_THROW(SafeTensorsFile::read(big), SafeTensorsError);
    // 4 GiB whose header length is absurd: refused on the first 8 bytes.
    std::string lying(8, '\xFF');
    const std::string liar = sparseFile(dir, "liar.safetensors", std::uint64_t(4) << 30, lying);
    try {
        SafeTensorsFile::read(liar);
        FAIL();
    } catch (const SafeTensorsError& e) {
        EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
    }
    // A shape that needs exabytes but claims 4 bytes of data.
    const std::string header =
        R"({"w":{"dtype":"F32","shape":[4611686018427387904,4611686018427387904],)"
        R"("data_offsets":[0,4]}})";
    std::string file(8, '\0');
    for (int i = 0; i < 8; ++i)
        file[std::size_t(i)] = char((header.size() >> (8 * i)) & 0xFF);
    EXPECT_THROW(SafeTensorsFile::parse(file + header + "abcd", "shape"), SafeTensorsError);
}

TEST(UntrustedFiles, ConfigThatImpliesAbsurdMemoryIsRefused) {
    const std::string cfg = R"({"vocab_size": 1000000000, "hidden_size": 65536,
        "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 512})";
    try {
        BertConfig::fromJson(cfg, "config.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("before allocating"), std::string::npos) << e.what();
    }
    // Sizes that are not integers are refused instead of truncated (or UB for 1e300).
    EXPECT_THROW(BertConfig::fromJson(R"({"vocab_size": 1e300, "hidden_size": 8,
        "num_hidden_layers": 1, "num_attention_heads": 1, "intermediate_size": 8})", "c"),
                 InputError);
    EXPECT_THROW(BertConfig::fromJson(R"({"vocab_size": 30.5, "hidden_size": 8,
        "num_hidden_layers": 1, "num_attention_heads": 1, "intermediate_size": 8})", "c"),
                 InputError);
    EXPECT_THROW(BertConfig::fromJson(R"({"model_type": 7})", "c"), InputError);
}

} // namespace
