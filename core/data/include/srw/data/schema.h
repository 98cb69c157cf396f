#pragma once

namespace srw {
class Database;

/** @brief The schema version this program writes (PRAGMA user_version). */
int currentSchemaVersion();

/**
 * @brief Brings a workspace up to currentSchemaVersion(), one migration per version, each in its
 * own transaction. Throws DatabaseError for a workspace from a newer program (never touched).
 */
void migrateSchema(Database& db);

} // namespace srw
