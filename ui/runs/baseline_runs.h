#pragma once
#include <string>
#include <vector>

namespace srw {
class SessionStore;
}

namespace srw::ui {

/**
 * @brief Evaluates a few baselines on dataset's active split (preparing and splitting it with
 * the defaults when it has no split) and stores them as runs with their top-10 lists, as
 * `srw eval --store-top 10` does. For the screenshots and the tests; returns the run ids.
 */
std::vector<std::int64_t> makeBaselineRuns(SessionStore& store, const std::string& dataset,
                                           const std::vector<std::string>& models);

} // namespace srw::ui
