#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "sample_catalog.h"
#include "sample_rng.h"
#include "srw/sample/sample_generator.h"

namespace srw::sample {

enum class EventType : std::uint8_t { View, Cart, Purchase };

struct SampleEvent {
    std::uint32_t session = 0; ///< 1-based, in order of session start
    std::uint32_t user = 0;    ///< 1-based
    int item = 0;              ///< index into SampleCatalog::items
    std::int64_t time = 0;     ///< epoch seconds
    EventType type = EventType::View;
};

struct SimulatedLog {
    std::vector<SampleEvent> events; ///< grouped by session, sessions in start order
    std::vector<std::uint32_t> botSessions;
    std::uint32_t sessions = 0;
    std::uint32_t users = 0;
};

/**
 * Simulates shoppers over the catalogue. Calls tick(done, total) now and then; when it returns
 * false the simulation stops early and the caller treats it as cancelled.
 */
SimulatedLog simulateSessions(const SampleOptions& options, const SampleCatalog& catalog,
                              SampleRng& rng, const std::function<bool(int, int)>& tick);

} // namespace srw::sample
