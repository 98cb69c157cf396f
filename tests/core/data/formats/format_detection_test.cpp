// Detection from the extension, the header or the rows' shape, and an error that says why.
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

using namespace srw;
using namespace srw::test;

namespace {

struct DetectCase {
    const char* name;
    const char* file;
    std::string content;
    const char* format;
};

std::vector<DetectCase> detectCases() {
    return {
        {"yoochoose_clicks", "yoochoose-clicks.dat",
         "1,2014-04-07T10:51:09.277Z,214536502,0\n1,2014-04-07T10:54:46.998Z,214536506,S",
         "yoochoose"},
        {"yoochoose_buys", "yoochoose-buys.dat",
         "420374,2014-04-06T18:44:58.314Z,214537888,12462,1\n", "yoochoose"},
        {"yoochoose_any_name", "sample.txt", "1,2014-04-07T10:51:09.277Z,214536502,2053\n",
         "yoochoose"},
        {"diginetica_views", "train-item-views.csv",
         "sessionId;userId;itemId;timeframe;eventdate\n1;NA;81766;526309;2016-05-09", "diginetica"},
        {"diginetica_views_snake", "views.csv",
         "session_id;user_id;item_id;timeframe;eventdate\n1;NA;81766;526309;2016-05-09\n",
         "diginetica"},
        {"diginetica_products", "products.csv", "itemId;pricelog2;product.name.tokens\n1;10;4,5",
         "diginetica"},
        {"diginetica_categories", "product-categories.csv", "itemId;categoryId\n1;10\n",
         "diginetica"},
        {"retailrocket_events", "events.csv",
         "timestamp,visitorid,event,itemid,transactionid\n1433221332117,257597,view,355908,",
         "retailrocket"},
        {"retailrocket_properties", "item_properties_part2.csv",
         "timestamp,itemid,property,value\n1433221332117,1,categoryid,5\n", "retailrocket"},
        {"recbole_by_extension", "ml.inter", "anything", "recbole"},
        {"recbole_item", "ml.item", "item_id:token\ttitle:token_seq\n1\tA\n", "recbole"},
        {"recbole_by_header", "ml.tsv", "user_id:token\titem_id:token\ttimestamp:float\n1\t2\t3\n",
         "recbole"},
        {"sessionrec", "rsc15_test.txt", "SessionId\tItemId\tTime\n1\t2\t1396839069.277",
         "sessionrec"},
        {"sessionrec_time_first", "train.txt", "SessionId\tTime\tItemId\n1\t1396839069\t2\n",
         "sessionrec"},
        {"generic_events", "log.csv", "session,item,time\n1,a,1\n", "csv"},
        {"generic_user_events", "log.csv", "user_id;product_id;timestamp\n1;a;1\n", "csv"},
        {"generic_catalog", "items.csv", "item_id,title,category\na,Mug,Kitchen\n", "catalog"},
        {"bom_and_crlf", "log.csv", "\xEF\xBB\xBFsession,item,time\r\n1,a,1\r\n", "csv"},
    };
}

void PrintTo(const DetectCase& c, std::ostream* os) {
    *os << c.name;
}

class Detection : public ::testing::TestWithParam<DetectCase> {};

} // namespace

TEST_P(Detection, TellsTheFormat) {
    const DetectCase& c = GetParam();
    TempDir dir;
    EXPECT_EQ(detectFormat(dir.write(c.file, c.content)), c.format);
}

INSTANTIATE_TEST_SUITE_P(Cases, Detection, ::testing::ValuesIn(detectCases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(DetectionFailure, ExplainsWhatItSawAndAsksForFormat) {
    TempDir dir;
    std::string path = dir.write("mystery.csv", "a,b,c\n1,2,3\n");
    try {
        detectFormat(path);
        FAIL();
    } catch (const InputError& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("cannot tell the format of mystery.csv"), std::string::npos) << m;
        EXPECT_NE(m.find("3 fields separated by ','"), std::string::npos) << m;
        EXPECT_NE(m.find("pass --format"), std::string::npos) << m;
    }
}

TEST(DetectionFailure, NameHintsAreExplained) {
    TempDir dir;
    std::string path = dir.write("yoochoose-clicks.dat", "1;2014-04-07;5\n");
    try {
        detectFormat(path);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("the name suggests yoochoose"), std::string::npos)
            << e.what();
    }
}

TEST(DetectionFailure, EmptyFile) {
    TempDir dir;
    std::string path = dir.write("empty.csv", "\n\n");
    try {
        detectFormat(path);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(e.reason().find("empty"), std::string::npos) << e.what();
    }
}
