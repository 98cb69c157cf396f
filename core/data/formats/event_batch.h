#pragma once
// Internal to core/data: events parsed on a second thread and written on the importing thread.
//
// Why: an import's parsing (reading, checking rows, parsing times, the item-key map) does not
// touch SQLite, so it runs ahead on a second thread (see BatchPipe) while the importing thread
// only calls the DatasetWriter. Items are numbered on the parsing thread by first appearance
// ("local" numbers) and the importing thread asks the writer for an item's id once, at its first
// appearance, in file order: the ids are those a single-threaded import gives.
#include "../item_key_map.h"
#include "batch_pipe.h"
#include "format_support.h"
#include "srw/data/dataset_writer.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace srw::format_detail {

/** @brief Rows parsed ahead of the writer: texts as offsets into one buffer, items by number. */
struct EventBatch {
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::size_t kRows = 4096;
    static constexpr std::size_t kBytes = 1u << 20;

    struct Text {
        std::uint32_t at = 0;
        std::uint32_t size = kAbsent;
    };
    struct Row {
        Text session, user, event;
        std::uint32_t item; // local number
        std::int64_t ts;
    };

    std::string text;
    std::vector<Row> rows;
    std::vector<Text> newItems;                          // keys of first appearances, in order
    std::vector<std::pair<std::size_t, Progress>> ticks; // due before row .first

    void clear() {
        text.clear();
        rows.clear();
        newItems.clear();
        ticks.clear();
    }
    Text append(std::optional<std::string_view> s) {
        if (!s)
            return {};
        const Text t{std::uint32_t(text.size()), std::uint32_t(s->size())};
        text.append(s->data(), s->size());
        return t;
    }
    std::optional<std::string_view> get(Text t) const {
        if (t.size == kAbsent)
            return std::nullopt;
        return std::string_view(text.data() + t.at, t.size);
    }
    bool full() const { return rows.size() >= kRows || text.size() >= kBytes; }
};

/** @brief The parsing thread's side: fills batches, hands each over when full. */
class EventBatchOut {
public:
    explicit EventBatchOut(BatchPipe<EventBatch>& pipe) : m_pipe(pipe) {}

    /** @brief Progress the importing thread reports before the next row. */
    void progress(Progress p) { m_batch->ticks.emplace_back(m_batch->rows.size(), std::move(p)); }

    struct Added {
        std::uint32_t item; // the item's local number
        bool firstAppearance;
    };
    /** @brief An accepted row. */
    Added add(std::optional<std::string_view> session, std::optional<std::string_view> user,
              std::string_view item, std::int64_t ts, std::optional<std::string_view> event) {
        Added a{0, false};
        if (auto found = m_items.find(item)) {
            a.item = std::uint32_t(*found);
        } else {
            a = {std::uint32_t(m_items.size()), true};
            m_items.insert(item, a.item);
            m_batch->newItems.push_back(m_batch->append(item));
        }
        m_batch->rows.push_back({m_batch->append(session), m_batch->append(user),
                                 m_batch->append(event), a.item, ts});
        return a;
    }

    /** @brief After each row: hands a full batch over; false once the importing thread stopped. */
    bool rowDone() {
        if (!m_batch->full())
            return true;
        m_pipe.put(std::move(m_batch));
        return start();
    }

    /** @brief Takes the first (or next) batch to fill; false once the importing thread stopped. */
    bool start() {
        m_batch = m_pipe.takeFree();
        if (!m_batch)
            return false;
        m_batch->clear();
        return true;
    }
    /** @brief Hands over the last batch, then error (if any) for the importing thread. */
    void finish(std::exception_ptr error) {
        if (m_batch)
            m_pipe.put(std::move(m_batch));
        m_pipe.finish(error);
    }

private:
    BatchPipe<EventBatch>& m_pipe;
    std::unique_ptr<EventBatch> m_batch;
    ItemKeyMap m_items;
};

/**
 * @brief Runs parse(EventBatchOut&) on a second thread; writes its events here, in file order.
 *
 * An exception of parse (a bad row outside lenient mode) is rethrown here after the rows before
 * it. An exception here (Cancelled by the progress callback, a database error) stops the parser
 * and joins it before leaving. eventType is the event type of rows that carry none.
 */
template <typename Parse>
void writeParsedEvents(DatasetWriter& writer, std::optional<std::string_view> eventType,
                       Parse&& parse) {
    BatchPipe<EventBatch> pipe;
    std::thread parser([&] {
        EventBatchOut out(pipe);
        std::exception_ptr error;
        try {
            if (!out.start())
                return;
            parse(out);
        } catch (...) {
            error = std::current_exception();
        }
        out.finish(error);
    });
    struct Join {
        BatchPipe<EventBatch>& pipe;
        std::thread& thread;
        ~Join() {
            pipe.stop();
            thread.join();
        }
    } join{pipe, parser};

    std::vector<std::int64_t> itemIds; // by local number
    while (auto batch = pipe.takeFull()) {
        const EventBatch& b = *batch;
        std::size_t nextTick = 0, nextNew = 0;
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
            for (; nextTick < b.ticks.size() && b.ticks[nextTick].first <= i; ++nextTick)
                writer.reportProgress(b.ticks[nextTick].second);
            const EventBatch::Row& row = b.rows[i];
            if (row.item == itemIds.size())
                itemIds.push_back(writer.itemId(*b.get(b.newItems[nextNew++])));
            auto event = b.get(row.event);
            writer.addEvent(b.get(row.session), b.get(row.user), itemIds[row.item], row.ts,
                            event ? event : eventType);
        }
        for (; nextTick < b.ticks.size(); ++nextTick)
            writer.reportProgress(b.ticks[nextTick].second);
        pipe.giveBack(std::move(batch));
    }
}

/**
 * @brief The parsing loop of a format's events file, on the parsing thread: each record is
 * checked for the file's width and given to row(r), which calls out.add() or throws InputError;
 * a bad record is failed in file order (skipped and counted when lenient), and the loop stops
 * when the importing thread has stopped.
 */
template <typename Row>
void readEventRows(FormatReader& in, std::size_t columns, EventBatchOut& out, Row&& row) {
    Record r;
    while (in.next(r)) {
        if (auto p = in.dueProgress())
            out.progress(std::move(*p));
        try {
            in.expectColumns(r, columns);
            row(r);
        } catch (const InputError& e) {
            in.fail(e);
        }
        if (!out.rowDone())
            return;
    }
}

} // namespace srw::format_detail
