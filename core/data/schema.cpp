#include "srw/data/schema.h"

#include "srw/data/database.h"

#include <string>
#include <vector>

namespace srw {
namespace {

// Each entry migrates from version i to i+1. Never edit a shipped entry: add a new one.
// Times are epoch milliseconds (UTC) in INTEGER columns; JSON lives in TEXT columns.
const std::vector<const char*>& migrations() {
    static const std::vector<const char*> kMigrations = {
        // 0 -> 1: datasets, their data, splits, and the shape of runs.
        R"sql(
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  import_options TEXT NOT NULL DEFAULT '{}',
  preparation TEXT,
  notes TEXT
);
CREATE TABLE dataset_sources(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('events', 'items', 'other')),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  format TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',
  rows INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  program_version TEXT NOT NULL
);
CREATE INDEX dataset_sources_dataset ON dataset_sources(dataset_id);
CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  title TEXT,
  description TEXT,
  category TEXT,
  attributes TEXT,
  UNIQUE(dataset_id, external_id)
);
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  UNIQUE(dataset_id, external_id)
);
CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  external_id TEXT,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  start_ts INTEGER NOT NULL,
  end_ts INTEGER NOT NULL,
  n_events INTEGER NOT NULL,
  source_id INTEGER,
  flags INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_dataset ON sessions(dataset_id, start_ts);
CREATE INDEX sessions_user ON sessions(user_id);
-- events.item_id is kept consistent by the writer rather than a foreign key: checking it would
-- need an index on item_id, which slows every import for a check no reader needs.
CREATE TABLE events(
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  event_type TEXT,
  PRIMARY KEY(session_id, pos)
) WITHOUT ROWID;
CREATE TABLE splits(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  method TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  active INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE(dataset_id, name)
);
CREATE TABLE split_sessions(
  split_id INTEGER NOT NULL REFERENCES splits(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK(part IN ('train', 'valid', 'test')),
  PRIMARY KEY(split_id, session_id)
) WITHOUT ROWID;
CREATE INDEX split_sessions_session ON split_sessions(session_id);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
  split_id INTEGER REFERENCES splits(id) ON DELETE SET NULL,
  group_id INTEGER,
  name TEXT,
  kind TEXT NOT NULL DEFAULT 'eval',
  model TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  protocol TEXT NOT NULL DEFAULT '{}',
  data_hash TEXT,
  status TEXT NOT NULL DEFAULT 'created',
  created_at TEXT NOT NULL,
  finished_at TEXT,
  metrics TEXT,
  timings TEXT,
  environment TEXT,
  program_version TEXT NOT NULL,
  notes TEXT
);
CREATE INDEX runs_dataset ON runs(dataset_id);
CREATE INDEX runs_split ON runs(split_id);
CREATE TABLE run_epochs(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  train_loss REAL,
  metrics TEXT,
  seconds REAL,
  PRIMARY KEY(run_id, epoch)
) WITHOUT ROWID;
CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  step INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX checkpoints_run ON checkpoints(run_id);
CREATE TABLE recommendations(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  score REAL,
  PRIMARY KEY(run_id, session_id, pos, rank)
) WITHOUT ROWID;
)sql",
        // 1 -> 2: preparation marks what it drops instead of deleting it, so it can be redone
        // with other thresholds. sessions.flags: 1 = bot, 2 = dropped by the length filter.
        R"sql(
CREATE TABLE excluded_events(
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK(reason IN ('rare_item', 'duplicate')),
  PRIMARY KEY(session_id, pos)
) WITHOUT ROWID;
-- A session key seen again in a later import of the same dataset (YOOCHOOSE's buys after its
-- clicks) extends that session: the writer finds it by its external id.
CREATE INDEX sessions_external ON sessions(dataset_id, external_id);
)sql",
        // 2 -> 3: per-session metric sums of a run, kept apart from runs so that listing runs
        // stays light; the paired comparison of two runs reads them back.
        R"sql(
CREATE TABLE run_details(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  per_session TEXT
);
)sql",
        // 3 -> 4: item vectors of an encoder, so re-opening a dataset or re-ranking does not
        // encode the catalogue again. A row is used only while its text hash still matches.
        R"sql(
CREATE TABLE embedding_cache(
  encoder TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  text_hash TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY(encoder, item_id)
) WITHOUT ROWID;
CREATE INDEX embedding_cache_item ON embedding_cache(item_id);
)sql",
        // 4 -> 5: sessions of a dataset in id order. (dataset_id, start_ts) made every query that
        // walks a dataset's sessions in id order (the session stream behind prepare, split and
        // the corpus; the GUI's event and session pages) sort the whole dataset first: 17-30 s a
        // page at 30M events. An index on dataset_id alone ends in the rowid, so it is in id order.
        R"sql(
DROP INDEX sessions_dataset;
CREATE INDEX sessions_dataset ON sessions(dataset_id);
)sql",
        // 5 -> 6: only sessions with a user in sessions_user. Most public logs (YOOCHOOSE,
        // DIGINETICA) have no users: the index held one NULL entry per session (2.2 MB and 35 ms
        // of an import at 1M events) that no query reads; `user_id = ?` (the foreign key's
        // ON DELETE SET NULL) still uses the partial index.
        R"sql(
DROP INDEX sessions_user;
CREATE INDEX sessions_user ON sessions(user_id) WHERE user_id IS NOT NULL;
)sql",
    };
    return kMigrations;
}

} // namespace

int currentSchemaVersion() { return int(migrations().size()); }

void migrateSchema(Database& db) {
    int version = int(db.queryInt("PRAGMA user_version"));
    if (version > currentSchemaVersion())
        throw DatabaseError(db.path() + ": the workspace has schema version " +
                                std::to_string(version) + ", newer than this program's " +
                                std::to_string(currentSchemaVersion()) +
                                "; open it with a newer srw (nothing was changed)",
                            0);
    if (version == currentSchemaVersion())
        return;
    if (db.readOnly())
        throw DatabaseError(db.path() + ": the workspace needs an upgrade to schema version " +
                                std::to_string(currentSchemaVersion()) +
                                " but was opened read-only",
                            0);
    for (int v = version; v < currentSchemaVersion(); ++v) {
        Transaction tx(db);
        db.exec(migrations()[std::size_t(v)]);
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

} // namespace srw
