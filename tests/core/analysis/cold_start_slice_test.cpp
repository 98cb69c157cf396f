// The cold-start summary `srw eval` stores: unseen and rare target slices, weighted together.
#include "srw/analysis/cold_start.h"

#include <gtest/gtest.h>

using namespace srw;

TEST(ColdStartSlice, WeightsTheUnseenAndRareSlicesByTheirPredictions) {
    const nlohmann::json slices = nlohmann::json::parse(R"([
      {"dimension": "session_length", "label": "2", "predictions": 50, "metrics": {"HitRate@20": 0.9}},
      {"dimension": "target_popularity", "label": "unseen", "predictions": 10,
       "metrics": {"HitRate@20": 0.0, "MRR@20": 0.0}},
      {"dimension": "target_popularity", "label": "rare", "predictions": 30,
       "metrics": {"HitRate@20": 0.4, "MRR@20": 0.2}},
      {"dimension": "target_popularity", "label": "frequent", "predictions": 60,
       "metrics": {"HitRate@20": 0.8, "MRR@20": 0.5}}])");
    const nlohmann::json s = coldStartSliceSummary(slices, 10);
    ASSERT_TRUE(s.is_object());
    EXPECT_EQ(s["predictions"].get<int>(), 40);
    EXPECT_EQ(s["unseen_predictions"].get<int>(), 10);
    EXPECT_EQ(s["rare_predictions"].get<int>(), 30);
    EXPECT_DOUBLE_EQ(s["metrics"]["HitRate@20"].get<double>(), 0.3);
    EXPECT_DOUBLE_EQ(s["metrics"]["MRR@20"].get<double>(), 0.15);
    EXPECT_EQ(s["max_train_count"].get<int>(), 10);
}

TEST(ColdStartSlice, NullWithoutPopularitySlicesAndEmptySlicesAddNothing) {
    EXPECT_TRUE(coldStartSliceSummary(nlohmann::json::array(), 10).is_null());
    EXPECT_TRUE(coldStartSliceSummary(nlohmann::json(), 10).is_null());
    const auto s = coldStartSliceSummary(nlohmann::json::parse(R"([
      {"dimension": "target_popularity", "label": "unseen", "predictions": 0,
       "metrics": {"HitRate@20": 0.0}},
      {"dimension": "target_popularity", "label": "rare", "predictions": 4,
       "metrics": {"HitRate@20": 0.5}}])"), 3);
    EXPECT_DOUBLE_EQ(s["metrics"]["HitRate@20"].get<double>(), 0.5);
}
