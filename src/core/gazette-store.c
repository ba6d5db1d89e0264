/* gazette-store.c
 *
 * Copyright 2026 The Gazette developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gazette-store"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "gazette-announcement-private.h"
#include "gazette-feed-private.h"
#include "gazette-opml.h"
#include "gazette-sanitizer.h"
#include "gazette-html.h"
#include "gazette-numbers.h"
#include "gazette-search-hit-private.h"
#include "gazette-search-query.h"
#include "gazette-store-private.h"
#include "gazette-tokenizer.h"

/* Threading: one SQLite connection per store, opened with SQLITE_OPEN_NOMUTEX because the
 * store does its own locking. Every public function that touches the database holds
 * self->mutex from start to end (the path and schema version never change after
 * gazette_store_new()), so one GazetteStore can be shared by the sync's worker threads and
 * the main thread. Calls are serialised rather than concurrent: a list query waits while a
 * long apply_document() runs. Everything returned is a fresh object owned by the caller.
 *
 * Checkpoints are the exception, and run beside the store rather than in it. SQLite's own
 * would copy the write-ahead log into the database inside the COMMIT that filled the log,
 * under self->mutex: after a large sync that is a quarter of the sync's time, during which
 * the list could not page. Instead a WAL hook hands the checkpoint to a worker thread with
 * a connection of its own (self->checkpoint_db, touched by nobody else), which SQLite
 * lets run while the main connection reads and writes. Closing the store waits for it. */

/* "GAZT": tells our databases from other SQLite files that happen to be at the same path. */
#define GAZETTE_STORE_APPLICATION_ID 1195465300

/* How long to wait for another process (say, the command line syncing) to release a lock. */
#define BUSY_TIMEOUT_MS 5000

/* Ask for a checkpoint once the write-ahead log holds this many pages, as SQLite would. */
#define CHECKPOINT_FRAMES 1000

/* The content hash only detects change in what a publisher sends us; it guards against no
 * adversary, so MD5 will do, at half the cost of SHA-256 on a large ingest. */
#define DIGEST_LEN 16

/* Version 1: the initial schema.
 *
 * Times of feeds are unix seconds; published/updated of announcements are unix
 * microseconds, because the list is ordered and paged by them. Entity names, roles, summaries
 * and figure labels are JSON objects from language tag to text (gazette_localized_to_json());
 * roles, sectors and tags are JSON arrays. Entities are keyed by (kind, key), key being the
 * publisher's stable id, and shared by all feeds. */
static const char schema_v1[] =
  "CREATE TABLE feeds ("
  "  id              INTEGER PRIMARY KEY,"
  "  url             TEXT NOT NULL UNIQUE,"
  "  title           TEXT,"
  "  home_page_url   TEXT,"
  "  language        TEXT,"
  "  publisher       TEXT,"
  "  icon_url        TEXT,"
  "  etag            TEXT,"
  "  last_modified   TEXT,"
  "  last_checked    INTEGER,"
  "  last_success    INTEGER,"
  "  last_error      TEXT,"
  "  last_error_time INTEGER,"
  "  added           INTEGER NOT NULL"
  ");"
  "CREATE TABLE entities ("
  "  id         INTEGER PRIMARY KEY,"
  "  kind       INTEGER NOT NULL,"
  "  key        TEXT NOT NULL,"
  "  name       TEXT NOT NULL DEFAULT '{}',"
  "  parent_key TEXT,"
  "  roles      TEXT,"
  "  summary    TEXT,"
  "  sectors    TEXT,"
  "  status     TEXT,"
  "  url        TEXT,"
  "  UNIQUE (kind, key)"
  ");"
  /* The district filter walks down the hierarchy by parent_key. */
  "CREATE INDEX entities_parent ON entities (kind, parent_key);"
  "CREATE TABLE announcements ("
  "  id                INTEGER PRIMARY KEY,"
  "  feed_id           INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
  "  guid              TEXT NOT NULL,"
  "  language          TEXT,"
  "  title             TEXT,"
  "  summary           TEXT,"
  "  content_html      TEXT,"
  "  content_text      TEXT,"
  "  url               TEXT,"
  "  image_url         TEXT,"
  "  author            TEXT,"
  "  published         INTEGER NOT NULL,"
  "  updated           INTEGER,"
  "  translation_group TEXT,"
  "  tags              TEXT,"
  "  district_id       INTEGER REFERENCES entities (id),"
  "  content_hash      BLOB,"
  "  read              INTEGER NOT NULL DEFAULT 0,"
  "  starred           INTEGER NOT NULL DEFAULT 0,"
  /* guid first: the same index finds an announcement by its id alone. */
  "  UNIQUE (guid, feed_id)"
  ");"
  /* The list's order, so keyset paging seeks instead of sorting. The per-feed and
   * per-district indexes end in the same order for the filtered lists. */
  "CREATE INDEX announcements_published ON announcements (published DESC, id DESC);"
  "CREATE INDEX announcements_feed ON announcements (feed_id, published, id);"
  "CREATE INDEX announcements_district ON announcements (district_id, published, id);"
  "CREATE INDEX announcements_group ON announcements (translation_group)"
  "  WHERE translation_group IS NOT NULL;"
  "CREATE TABLE announcement_entities ("
  "  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,"
  "  entity_id       INTEGER NOT NULL REFERENCES entities (id),"
  "  position        INTEGER NOT NULL,"
  "  PRIMARY KEY (announcement_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX announcement_entities_entity ON announcement_entities (entity_id, announcement_id);"
  /* Quotes and figures are only ever read by announcement: clustered by it, they need no
   * second b-tree. */
  "CREATE TABLE quotes ("
  "  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,"
  "  position        INTEGER NOT NULL,"
  "  official_id     INTEGER REFERENCES entities (id),"
  "  text            TEXT NOT NULL,"
  "  language        TEXT,"
  "  PRIMARY KEY (announcement_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX quotes_official ON quotes (official_id);"
  "CREATE TABLE figures ("
  "  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,"
  "  position        INTEGER NOT NULL,"
  "  label           TEXT NOT NULL DEFAULT '{}',"
  "  value           REAL,"
  "  unit            TEXT,"
  "  year            INTEGER,"
  "  kind            TEXT,"
  "  source_text     TEXT,"
  "  from_text       INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (announcement_id, position)"
  ") WITHOUT ROWID;"
  "PRAGMA application_id = " G_STRINGIFY (GAZETTE_STORE_APPLICATION_ID) ";"
  "PRAGMA user_version = 1;";

/* Version 2: the sync learnt to back off (429/503 Retry-After) and to stop fetching feeds that
 * answered 410 Gone, and the linker started to link RSS/Atom items to entities whose names
 * it finds in the text. Those links must not be mistaken for the publisher's: origin is
 * GAZETTE_LINK_DECLARED (0, every link a version 1 database holds) or GAZETTE_LINK_FOUND. */
static const char schema_v2[] =
  "ALTER TABLE feeds ADD COLUMN retry_after INTEGER;"
  "ALTER TABLE feeds ADD COLUMN gone INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE announcement_entities ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;"
  "PRAGMA user_version = 2;";

/* Version 3: the window lists a translation group once, as the member in the reader's
 * languages. Which member that is gets decided on write (and when the languages change), so
 * that the list can page through an index of group leads instead of grouping on every read.
 * Until the store learns the reader's languages, the oldest row of each group leads. */
static const char schema_v3[] =
  "ALTER TABLE announcements ADD COLUMN group_lead INTEGER NOT NULL DEFAULT 1;"
  "UPDATE announcements SET group_lead = 0"
  "  WHERE translation_group IS NOT NULL AND id <> (SELECT min(b.id) FROM announcements b"
  "                                                 WHERE b.translation_group = "
  "                                                       announcements.translation_group);"
  /* The list's order, and the columns its filters and the sidebar's counts read, so that
   * neither touches the rows themselves (3–6 KB each, with their bodies). */
  "CREATE INDEX announcements_leads"
  "  ON announcements (published DESC, id DESC, read, starred, feed_id, district_id)"
  "  WHERE group_lead = 1;"
  /* A feed's unread count, without reading its rows. */
  "CREATE INDEX announcements_feed_read ON announcements (feed_id, read);"
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"
  "PRAGMA user_version = 3;";

/* Version 4: real-world feeds. Feeds remember the OPML folder they were imported into and
 * the warning of the last document stored (XML that had to be repaired, say). Images are
 * kept for offline reading in a content-addressed folder beside the database,
 * images/<first two hex digits>/<sha256>; a row per URL says which file holds it (hash NULL
 * until it is downloaded, or when the download failed at the time in fetched), and the two
 * reference tables say who needs it, so that cleaning can free what nothing refers to. */
static const char schema_v4[] =
  "ALTER TABLE feeds ADD COLUMN folder TEXT;"
  "ALTER TABLE feeds ADD COLUMN warning TEXT;"
  "CREATE TABLE images ("
  "  id           INTEGER PRIMARY KEY,"
  "  url          TEXT NOT NULL UNIQUE,"
  "  hash         TEXT,"
  "  content_type TEXT,"
  "  size         INTEGER,"
  "  fetched      INTEGER"
  ");"
  "CREATE INDEX images_hash ON images (hash) WHERE hash IS NOT NULL;"
  "CREATE TABLE announcement_images ("
  "  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,"
  "  image_id        INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (announcement_id, image_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX announcement_images_image ON announcement_images (image_id);"
  "CREATE TABLE feed_images ("
  "  feed_id  INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
  "  image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (feed_id, image_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX feed_images_image ON feed_images (image_id);"
  "PRAGMA user_version = 4;";

/* The columns of an announcement's row in the search index, from `announcements a`. Its row
 * id is the announcement's, negated: FTS5 walks its lists fastest in ascending order, and a
 * search wants the newest announcements first (see SEARCH_CANDIDATES). Rows are written in
 * ascending order of that row id (SEARCH_TEXTS_ORDER): FTS5 writes what it holds to disk as
 * a new segment whenever a row id is smaller than the one before. */
#define SEARCH_TEXTS_SQL \
  " SELECT -a.id, gazette_search_text (a.title), gazette_search_text (a.summary)," \
  "  gazette_search_text (coalesce (a.content_text, gazette_html_text (a.content_html)))," \
  "  gazette_search_text ((SELECT group_concat (t, ' ') FROM (" \
  "   SELECT j.value AS t FROM announcement_entities ae" \
  "    JOIN entities e ON e.id = ae.entity_id, json_each (e.name) j" \
  "    WHERE ae.announcement_id = a.id AND ae.origin = 0" \
  "   UNION ALL SELECT q.text FROM quotes q WHERE q.announcement_id = a.id)))"
#define SEARCH_TEXTS_ORDER " ORDER BY a.id DESC"

/* Version 5: full-text search, over each announcement's title, summary, body (as plain
 * text) and the names and quotes the publisher declared. This step filled the index too,
 * with a function that version 7 replaced; it now leaves the table for version 7 to fill,
 * the same end state without making the index twice. */
static const char schema_v5[] =
  "CREATE VIRTUAL TABLE announcements_search USING fts5 ("
  "  title, summary, body, names, tokenize = 'gazette');"
  /* Foreign-key cascades (removing a feed) fire this too. */
  "CREATE TRIGGER announcements_search_delete AFTER DELETE ON announcements BEGIN"
  " DELETE FROM announcements_search WHERE rowid = old.id;"
  " END;"
  "PRAGMA user_version = 5;";

/* Version 6: the index also holds every two adjacent words as one token (see
 * GAZETTE_SEARCH_PAIR_MARK), which the FTS5 tokenizer "gazette" writes: a phrase is found
 * through its pairs rather than by walking the position lists of its words. */
static const char schema_v6[] =
  "INSERT INTO announcements_search (announcements_search) VALUES ('rebuild');"
  "PRAGMA user_version = 6;";

/* Version 7: the index keeps each text with its words marked (gazette_search_text()),
 * where it kept only the words, so that snippets are cut from it without segmenting the
 * text again; and its row ids are the announcements' negated. Made anew from the
 * announcements; the old rows are dropped with the table, since FTS5 would read them with
 * the new tokenizer to delete them. */
static const char schema_v7[] =
  "DROP TRIGGER announcements_search_delete;"
  "DROP TABLE announcements_search;"
  "CREATE VIRTUAL TABLE announcements_search USING fts5 ("
  "  title, summary, body, names, tokenize = 'gazette');"
  "INSERT INTO announcements_search (rowid, title, summary, body, names)"
  SEARCH_TEXTS_SQL " FROM announcements a WHERE gazette_migration_step ()" SEARCH_TEXTS_ORDER ";"
  /* Foreign-key cascades (removing a feed) fire this too. */
  "CREATE TRIGGER announcements_search_delete AFTER DELETE ON announcements BEGIN"
  " DELETE FROM announcements_search WHERE rowid = -old.id;"
  " END;"
  "PRAGMA user_version = 7;";

typedef struct
{
  int         version;
  const char *sql;        /* ends by setting user_version to version */
  const char *count_sql;  /* NULL, or how many rows sql passes to gazette_migration_step () */
} Migration;

/* Forward only, in order; each runs in its own transaction. Add a step, never edit one that
 * has shipped. */
static const Migration migrations[] = {
  { 1, schema_v1, NULL },
  { 2, schema_v2, NULL },
  { 3, schema_v3, NULL },
  { 4, schema_v4, NULL },
  { 5, schema_v5, NULL },
  { 6, schema_v6, NULL },
  { 7, schema_v7, "SELECT count(*) FROM announcements" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GAZETTE_STORE_SCHEMA_VERSION);

/* The SQL below spells entity kinds as numbers. */
G_STATIC_ASSERT (GAZETTE_ENTITY_DISTRICT == 0);
G_STATIC_ASSERT (GAZETTE_ENTITY_OFFICIAL == 1);
G_STATIC_ASSERT (GAZETTE_ENTITY_PROJECT == 2);
G_STATIC_ASSERT (GAZETTE_ENTITY_ORGANISATION == 3);
G_STATIC_ASSERT (GAZETTE_LINK_DECLARED == 0);

#define FEED_COLUMNS \
  "f.id, f.url, f.title, f.home_page_url, f.language, f.publisher, f.icon_url, f.etag, " \
  "f.last_modified, f.last_checked, f.last_success, f.last_error, f.last_error_time, " \
  "f.retry_after, f.gone, " \
  "(SELECT count(*) FROM announcements a WHERE a.feed_id = f.id), " \
  "(SELECT count(*) FROM announcements a WHERE a.feed_id = f.id AND a.read = 0), " \
  "f.folder, f.warning"

#define ENTITY_COLUMNS(e) \
  e ".id, " e ".kind, " e ".key, " e ".name, " e ".parent_key, " e ".roles, " e ".summary, " \
  e ".sectors, " e ".status, " e ".url"

/* The feed title is a subquery rather than a join so that the planner cannot start from
 * feeds and lose the index order of announcements. */
#define ANNOUNCEMENT_COLUMNS \
  "a.id, a.guid, a.feed_id, (SELECT title FROM feeds WHERE id = a.feed_id), a.language, " \
  "a.title, a.summary, a.url, a.image_url, a.author, a.published, a.updated, " \
  "a.translation_group, a.read, a.starred, " ENTITY_COLUMNS ("d")

#define ANNOUNCEMENT_FROM \
  "announcements a LEFT JOIN entities d ON d.id = a.district_id"

/* Column positions in ANNOUNCEMENT_COLUMNS. */
enum {
  ANN_COL_ID,
  ANN_COL_GUID,
  ANN_COL_FEED_ID,
  ANN_COL_FEED_TITLE,
  ANN_COL_LANGUAGE,
  ANN_COL_TITLE,
  ANN_COL_SUMMARY,
  ANN_COL_URL,
  ANN_COL_IMAGE_URL,
  ANN_COL_AUTHOR,
  ANN_COL_PUBLISHED,
  ANN_COL_UPDATED,
  ANN_COL_TRANSLATION_GROUP,
  ANN_COL_READ,
  ANN_COL_STARRED,
  ANN_COL_DISTRICT,
  ANN_COL_CONTENT_HTML = ANN_COL_DISTRICT + 10,
  ANN_COL_CONTENT_TEXT,
  ANN_COL_TAGS,
};

typedef enum {
  STMT_BEGIN,
  STMT_BEGIN_READ,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_FEED_INSERT,
  STMT_FEED_BY_ID,
  STMT_FEED_BY_URL,
  STMT_FEED_LIST,
  STMT_FEED_COUNT_ANNOUNCEMENTS,
  STMT_FEED_DELETE,
  STMT_FEED_SAVE_STATE,
  STMT_FEED_SAVE_METADATA,
  STMT_ENTITY_GET,
  STMT_ENTITY_ID,
  STMT_ENTITY_INSERT,
  STMT_ENTITY_UPDATE,
  STMT_ENTITY_LIST,
  STMT_ANN_LOOKUP,
  STMT_ANN_INSERT,
  STMT_ANN_UPDATE,
  STMT_ANN_EXISTS,
  STMT_ANN_DELETE_LINKS,
  STMT_ANN_DELETE_QUOTES,
  STMT_ANN_DELETE_FIGURES,
  STMT_ANN_DELETE_FOUND_LINKS,
  STMT_LINK_INSERT,
  STMT_QUOTE_INSERT,
  STMT_FIGURE_INSERT,
  STMT_ANN_GET,
  STMT_ANN_LINKS,
  STMT_ANN_QUOTES,
  STMT_ANN_FIGURES,
  STMT_GROUP_LANGUAGES,
  STMT_SET_READ,
  STMT_SET_STARRED,
  STMT_OFFICIAL_QUOTES,
  STMT_GROUP_LEAD_CLEAR,
  STMT_GROUP_LEAD_SET,
  STMT_SETTING_GET,
  STMT_SETTING_SET,
  STMT_GROUP_MEMBER,
  STMT_COUNT_BY_DISTRICT,
  STMT_COUNT_BY_LINK,
  STMT_COUNT_BY_FEED,
  STMT_SEARCH_HIT,
  STMT_SEARCH_TEXTS,
  STMT_DATA_VERSION,
  N_STMTS
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_BEGIN_READ] = "BEGIN",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_FEED_INSERT] = "INSERT INTO feeds (url, added) VALUES (?1, ?2)",
  [STMT_FEED_BY_ID] = "SELECT " FEED_COLUMNS " FROM feeds f WHERE f.id = ?1",
  [STMT_FEED_BY_URL] = "SELECT " FEED_COLUMNS " FROM feeds f WHERE f.url = ?1",
  [STMT_FEED_LIST] =
    "SELECT " FEED_COLUMNS " FROM feeds f"
    " ORDER BY coalesce (f.title, f.url) COLLATE NOCASE, f.id",
  [STMT_FEED_COUNT_ANNOUNCEMENTS] = "SELECT count(*) FROM announcements WHERE feed_id = ?1",
  [STMT_FEED_DELETE] = "DELETE FROM feeds WHERE id = ?1",
  [STMT_FEED_SAVE_STATE] =
    "UPDATE feeds SET url = ?2, etag = ?3, last_modified = ?4, last_checked = ?5,"
    " last_success = ?6, last_error = ?7, last_error_time = ?8, retry_after = ?9, gone = ?10"
    " WHERE id = ?1",
  [STMT_FEED_SAVE_METADATA] =
    "UPDATE feeds SET title = ?2, home_page_url = ?3, language = ?4, publisher = ?5,"
    " icon_url = ?6 WHERE id = ?1",
  [STMT_ENTITY_GET] =
    "SELECT " ENTITY_COLUMNS ("e") " FROM entities e WHERE e.kind = ?1 AND e.key = ?2",
  [STMT_ENTITY_ID] = "SELECT id FROM entities WHERE kind = ?1 AND key = ?2",
  [STMT_ENTITY_INSERT] =
    "INSERT INTO entities (kind, key, name, parent_key, roles, summary, sectors, status, url)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_ENTITY_UPDATE] =
    "UPDATE entities SET name = ?3, parent_key = ?4, roles = ?5, summary = ?6, sectors = ?7,"
    " status = ?8, url = ?9 WHERE id = ?1",
  [STMT_ENTITY_LIST] =
    "SELECT " ENTITY_COLUMNS ("e") " FROM entities e WHERE e.kind = ?1 ORDER BY e.key",
  [STMT_ANN_LOOKUP] =
    "SELECT id, content_hash, read, starred FROM announcements WHERE feed_id = ?1 AND guid = ?2",
  [STMT_ANN_INSERT] =
    "INSERT INTO announcements (feed_id, guid, language, title, summary, content_html,"
    " content_text, url, image_url, author, published, updated, translation_group, tags,"
    " district_id, content_hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  /* Same parameter numbers as the insert; read and starred are the user's and stay. */
  [STMT_ANN_UPDATE] =
    "UPDATE announcements SET language = ?3, title = ?4, summary = ?5, content_html = ?6,"
    " content_text = ?7, url = ?8, image_url = ?9, author = ?10, published = ?11,"
    " updated = ?12, translation_group = ?13, tags = ?14, district_id = ?15,"
    " content_hash = ?16 WHERE id = ?1",
  [STMT_ANN_EXISTS] = "SELECT 1 FROM announcements WHERE id = ?1",
  [STMT_ANN_DELETE_LINKS] = "DELETE FROM announcement_entities WHERE announcement_id = ?1",
  [STMT_ANN_DELETE_QUOTES] = "DELETE FROM quotes WHERE announcement_id = ?1",
  [STMT_ANN_DELETE_FIGURES] = "DELETE FROM figures WHERE announcement_id = ?1",
  [STMT_ANN_DELETE_FOUND_LINKS] =
    "DELETE FROM announcement_entities WHERE announcement_id = ?1 AND origin = 1",
  /* A link the publisher declared wins over the same link found in the text. */
  [STMT_LINK_INSERT] =
    "INSERT INTO announcement_entities (announcement_id, entity_id, position, origin)"
    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (announcement_id, entity_id) DO NOTHING",
  [STMT_QUOTE_INSERT] =
    "INSERT INTO quotes (announcement_id, official_id, position, text, language)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_FIGURE_INSERT] =
    "INSERT INTO figures (announcement_id, position, label, value, unit, year, kind,"
    " source_text, from_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_ANN_GET] =
    "SELECT " ANNOUNCEMENT_COLUMNS ", a.content_html, a.content_text, a.tags"
    " FROM " ANNOUNCEMENT_FROM " WHERE a.guid = ?1"
    " ORDER BY a.published DESC, a.id DESC LIMIT 1",
  [STMT_ANN_LINKS] =
    "SELECT " ENTITY_COLUMNS ("e") ", ae.origin FROM announcement_entities ae"
    " JOIN entities e ON e.id = ae.entity_id"
    " WHERE ae.announcement_id = ?1 ORDER BY ae.origin, e.kind, ae.position, e.key",
  [STMT_ANN_QUOTES] =
    "SELECT e.key, q.text, q.language FROM quotes q"
    " LEFT JOIN entities e ON e.id = q.official_id"
    " WHERE q.announcement_id = ?1 ORDER BY q.position",
  [STMT_ANN_FIGURES] =
    "SELECT label, value, unit, year, kind, source_text, from_text FROM figures"
    " WHERE announcement_id = ?1 ORDER BY position",
  [STMT_GROUP_LANGUAGES] =
    "SELECT DISTINCT language FROM announcements"
    " WHERE translation_group = ?1 AND language IS NOT NULL ORDER BY language",
  /* Read and starred belong to the announcement, whichever translation the reader opened. */
  [STMT_SET_READ] =
    "UPDATE announcements SET read = ?2 WHERE id = ?1 OR translation_group ="
    " (SELECT translation_group FROM announcements WHERE id = ?1)",
  [STMT_SET_STARRED] =
    "UPDATE announcements SET starred = ?2 WHERE id = ?1 OR translation_group ="
    " (SELECT translation_group FROM announcements WHERE id = ?1)",
  [STMT_GROUP_LEAD_CLEAR] =
    "UPDATE announcements SET group_lead = 0 WHERE translation_group = ?1",
  [STMT_GROUP_LEAD_SET] =
    "UPDATE announcements SET group_lead = 1 WHERE id ="
    " (SELECT gazette_group_lead (id, language) FROM announcements WHERE translation_group = ?1)",
  [STMT_SETTING_GET] = "SELECT value FROM settings WHERE key = ?1",
  [STMT_SETTING_SET] = "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
  /* The sidebar's counts (all, unread), one pass per kind instead of two queries per row,
   * through the covering index of group leads. */
  [STMT_COUNT_BY_DISTRICT] =
    "SELECT e.key, count(*), total (a.read = 0)"
    " FROM announcements a INDEXED BY announcements_leads"
    " JOIN entities e ON e.id = a.district_id"
    " WHERE a.group_lead = 1 GROUP BY a.district_id",
  [STMT_COUNT_BY_LINK] =
    "SELECT e.key, count(*), total (a.read = 0)"
    " FROM announcements a INDEXED BY announcements_leads"
    " JOIN announcement_entities ae ON ae.announcement_id = a.id"
    " JOIN entities e ON e.id = ae.entity_id"
    " WHERE e.kind = ?1 AND a.group_lead = 1 GROUP BY ae.entity_id",
  [STMT_COUNT_BY_FEED] =
    "SELECT a.feed_id, count(*), total (a.read = 0)"
    " FROM announcements a INDEXED BY announcements_leads"
    " WHERE a.group_lead = 1 GROUP BY a.feed_id",
  [STMT_SEARCH_HIT] =
    "SELECT " ANNOUNCEMENT_COLUMNS " FROM " ANNOUNCEMENT_FROM " WHERE a.id = ?1",
  [STMT_SEARCH_TEXTS] =
    "SELECT title, summary, body FROM announcements_search WHERE rowid = -?1",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
  [STMT_GROUP_MEMBER] =
    "SELECT guid FROM announcements WHERE translation_group = ?1 AND language = ?2"
    " ORDER BY published DESC, id DESC LIMIT 1",
  [STMT_OFFICIAL_QUOTES] =
    "SELECT q.text, q.language, a.guid, a.title, a.published, a.translation_group FROM quotes q"
    " JOIN announcements a ON a.id = q.announcement_id"
    " WHERE q.official_id = ?1 ORDER BY a.published DESC, a.id DESC, q.position",
};

/* Statements of the offline parts (images, folders, warnings, cleaning), apart from the
 * ones above. */
typedef enum {
  OFFLINE_STMT_FEED_SAVE_WARNING,
  OFFLINE_STMT_FEED_SET_FOLDER,
  OFFLINE_STMT_IMAGE_LOOKUP,
  OFFLINE_STMT_IMAGE_ENSURE,
  OFFLINE_STMT_IMAGE_STORED,
  OFFLINE_STMT_IMAGE_FAILED,
  OFFLINE_STMT_ANN_IMAGES_CLEAR,
  OFFLINE_STMT_ANN_IMAGE_LINK,
  OFFLINE_STMT_FEED_IMAGES_CLEAR,
  OFFLINE_STMT_FEED_IMAGE_LINK,
  OFFLINE_STMT_REMOVE_OLD,
  OFFLINE_STMT_IMAGES_UNUSED,
  OFFLINE_STMT_HASH_IN_USE,
  OFFLINE_STMT_FEED_IMPORT,
  N_OFFLINE_STMTS
} OfflineStmt;

static const char * const offline_stmt_sql[N_OFFLINE_STMTS] = {
  [OFFLINE_STMT_FEED_SAVE_WARNING] = "UPDATE feeds SET warning = ?2 WHERE id = ?1",
  [OFFLINE_STMT_FEED_SET_FOLDER] = "UPDATE feeds SET folder = ?2 WHERE id = ?1",
  [OFFLINE_STMT_IMAGE_LOOKUP] =
    "SELECT hash FROM images WHERE url = ?1 AND hash IS NOT NULL",
  /* The update is a no-op that makes RETURNING give the existing row too. */
  [OFFLINE_STMT_IMAGE_ENSURE] =
    "INSERT INTO images (url) VALUES (?1) ON CONFLICT (url) DO UPDATE SET url = excluded.url"
    " RETURNING id, hash IS NOT NULL, fetched",
  [OFFLINE_STMT_IMAGE_STORED] =
    "INSERT INTO images (url, hash, content_type, size, fetched) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (url) DO UPDATE SET hash = excluded.hash,"
    " content_type = excluded.content_type, size = excluded.size, fetched = excluded.fetched",
  [OFFLINE_STMT_IMAGE_FAILED] =
    "UPDATE images SET fetched = ?2 WHERE url = ?1 AND hash IS NULL",
  [OFFLINE_STMT_ANN_IMAGES_CLEAR] = "DELETE FROM announcement_images WHERE announcement_id = ?1",
  [OFFLINE_STMT_ANN_IMAGE_LINK] =
    "INSERT OR IGNORE INTO announcement_images (announcement_id, image_id) VALUES (?1, ?2)",
  [OFFLINE_STMT_FEED_IMAGES_CLEAR] = "DELETE FROM feed_images WHERE feed_id = ?1",
  [OFFLINE_STMT_FEED_IMAGE_LINK] =
    "INSERT OR IGNORE INTO feed_images (feed_id, image_id) VALUES (?1, ?2)",
  [OFFLINE_STMT_REMOVE_OLD] =
    "DELETE FROM announcements WHERE read = 1 AND starred = 0 AND published < ?1",
  [OFFLINE_STMT_IMAGES_UNUSED] =
    "DELETE FROM images WHERE"
    " NOT EXISTS (SELECT 1 FROM announcement_images ai WHERE ai.image_id = images.id) AND"
    " NOT EXISTS (SELECT 1 FROM feed_images fi WHERE fi.image_id = images.id)"
    " RETURNING hash",
  [OFFLINE_STMT_HASH_IN_USE] = "SELECT 1 FROM images WHERE hash = ?1",
  /* Subscribed already: left as it is, folder included. */
  [OFFLINE_STMT_FEED_IMPORT] =
    "INSERT INTO feeds (url, title, home_page_url, folder, added) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (url) DO NOTHING",
};

/* The filters of a GazetteQuery, plus the keyset cursor, as bits: each combination is one
 * fixed SQL text, built from the fragments below and prepared once.
 *
 * The cursor is two bits because a page after (published, id) is read in two seeks: the rest
 * of its tie group (same published, smaller id), then the older rows. A single row-value
 * test "(published, id) < (?, ?)" gives the same rows, but when its second column is the
 * rowid SQLite 3.40 seeks on the first one only: the thousandth page into a group of equal
 * timestamps would step over every row of the pages before it. Both seeks here are index
 * ranges, which the plan test checks. */
enum {
  FILTER_DISTRICT     = 1 << 0,
  FILTER_OFFICIAL     = 1 << 1,
  FILTER_PROJECT      = 1 << 2,
  FILTER_ORGANISATION = 1 << 3,
  FILTER_FEED         = 1 << 4,
  FILTER_UNREAD       = 1 << 5,
  FILTER_STARRED      = 1 << 6,
  FILTER_GROUP_LEAD   = 1 << 7,
  FILTER_AFTER_TIE    = 1 << 8,
  FILTER_AFTER_OLDER  = 1 << 9,
  N_FILTER_MASKS      = 1 << 10,
};

/* The district and every district below it, following parent_key down. */
#define DISTRICT_TREE_CTE \
  "WITH RECURSIVE district_tree (id, key) AS (" \
  " SELECT id, key FROM entities WHERE kind = 0 AND key = :district" \
  " UNION" \
  " SELECT e.id, e.key FROM entities e JOIN district_tree t" \
  "  ON e.kind = 0 AND e.parent_key = t.key) "

#define LINKED_TO(kind, param) \
  "a.id IN (SELECT ae.announcement_id FROM announcement_entities ae" \
  " JOIN entities e ON e.id = ae.entity_id WHERE e.kind = " kind " AND e.key = " param ")"

/* Indexed by the bit number of the FILTER_ flag. */
static const char * const filter_sql[] = {
  /* Found links name districts too (declared ones are the district column). */
  "(a.district_id IN (SELECT id FROM district_tree) OR a.id IN"
  " (SELECT announcement_id FROM announcement_entities"
  "  WHERE entity_id IN (SELECT id FROM district_tree) AND origin = 1))",
  LINKED_TO ("1", ":official"),
  LINKED_TO ("2", ":project"),
  LINKED_TO ("3", ":organisation"),
  "a.feed_id = :feed",
  "a.read = 0",
  "a.starred = 1",
  "a.group_lead = 1",
  "a.published = :published AND a.id < :id",
  "a.published < :published",
};

G_STATIC_ASSERT (1 << G_N_ELEMENTS (filter_sql) == N_FILTER_MASKS);

/* A search takes the filters but not the cursor. */
#define N_SEARCH_MASKS FILTER_AFTER_TIE

struct _GazetteStore
{
  GObject       parent_instance;

  GMutex        mutex;
  char         *path;
  sqlite3      *db;
  int           schema_version;
  GStrv         languages;           /* the reader's, for gazette_group_lead() */

  /* Prepared on first use, kept until finalize. */
  sqlite3_stmt *stmts[N_STMTS];
  sqlite3_stmt *list_stmts[N_FILTER_MASKS];
  sqlite3_stmt *count_stmts[N_FILTER_MASKS];
  sqlite3_stmt *offline_stmts[N_OFFLINE_STMTS];

  /* Search; see "Search" below. Used under self->mutex only. */
  GazetteWordList  *words;
  GazetteTokenizer *tokenizer;
  GString          *text_buffer;         /* gazette_search_text()'s result */
  GString          *fts_previous;        /* for the FTS5 tokenizer's pairs */
  GString          *fts_pair;
  sqlite3_stmt     *search_stmts[N_SEARCH_MASKS];
  sqlite3_stmt     *search_index_stmt;
  sqlite3_stmt     *search_index_many_stmt;
  GArray           *doc_lengths;         /* guint32 by row id: tokens + 1, 0 if not known */
  GHashTable       *search_districts;    /* new_district_cache() kept between searches */

  /* Opening: how far a long migration has come; see gazette_store_new_full(). */
  GazetteStoreProgressFunc  progress_func;
  gpointer                  progress_data;
  gint64                    progress_total;
  gint64                    progress_done;
  int                       progress_reported;   /* per mille, or -1 */
  guint             search_districts_generation;   /* the entity_generation it is of */
  gint64            data_version;        /* of the last search, to see others' writes */
  int               entity_generation;   /* atomic; see _gazette_store_get_entity_generation() */

  /* See "Checkpoints" above. */
  GThreadPool  *checkpointer;        /* at most one thread */
  sqlite3      *checkpoint_db;       /* the checkpointer's own connection */
  int           checkpoint_frames;
  int           checkpoint_queued;   /* atomic */
  int           checkpoints_running; /* atomic, for tests */
};

G_DEFINE_FINAL_TYPE (GazetteStore, gazette_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (gazette-store-error-quark, gazette_store_error)

/* A statement borrowed from the cache. Releasing it resets it and clears its bindings, so
 * the next user starts clean and no finished read keeps its snapshot open. */
typedef sqlite3_stmt StoreStmt;

static void
store_stmt_release (StoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreStmt, store_stmt_release)

/* Errors */

static gboolean
store_set_error (GazetteStore  *self,
                 GError       **error,
                 int            rc)
{
  const char *detail = sqlite3_errmsg (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FULL,
                   /* Translators: %s is SQLite's explanation, in English */
                   _("The disk is full: %s"), detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is a file name, the second SQLite's
                    * explanation, in English */
                   _("The database “%s” is damaged: %s"), self->path, detail);
      break;

    default:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FAILED,
                   /* Translators: %s is SQLite's explanation, in English */
                   _("The database failed: %s"), detail);
      break;
    }

  return FALSE;
}

static gboolean
store_set_not_found_row (GError **error,
                         gint64   row_id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);

  g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a number */
               _("There is no announcement number %s."), number);

  return FALSE;
}

/* Statements */

static sqlite3_stmt *
store_prepare (GazetteStore  *self,
               sqlite3_stmt **slot,
               const char    *sql,
               GError       **error)
{
  int rc;

  if (*slot != NULL)
    return *slot;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  if (rc != SQLITE_OK)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  return *slot;
}

static StoreStmt *
store_get_stmt (GazetteStore  *self,
                Stmt           which,
                GError       **error)
{
  g_assert (which < N_STMTS);

  return store_prepare (self, &self->stmts[which], stmt_sql[which], error);
}

static void store_free_unused_images (GazetteStore *self);

static StoreStmt *
store_get_offline_stmt (GazetteStore  *self,
                        OfflineStmt    which,
                        GError       **error)
{
  g_assert (which < N_OFFLINE_STMTS);

  return store_prepare (self, &self->offline_stmts[which], offline_stmt_sql[which], error);
}

/* Steps a statement that returns no rows. */
static gboolean
store_step_done (GazetteStore  *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_run (GazetteStore  *self,
           Stmt           which,
           GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, which, error);

  if (stmt == NULL)
    return FALSE;

  return store_step_done (self, stmt, error);
}

static gboolean
store_run_for_row (GazetteStore  *self,
                   Stmt           which,
                   gint64         row_id,
                   GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, which, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);

  return store_step_done (self, stmt, error);
}

static gboolean
store_begin (GazetteStore  *self,
             GError       **error)
{
  return store_run (self, STMT_BEGIN, error);
}

static gboolean
store_commit (GazetteStore  *self,
              GError       **error)
{
  return store_run (self, STMT_COMMIT, error);
}

/* Some errors (SQLITE_FULL among them) may already have rolled the transaction back. */
static void
store_rollback (GazetteStore *self)
{
  g_autoptr(GError) error = NULL;

  if (sqlite3_get_autocommit (self->db))
    return;

  if (!store_run (self, STMT_ROLLBACK, &error))
    g_warning ("Could not roll back a transaction on %s: %s", self->path, error->message);
}

static gboolean
store_exec (GazetteStore  *self,
            const char    *sql,
            GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return store_set_error (self, error, rc);

  return TRUE;
}

/* Values */

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* A NULL text binds NULL. Callers keep @text alive until the statement is stepped. */
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_owned_text (sqlite3_stmt *stmt,
                 int           index,
                 char         *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, g_free);
}

static void
bind_seconds (sqlite3_stmt *stmt,
              int           index,
              GDateTime    *datetime)
{
  if (datetime == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (datetime));
}

static char *
column_dup_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GDateTime *
column_seconds (sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

static gint64
datetime_to_usec (GDateTime *datetime)
{
  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC +
         g_date_time_get_microsecond (datetime);
}

static GDateTime *
datetime_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;

  if (rest < 0)
    {
      secs -= 1;
      rest += G_USEC_PER_SEC;
    }

  seconds = g_date_time_new_from_unix_utc (secs);
  if (seconds == NULL)
    return NULL;

  return g_date_time_add (seconds, rest);
}

static GDateTime *
column_usec (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return datetime_from_usec (sqlite3_column_int64 (stmt, column));
}

/* JSON columns */

static char *
json_node_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static JsonNode *
json_text_parse (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (text == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      g_debug ("Ignoring a damaged JSON column: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);

  return root != NULL ? json_node_copy (root) : NULL;
}

/* By hand rather than with JsonBuilder: every stored announcement with tags goes through
 * here, and a large sync stores a hundred thousand. */
static void
append_json_string (GString    *json,
                    const char *str)
{
  g_string_append_c (json, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) c);
        }
      else if (c < 0x20)
        {
          g_string_append_printf (json, "\\u%04x", c);
        }
      else
        {
          g_string_append_c (json, (char) c);
        }
    }
  g_string_append_c (json, '"');
}

static char *
strv_to_json (const char * const *strv)
{
  GString *json;

  if (strv == NULL)
    return NULL;

  json = g_string_new ("[");
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_string (json, strv[i]);
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(JsonNode) root = json_text_parse (text);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *str = json_node_get_string (json_array_get_element (array, i));

      if (str != NULL)
        g_strv_builder_add (builder, str);
    }

  return g_strv_builder_end (builder);
}

static GazetteLocalized *
localized_from_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  GazetteLocalized *localized;

  if (text == NULL)
    return NULL;

  localized = gazette_localized_new_from_json (text, &error);
  if (localized == NULL)
    {
      g_debug ("Ignoring damaged translations in the store: %s", error->message);
      return gazette_localized_new ();
    }

  return localized;
}

static char *
roles_to_json (GPtrArray *roles)
{
  GString *json;

  if (roles == NULL || roles->len == 0)
    return NULL;

  json = g_string_new ("[");
  for (guint i = 0; i < roles->len; i++)
    {
      g_autofree char *role = gazette_localized_to_json (g_ptr_array_index (roles, i));

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append (json, role);
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static void
roles_from_json (const char *text,
                 GPtrArray  *roles)
{
  g_autoptr(JsonNode) root = json_text_parse (text);
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *role = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      role = json_node_to_text (node);
      g_ptr_array_add (roles, localized_from_json (role));
    }
}

/* Entities */

/* An entity as the columns of its row. */
typedef struct
{
  char *name;
  char *parent_key;
  char *roles;
  char *summary;
  char *sectors;
  char *status;
  char *url;
} EntityColumns;

static void
entity_columns_init (EntityColumns       *columns,
                     const GazetteEntity *entity)
{
  columns->name = gazette_localized_to_json (entity->name);
  columns->parent_key = g_strdup (entity->parent_id);
  columns->roles = roles_to_json (entity->roles);
  columns->summary = entity->summary != NULL ? gazette_localized_to_json (entity->summary) : NULL;
  columns->sectors = strv_to_json ((const char * const *) entity->sectors);
  columns->status = g_strdup (entity->status);
  columns->url = g_strdup (entity->url);
}

static void
entity_columns_clear (EntityColumns *columns)
{
  g_clear_pointer (&columns->name, g_free);
  g_clear_pointer (&columns->parent_key, g_free);
  g_clear_pointer (&columns->roles, g_free);
  g_clear_pointer (&columns->summary, g_free);
  g_clear_pointer (&columns->sectors, g_free);
  g_clear_pointer (&columns->status, g_free);
  g_clear_pointer (&columns->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntityColumns, entity_columns_clear)

static gboolean
entity_columns_equal (const EntityColumns *a,
                      const EntityColumns *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->parent_key, b->parent_key) == 0 &&
         g_strcmp0 (a->roles, b->roles) == 0 &&
         g_strcmp0 (a->summary, b->summary) == 0 &&
         g_strcmp0 (a->sectors, b->sectors) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->url, b->url) == 0;
}

/* Binds name … url to parameters 3 … 9, as STMT_ENTITY_INSERT and _UPDATE expect. */
static void
entity_columns_bind (const EntityColumns *columns,
                     sqlite3_stmt        *stmt)
{
  bind_text (stmt, 3, columns->name);
  bind_text (stmt, 4, columns->parent_key);
  bind_text (stmt, 5, columns->roles);
  bind_text (stmt, 6, columns->summary);
  bind_text (stmt, 7, columns->sectors);
  bind_text (stmt, 8, columns->status);
  bind_text (stmt, 9, columns->url);
}

/* Reads the ENTITY_COLUMNS starting at @column. */
static GazetteEntity *
entity_from_row (sqlite3_stmt *stmt,
                 int           column)
{
  GazetteEntity *entity;
  int kind = sqlite3_column_int (stmt, column + 1);
  const char *name = (const char *) sqlite3_column_text (stmt, column + 3);

  /* Only a damaged database has other kinds; show such an entity rather than crash. */
  if (kind < 0 || kind >= GAZETTE_N_ENTITY_KINDS)
    kind = GAZETTE_ENTITY_ORGANISATION;

  entity = gazette_entity_new ((GazetteEntityKind) kind,
                               (const char *) sqlite3_column_text (stmt, column + 2));
  if (name != NULL)
    {
      gazette_localized_unref (entity->name);
      entity->name = localized_from_json (name);
    }
  entity->parent_id = column_dup_text (stmt, column + 4);
  roles_from_json ((const char *) sqlite3_column_text (stmt, column + 5), entity->roles);
  entity->summary = localized_from_json ((const char *) sqlite3_column_text (stmt, column + 6));
  entity->sectors = strv_from_json ((const char *) sqlite3_column_text (stmt, column + 7));
  entity->status = column_dup_text (stmt, column + 8);
  entity->url = column_dup_text (stmt, column + 9);

  return entity;
}

static gboolean
store_lookup_entity_id (GazetteStore       *self,
                        GazetteEntityKind   kind,
                        const char         *key,
                        gint64             *row_id,
                        GError            **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ENTITY_ID, error);
  int rc;

  *row_id = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, kind);
  bind_text (stmt, 2, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *row_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

/* Feeds */

static GazetteFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  GazetteFeed *feed = gazette_feed_new ((const char *) sqlite3_column_text (stmt, 1));

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->title = column_dup_text (stmt, 2);
  feed->home_page_url = column_dup_text (stmt, 3);
  feed->language = column_dup_text (stmt, 4);
  feed->publisher = column_dup_text (stmt, 5);
  feed->icon_url = column_dup_text (stmt, 6);
  feed->etag = column_dup_text (stmt, 7);
  feed->last_modified = column_dup_text (stmt, 8);
  feed->last_checked = column_seconds (stmt, 9);
  feed->last_success = column_seconds (stmt, 10);
  feed->last_error = column_dup_text (stmt, 11);
  feed->last_error_time = column_seconds (stmt, 12);
  feed->retry_after = column_seconds (stmt, 13);
  feed->gone = sqlite3_column_int (stmt, 14) != 0;
  feed->n_announcements = (guint) sqlite3_column_int64 (stmt, 15);
  feed->n_unread = (guint) sqlite3_column_int64 (stmt, 16);
  feed->folder = column_dup_text (stmt, 17);
  feed->warning = column_dup_text (stmt, 18);

  return feed;
}

/* Reads one feed; *@feed stays NULL when there is no such row. */
static gboolean
store_read_feed (GazetteStore  *self,
                 Stmt           which,
                 gint64         id,
                 const char    *url,
                 GazetteFeed  **feed,
                 GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, which, error);
  int rc;

  *feed = NULL;
  if (stmt == NULL)
    return FALSE;

  if (url != NULL)
    bind_text (stmt, 1, url);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *feed = feed_from_row (stmt);
  else if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_write_feed_warning (GazetteStore  *self,
                          GazetteFeed   *feed,
                          GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_FEED_SAVE_WARNING,
                                                      error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, feed->id);
  bind_text (stmt, 2, feed->warning);

  return store_step_done (self, stmt, error);
}

/* Writes the fetch state of @feed's row. */
static gboolean
store_write_feed_state (GazetteStore  *self,
                        GazetteFeed   *feed,
                        GDateTime     *last_success,
                        const char    *last_error,
                        GDateTime     *last_error_time,
                        GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_FEED_SAVE_STATE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, feed->id);
  bind_text (stmt, 2, feed->url);
  bind_text (stmt, 3, feed->etag);
  bind_text (stmt, 4, feed->last_modified);
  bind_seconds (stmt, 5, feed->last_checked);
  bind_seconds (stmt, 6, last_success);
  bind_text (stmt, 7, last_error);
  bind_seconds (stmt, 8, last_error_time);
  bind_seconds (stmt, 9, feed->retry_after);
  sqlite3_bind_int (stmt, 10, feed->gone ? 1 : 0);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      /* A permanent redirect to a feed that is subscribed already. */
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_EXISTS,
                   _("Another subscribed feed already has the address “%s”."), feed->url);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, feed->id);

      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number */
                   _("There is no feed number %s."), number);
      return FALSE;
    }

  return store_write_feed_warning (self, feed, error);
}

/* Search
 *
 * Words are cut in C, by a GazetteTokenizer that knows every entity's names (self->words),
 * and reach SQLite as marked text (gazette_search_text(): the text with every word between
 * two marks), which the FTS5 tokenizer "gazette" reads without cutting anything again. The
 * index keeps that text: FTS5 reads it again to delete a row, and it gives the same words
 * however the known names have grown since; snippets are cut from it. Queries are cut by the
 * same tokenizer (gazette_search_query_new()) and written as FTS5 strings, one word each.
 * Chinese text is indexed as overlapping bigrams; see gazette-tokenizer.h. */

#define SEARCH_INDEX_SQL \
  "INSERT OR REPLACE INTO announcements_search (rowid, title, summary, body, names)" \
  SEARCH_TEXTS_SQL " FROM announcements a WHERE a.id = ?1"

/* gazette_search_text(text): the text with its words marked (see GAZETTE_MARK_START). */
static void
search_text_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  GazetteStore *self = sqlite3_user_data (context);
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  g_string_truncate (self->text_buffer, 0);
  gazette_tokenizer_mark (self->tokenizer, text, sqlite3_value_bytes (argv[0]),
                          self->text_buffer);
  sqlite3_result_text (context, self->text_buffer->str, (int) self->text_buffer->len,
                       SQLITE_TRANSIENT);
}

/* gazette_html_text(html): the text of an announcement's body. */
static void
html_text_func (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *html = (const char *) sqlite3_value_text (argv[0]);

  if (html == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, gazette_html_to_text (html), -1, g_free);
}

/* The FTS5 tokenizer "gazette". A document is marked text: its words are read from the marks
 * (gazette_tokenizer_run_marked()), and each word but the first is preceded by the pair of it
 * and the word before, at the position of the word before (see GAZETTE_SEARCH_PAIR_MARK). A
 * query is words already, separated by spaces (gazette_search_query_to_fts5()). Offsets are
 * those of the text without its marks: nothing here asks FTS5 to highlight. */
static int
fts_tokenizer_create (void             *context,
                      const char      **args,
                      int               n_args,
                      Fts5Tokenizer   **tokenizer)
{
  /* Stateless: any non-NULL pointer will do. */
  *tokenizer = context;
  return SQLITE_OK;
}

static void
fts_tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

typedef int (*FtsEmitFunc) (void       *context,
                            int         flags,
                            const char *token,
                            int         n_token,
                            int         start,
                            int         end);

typedef struct
{
  void        *context;
  FtsEmitFunc  emit;
  gboolean     pairs;
  GString     *previous;   /* the word before, or empty */
  GString     *pair;
  int          previous_start;
  int          rc;
} FtsDocument;

static gboolean
fts_document_token_cb (const GazetteToken *token,
                       gpointer            user_data)
{
  FtsDocument *doc = user_data;

  if (doc->pairs && doc->previous->len > 0)
    {
      g_string_truncate (doc->pair, 0);
      g_string_append_c (doc->pair, GAZETTE_SEARCH_PAIR_MARK);
      g_string_append_len (doc->pair, doc->previous->str, doc->previous->len);
      g_string_append_c (doc->pair, GAZETTE_SEARCH_PAIR_MARK);
      g_string_append_len (doc->pair, token->text, token->len);
      doc->rc = doc->emit (doc->context, FTS5_TOKEN_COLOCATED, doc->pair->str,
                           (int) doc->pair->len, doc->previous_start, (int) token->end);
      if (doc->rc != SQLITE_OK)
        return FALSE;
    }

  doc->rc = doc->emit (doc->context, 0, token->text, (int) token->len, (int) token->start,
                       (int) token->end);
  if (doc->rc != SQLITE_OK)
    return FALSE;

  if (doc->pairs)
    {
      g_string_truncate (doc->previous, 0);
      g_string_append_len (doc->previous, token->text, token->len);
      doc->previous_start = (int) token->start;
    }

  return TRUE;
}

static int
fts_tokenizer_tokenize (Fts5Tokenizer  *tokenizer,
                        void           *context,
                        int             flags,
                        const char     *text,
                        int             len,
                        FtsEmitFunc     emit)
{
  GazetteStore *self = (GazetteStore *) tokenizer;
  FtsDocument doc = { context, emit, (flags & FTS5_TOKENIZE_DOCUMENT) != 0, NULL, NULL, 0,
                      SQLITE_OK };
  int start = 0;

  if ((flags & FTS5_TOKENIZE_QUERY) == 0)
    {
      doc.previous = self->fts_previous;
      doc.pair = self->fts_pair;
      g_string_truncate (doc.previous, 0);
      gazette_tokenizer_run_marked (self->tokenizer, text, len, fts_document_token_cb,
                                    &doc);
      return doc.rc;
    }

  for (int i = 0; i <= len; i++)
    {
      int rc;

      if (i < len && text[i] != ' ')
        continue;
      if (i > start)
        {
          rc = emit (context, 0, text + start, i - start, start, i);
          if (rc != SQLITE_OK)
            return rc;
        }
      start = i + 1;
    }

  return SQLITE_OK;
}

/* Row ids whose lengths a store remembers: 16 MB at most. */
#define SEARCH_MAX_REMEMBERED_ROW (4 << 20)

/* The length of the current row in tokens, all columns. FTS5 reads it from its _docsize
 * table, one lookup for each row ranked; remembering it by row id spared a search of a
 * common word a fifth of its time. Anything that writes the index forgets them all (see
 * store_forget_doc_lengths()). */
static int
hit_doc_length (GazetteStore            *self,
                const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                int                     *length)
{
  /* The announcement's row id (see SEARCH_TEXTS_SQL). */
  sqlite3_int64 row_id = -api->xRowid (fts);
  int rc;

  if (row_id >= 0 && row_id < (sqlite3_int64) self->doc_lengths->len)
    {
      guint32 known = g_array_index (self->doc_lengths, guint32, row_id);

      if (known > 0)
        {
          *length = (int) known - 1;
          return SQLITE_OK;
        }
    }

  rc = api->xColumnSize (fts, -1, length);
  if (rc == SQLITE_OK && row_id >= 0 && row_id < SEARCH_MAX_REMEMBERED_ROW && *length >= 0)
    {
      if (row_id >= (sqlite3_int64) self->doc_lengths->len)
        g_array_set_size (self->doc_lengths, (guint) row_id + 1);
      g_array_index (self->doc_lengths, guint32, row_id) = (guint32) *length + 1;
    }

  return rc;
}

static void
store_forget_doc_lengths (GazetteStore *self)
{
  g_array_set_size (self->doc_lengths, 0);
}

/* What gazette_hit() gives for a row, as a blob. */
typedef struct
{
  double  score;     /* larger is better */
  guint32 columns;   /* bit i: column i holds a match */
} SearchScore;

/* The average length of a row in tokens, the same for every row of one query. FTS5 reads
 * the totals it comes from again on every xRowCount() and xColumnTotalSize() (a page read
 * each), so gazette_hit() asks once and keeps the answer with the query. */
static int
hit_average_length (const Fts5ExtensionApi  *api,
                    Fts5Context             *fts,
                    double                  *average)
{
  double *known = api->xGetAuxdata (fts, FALSE);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;
  int rc;

  if (known != NULL)
    {
      *average = *known;
      return SQLITE_OK;
    }

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc != SQLITE_OK)
    return rc;

  *average = n_rows > 0 && n_tokens > 0 ? (double) n_tokens / (double) n_rows : 1.0;
  known = g_new (double, 1);
  *known = *average;

  return api->xSetAuxdata (fts, known, g_free);
}

/* The FTS5 function gazette_hit(announcements_search, weight…): how well the row matches,
 * and in which columns. The score is bm25 as FTS5's bm25() computes it (k1 = 1.2,
 * b = 0.75, a column's hits counted times its weight), but with the same inverse document
 * frequency for every phrase: FTS5's bm25() counts the rows each phrase is in by reading
 * the phrase's whole doclist, once per query, and for a word in most of a large store that
 * cost more than the rest of the search. Every hit holds every phrase (phrases are joined
 * with AND), so with one phrase the order is bm25's; with several, a rare phrase no longer
 * weighs more than a common one. Each phrase's positions are walked on their own: FTS5's
 * xInst() would first merge and sort those of every phrase, which nothing here needs. The
 * columns spare a snippet from cutting a body into words only to find nothing in it. */
static void
hit_func (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      argc,
          sqlite3_value          **argv)
{
  const double k1 = 1.2;
  const double b = 0.75;
  GazetteStore *self = api->xUserData (fts);
  double weights[32];
  int n_phrases = api->xPhraseCount (fts);
  int doc_len = 0;
  double average = 1.0;
  double norm;
  SearchScore result = { 0, 0 };
  int rc;

  for (int i = 0; i < (int) G_N_ELEMENTS (weights); i++)
    weights[i] = i < argc ? sqlite3_value_double (argv[i]) : 1.0;

  rc = hit_average_length (api, fts, &average);
  if (rc == SQLITE_OK)
    rc = hit_doc_length (self, api, fts, &doc_len);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  norm = k1 * (1 - b + b * doc_len / average);
  for (int i = 0; i < n_phrases; i++)
    {
      Fts5PhraseIter iter;
      int column, offset;
      double freq = 0;

      rc = api->xPhraseFirst (fts, i, &iter, &column, &offset);
      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      for (; column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
        {
          if (column < (int) G_N_ELEMENTS (weights))
            {
              freq += weights[column];
              result.columns |= 1u << column;
            }
          else
            freq += 1.0;
        }
      result.score += freq * (k1 + 1) / (freq + norm);
    }

  sqlite3_result_blob (context, &result, sizeof result, SQLITE_TRANSIENT);
}

/* Tells the progress function how far a migration has come, when that changed by a tenth
 * of a percent: a hundred thousand rows would otherwise make as many calls. */
static void
store_report_progress (GazetteStore *self)
{
  int per_mille;

  if (self->progress_func == NULL || self->progress_total <= 0)
    return;

  per_mille = (int) MIN (1000, self->progress_done * 1000 / self->progress_total);
  if (per_mille == self->progress_reported)
    return;

  self->progress_reported = per_mille;
  self->progress_func (per_mille / 1000.0, self->progress_data);
}

/* gazette_migration_step (): true; counts a row of a long migration (Migration.count_sql). */
static void
migration_step_func (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  GazetteStore *self = sqlite3_user_data (context);

  self->progress_done++;
  store_report_progress (self);
  sqlite3_result_int (context, 1);
}

/* Runs on every connection that may touch the index, before migrations. */
static gboolean
store_register_search (GazetteStore  *self,
                       GError       **error)
{
  static fts5_tokenizer tokenizer = {
    fts_tokenizer_create, fts_tokenizer_delete, fts_tokenizer_tokenize,
  };
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  rc = sqlite3_create_function (self->db, "gazette_search_text", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, self,
                                search_text_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (self->db, "gazette_html_text", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                  html_text_func, NULL, NULL);
  /* Not deterministic: it must run once for each row. */
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (self->db, "gazette_migration_step", 0, SQLITE_UTF8, self,
                                  migration_step_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (api == NULL)
        {
          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN,
                       "SQLite was built without FTS5");
          return FALSE;
        }
      rc = api->xCreateTokenizer (api, "gazette", self, &tokenizer, NULL);
      if (rc == SQLITE_OK)
        rc = api->xCreateFunction (api, "gazette_hit", self, hit_func, NULL);
    }

  if (rc != SQLITE_OK)
    return store_set_error (self, error, rc);

  return TRUE;
}

/* Teaches the tokenizer every name the store knows. Failing costs only the names: a damaged
 * or half-made database says what is wrong when it is migrated or read. */
static void
store_load_words (GazetteStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM entities", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GazetteLocalized) names =
        localized_from_json ((const char *) sqlite3_column_text (stmt, 0));

      gazette_word_list_add_names (self->words, names);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    g_debug ("Could not read the entity names of %s: %s", self->path, sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
}

/* The same for every announcement whose row id is in the JSON array ?1, in one statement.
 * Every statement that writes to an FTS5 table opens a savepoint, and FTS5 writes what it
 * holds in memory to disk as a new segment at each one; one statement per announcement made
 * a segment per announcement, and merging them cost more than the rest of the ingest. */
#define SEARCH_INDEX_MANY_SQL \
  "INSERT OR REPLACE INTO announcements_search (rowid, title, summary, body, names)" \
  SEARCH_TEXTS_SQL " FROM announcements a WHERE a.id IN (SELECT value FROM json_each (?1))" \
  SEARCH_TEXTS_ORDER

/* Writes (or rewrites) the index row of one stored announcement, from what is stored. */
static gboolean
store_index_announcement (GazetteStore  *self,
                          gint64         row_id,
                          GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_prepare (self, &self->search_index_stmt, SEARCH_INDEX_SQL,
                                             error);

  if (stmt == NULL)
    return FALSE;

  store_forget_doc_lengths (self);
  sqlite3_bind_int64 (stmt, 1, row_id);

  return store_step_done (self, stmt, error);
}

/* Writes the index rows of the announcements in @row_ids (gint64). */
static gboolean
store_index_announcements (GazetteStore  *self,
                           GArray        *row_ids,
                           GError       **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  GString *json;

  if (row_ids->len == 0)
    return TRUE;

  stmt = store_prepare (self, &self->search_index_many_stmt, SEARCH_INDEX_MANY_SQL, error);
  if (stmt == NULL)
    return FALSE;

  json = g_string_sized_new (row_ids->len * 8 + 2);
  g_string_append_c (json, '[');
  for (guint i = 0; i < row_ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (row_ids, gint64, i));
  g_string_append_c (json, ']');
  bind_owned_text (stmt, 1, g_string_free (json, FALSE));
  store_forget_doc_lengths (self);

  return store_step_done (self, stmt, error);
}

/* Figures from the text
 *
 * An announcement that declares no figures gets those gazette_find_figures() reads in its
 * title, summary and body, marked as read from the text. */
static gboolean
store_add_text_figures (GazetteStore         *self,
                        gint64                row_id,
                        GazetteAnnouncement  *announcement,
                        GError              **error)
{
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  const char *texts[4] = { NULL, };

  if (announcement->figures->len > 0)
    return TRUE;

  if (announcement->content_text != NULL)
    body = g_strdup (announcement->content_text);
  else if (announcement->content_html != NULL)
    body = gazette_html_to_text (announcement->content_html);

  texts[0] = announcement->title;
  texts[1] = announcement->summary;
  texts[2] = body;
  figures = gazette_find_figures (texts, 3);

  for (guint i = 0; i < figures->len; i++)
    {
      const GazetteFigure *figure = g_ptr_array_index (figures, i);
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_FIGURE_INSERT, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_owned_text (stmt, 3, gazette_localized_to_json (figure->label));
      sqlite3_bind_double (stmt, 4, figure->value);
      bind_text (stmt, 5, figure->unit);
      if (figure->year != 0)
        sqlite3_bind_int (stmt, 6, figure->year);
      bind_text (stmt, 7, figure->kind);
      bind_text (stmt, 8, figure->source_text);
      sqlite3_bind_int (stmt, 9, 1);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Announcements */

static GHashTable *
new_district_cache (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                g_free, (GDestroyNotify) gazette_entity_unref);
}

/* Reads ANNOUNCEMENT_COLUMNS. @districts (from new_district_cache()) shares district entities
 * between the rows of one page: they repeat a lot, and parsing their names costs. */
static GazetteAnnouncement *
announcement_from_row (sqlite3_stmt *stmt,
                       GHashTable   *districts)
{
  GazetteAnnouncement *announcement;

  announcement = gazette_announcement_new ((const char *) sqlite3_column_text (stmt, ANN_COL_GUID));
  announcement->row_id = sqlite3_column_int64 (stmt, ANN_COL_ID);
  announcement->feed_id = sqlite3_column_int64 (stmt, ANN_COL_FEED_ID);
  announcement->feed_title = column_dup_text (stmt, ANN_COL_FEED_TITLE);
  announcement->language = column_dup_text (stmt, ANN_COL_LANGUAGE);
  announcement->title = column_dup_text (stmt, ANN_COL_TITLE);
  announcement->summary = column_dup_text (stmt, ANN_COL_SUMMARY);
  announcement->url = column_dup_text (stmt, ANN_COL_URL);
  announcement->image_url = column_dup_text (stmt, ANN_COL_IMAGE_URL);
  announcement->author = column_dup_text (stmt, ANN_COL_AUTHOR);
  announcement->published = column_usec (stmt, ANN_COL_PUBLISHED);
  announcement->updated = column_usec (stmt, ANN_COL_UPDATED);
  announcement->translation_group = column_dup_text (stmt, ANN_COL_TRANSLATION_GROUP);
  announcement->read = sqlite3_column_int (stmt, ANN_COL_READ) != 0;
  announcement->starred = sqlite3_column_int (stmt, ANN_COL_STARRED) != 0;

  if (sqlite3_column_type (stmt, ANN_COL_DISTRICT) != SQLITE_NULL)
    {
      gint64 district_id = sqlite3_column_int64 (stmt, ANN_COL_DISTRICT);
      GazetteEntity *district = g_hash_table_lookup (districts, &district_id);

      if (district == NULL)
        {
          district = entity_from_row (stmt, ANN_COL_DISTRICT);
          g_hash_table_insert (districts, g_memdup2 (&district_id, sizeof district_id),
                               district);
        }

      announcement->district = gazette_entity_ref (district);
    }

  return announcement;
}

/* Applying a document */

/* The content hash decides whether a re-fetched announcement changed. The fields are laid
 * out in one buffer, each with its length (or marked absent) so that no two different
 * announcements read alike by shifting text from one field into the next, and the buffer is
 * hashed at once: GChecksum's per-call cost is not negligible at a hundred thousand items. */
static void
hash_u32 (GByteArray *input,
          guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (input, (const guint8 *) &le, sizeof le);
}

static void
hash_int64 (GByteArray *input,
            gint64      value)
{
  guint64 le = GUINT64_TO_LE ((guint64) value);

  g_byte_array_append (input, (const guint8 *) &le, sizeof le);
}

static void
hash_string (GByteArray *input,
             const char *str)
{
  gsize len;

  if (str == NULL)
    {
      hash_u32 (input, G_MAXUINT32);
      return;
    }

  len = strlen (str);
  hash_u32 (input, (guint32) len);
  g_byte_array_append (input, (const guint8 *) str, len);
}

static void
hash_datetime (GByteArray *input,
               GDateTime  *datetime)
{
  /* G_MININT64 microseconds is long before any date GDateTime can hold. */
  hash_int64 (input, datetime != NULL ? datetime_to_usec (datetime) : G_MININT64);
}

static void
hash_entities (GByteArray *input,
               GPtrArray  *entities)
{
  hash_u32 (input, entities->len);
  for (guint i = 0; i < entities->len; i++)
    {
      const GazetteEntity *entity = g_ptr_array_index (entities, i);

      hash_u32 (input, entity->kind);
      hash_string (input, entity->id);
    }
}

/* @figure_labels receives the labels as JSON, for the figures table: serialising them
 * costs, so it is done once. Their insertion order counts, but the same document parses to
 * the same order every time. */
static void
announcement_hash (GazetteAnnouncement *announcement,
                   GChecksum           *checksum,
                   GByteArray          *input,
                   GPtrArray           *figure_labels,
                   guint8               digest[DIGEST_LEN])
{
  gsize len = DIGEST_LEN;

  g_byte_array_set_size (input, 0);
  g_ptr_array_set_size (figure_labels, 0);

  /* Bump when the recipe changes: every announcement then counts as updated once. */
  hash_string (input, "gazette-announcement-1");
  hash_string (input, announcement->id);
  hash_string (input, announcement->language);
  hash_string (input, announcement->title);
  hash_string (input, announcement->summary);
  hash_string (input, announcement->content_html);
  hash_string (input, announcement->content_text);
  hash_string (input, announcement->url);
  hash_string (input, announcement->image_url);
  hash_string (input, announcement->author);
  hash_datetime (input, announcement->published);
  hash_datetime (input, announcement->updated);
  hash_string (input, announcement->translation_group);

  hash_u32 (input, announcement->tags != NULL ? g_strv_length (announcement->tags) : G_MAXUINT32);
  for (guint i = 0; announcement->tags != NULL && announcement->tags[i] != NULL; i++)
    hash_string (input, announcement->tags[i]);

  /* Linked entities by id only: what an entity is called is the entity's business, and is
   * merged whether or not an announcement changed. */
  hash_string (input, announcement->district != NULL ? announcement->district->id : NULL);
  hash_entities (input, announcement->officials);
  hash_entities (input, announcement->projects);
  hash_entities (input, announcement->organisations);

  hash_u32 (input, announcement->quotes->len);
  for (guint i = 0; i < announcement->quotes->len; i++)
    {
      const GazetteQuote *quote = g_ptr_array_index (announcement->quotes, i);

      hash_string (input, quote->official_id);
      hash_string (input, quote->text);
      hash_string (input, quote->language);
    }

  hash_u32 (input, announcement->figures->len);
  for (guint i = 0; i < announcement->figures->len; i++)
    {
      const GazetteFigure *figure = g_ptr_array_index (announcement->figures, i);
      char *label = gazette_localized_to_json (figure->label);
      gint64 bits;

      G_STATIC_ASSERT (sizeof bits == sizeof figure->value);
      memcpy (&bits, &figure->value, sizeof bits);

      g_ptr_array_add (figure_labels, label);
      hash_string (input, label);
      hash_int64 (input, bits);
      hash_string (input, figure->unit);
      hash_u32 (input, (guint32) figure->year);
      hash_string (input, figure->kind);
      hash_string (input, figure->source_text);
      hash_u32 (input, figure->from_text ? 1 : 0);
    }

  g_checksum_reset (checksum);
  g_checksum_update (checksum, input->data, input->len);
  g_checksum_get_digest (checksum, digest, &len);
  g_assert (len == DIGEST_LEN);
}

/* One entity as this document leaves it: what was stored, with everything the document
 * says about it merged in. Written back once, at the end, if it changed. */
typedef struct
{
  gint64         row_id;
  GazetteEntity *entity;
  EntityColumns  stored;
  GazetteEntity *last;    /* what the document said last about it, or NULL */
} EntitySlot;

static void
entity_slot_free (gpointer data)
{
  EntitySlot *slot = data;

  gazette_entity_unref (slot->entity);
  g_clear_pointer (&slot->last, gazette_entity_unref);
  entity_columns_clear (&slot->stored);
  g_free (slot);
}

typedef struct
{
  gint64  entity_id;
  int     position;
} Link;

typedef struct
{
  GazetteStore *store;
  gint64        feed_id;
  GHashTable   *slots[GAZETTE_N_ENTITY_KINDS];  /* entity id → EntitySlot */
  GChecksum    *checksum;
  GArray       *links;                           /* Link, reused between announcements */
  GArray       *quote_officials;                 /* gint64, reused */
  GPtrArray    *figure_labels;                   /* JSON text, reused */
  GByteArray   *hash_input;                      /* reused */
  GArray       *index_ids;                       /* gint64: new and changed announcements */
  GDateTime    *now;
} ApplyContext;

static void
apply_context_init (ApplyContext *ctx,
                    GazetteStore *store,
                    gint64        feed_id,
                    GDateTime    *now)
{
  ctx->store = store;
  ctx->feed_id = feed_id;
  for (guint i = 0; i < GAZETTE_N_ENTITY_KINDS; i++)
    ctx->slots[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entity_slot_free);
  ctx->checksum = g_checksum_new (G_CHECKSUM_MD5);
  ctx->links = g_array_new (FALSE, FALSE, sizeof (Link));
  ctx->quote_officials = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx->figure_labels = g_ptr_array_new_with_free_func (g_free);
  ctx->hash_input = g_byte_array_sized_new (4096);
  ctx->index_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx->now = now;
}

static void
apply_context_clear (ApplyContext *ctx)
{
  for (guint i = 0; i < GAZETTE_N_ENTITY_KINDS; i++)
    g_clear_pointer (&ctx->slots[i], g_hash_table_unref);
  g_clear_pointer (&ctx->checksum, g_checksum_free);
  g_clear_pointer (&ctx->links, g_array_unref);
  g_clear_pointer (&ctx->quote_officials, g_array_unref);
  g_clear_pointer (&ctx->figure_labels, g_ptr_array_unref);
  g_clear_pointer (&ctx->hash_input, g_byte_array_unref);
  g_clear_pointer (&ctx->index_ids, g_array_unref);
}

/* Finds the slot of (@kind, @key), reading the stored entity the first time, or inserting
 * one made from @seed when there is none. */
static EntitySlot *
apply_get_slot (ApplyContext         *ctx,
                GazetteEntityKind     kind,
                const char           *key,
                const GazetteEntity  *seed,
                GError              **error)
{
  GazetteStore *self = ctx->store;
  EntitySlot *slot;
  int rc;

  slot = g_hash_table_lookup (ctx->slots[kind], key);
  if (slot != NULL)
    return slot;

  slot = g_new0 (EntitySlot, 1);

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ENTITY_GET, error);

    if (stmt == NULL)
      {
        g_free (slot);
        return NULL;
      }

    sqlite3_bind_int (stmt, 1, kind);
    bind_text (stmt, 2, key);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        slot->row_id = sqlite3_column_int64 (stmt, 0);
        slot->entity = entity_from_row (stmt, 0);
        entity_columns_init (&slot->stored, slot->entity);
      }
    else if (rc != SQLITE_DONE)
      {
        store_set_error (self, error, rc);
        g_free (slot);
        return NULL;
      }
  }

  if (slot->entity == NULL)
    {
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ENTITY_INSERT, error);

      slot->entity = gazette_entity_new (kind, key);
      if (seed != NULL)
        {
          gazette_entity_merge (slot->entity, seed);
          slot->last = gazette_entity_ref ((GazetteEntity *) seed);
        }
      entity_columns_init (&slot->stored, slot->entity);

      if (stmt == NULL)
        {
          entity_slot_free (slot);
          return NULL;
        }

      sqlite3_bind_int (stmt, 1, kind);
      bind_text (stmt, 2, key);
      entity_columns_bind (&slot->stored, stmt);
      if (!store_step_done (self, stmt, error))
        {
          entity_slot_free (slot);
          return NULL;
        }

      slot->row_id = sqlite3_last_insert_rowid (self->db);
      g_atomic_int_inc (&self->entity_generation);
    }

  /* Keyed by the slot's own copy of the id, which lives as long as the slot. */
  g_hash_table_insert (ctx->slots[kind], slot->entity->id, slot);

  return slot;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

static gboolean
roles_equal (GPtrArray *a,
             GPtrArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      if (!gazette_localized_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

/* Whether merging @b right after @a could change anything: not when they say the same. */
static gboolean
entity_says_same (const GazetteEntity *a,
                  const GazetteEntity *b)
{
  if (a == b)
    return TRUE;

  return gazette_localized_equal (a->name, b->name) &&
         g_strcmp0 (a->parent_id, b->parent_id) == 0 &&
         roles_equal (a->roles, b->roles) &&
         (a->summary == NULL) == (b->summary == NULL) &&
         (a->summary == NULL || gazette_localized_equal (a->summary, b->summary)) &&
         strv_equal0 ((const char * const *) a->sectors, (const char * const *) b->sectors) &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->url, b->url) == 0;
}

/* Folds what the document says about @entity into the stored entity; *@row_id becomes its
 * row, or 0 for an entity without an id, which cannot be stored. */
static gboolean
apply_entity (ApplyContext   *ctx,
              GazetteEntity  *entity,
              gint64         *row_id,
              GError        **error)
{
  EntitySlot *slot;

  *row_id = 0;

  if (entity == NULL || entity->id == NULL || entity->id[0] == '\0' ||
      (guint) entity->kind >= GAZETTE_N_ENTITY_KINDS)
    return TRUE;

  slot = apply_get_slot (ctx, entity->kind, entity->id, entity, error);
  if (slot == NULL)
    return FALSE;

  /* Before the announcements that name it are indexed. */
  gazette_word_list_add_names (ctx->store->words, entity->name);

  /* Items repeat the same official or project, as one shared object or as equal copies:
   * merging what was merged just before changes nothing, and comparing is much cheaper. */
  if (slot->last == NULL || !entity_says_same (slot->last, entity))
    {
      gazette_entity_merge (slot->entity, entity);
      g_clear_pointer (&slot->last, gazette_entity_unref);
      slot->last = gazette_entity_ref (entity);
    }

  *row_id = slot->row_id;

  return TRUE;
}

static gboolean
apply_flush_entities (ApplyContext  *ctx,
                      GError       **error)
{
  for (guint kind = 0; kind < GAZETTE_N_ENTITY_KINDS; kind++)
    {
      GHashTableIter iter;
      EntitySlot *slot;

      g_hash_table_iter_init (&iter, ctx->slots[kind]);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
        {
          g_auto(EntityColumns) columns = { NULL, };
          g_autoptr(StoreStmt) stmt = NULL;

          entity_columns_init (&columns, slot->entity);
          if (entity_columns_equal (&columns, &slot->stored))
            continue;

          stmt = store_get_stmt (ctx->store, STMT_ENTITY_UPDATE, error);
          if (stmt == NULL)
            return FALSE;

          sqlite3_bind_int64 (stmt, 1, slot->row_id);
          entity_columns_bind (&columns, stmt);
          if (!store_step_done (ctx->store, stmt, error))
            return FALSE;
          g_atomic_int_inc (&ctx->store->entity_generation);
        }
    }

  return TRUE;
}

static gboolean
apply_links (ApplyContext  *ctx,
             GPtrArray     *entities,
             GError       **error)
{
  for (guint i = 0; i < entities->len; i++)
    {
      Link link = { 0, (int) i };

      if (!apply_entity (ctx, g_ptr_array_index (entities, i), &link.entity_id, error))
        return FALSE;
      if (link.entity_id != 0)
        g_array_append_val (ctx->links, link);
    }

  return TRUE;
}

/* Binds parameters 3 … 16 of STMT_ANN_INSERT and STMT_ANN_UPDATE. */
static void
bind_announcement_content (ApplyContext        *ctx,
                           sqlite3_stmt        *stmt,
                           GazetteAnnouncement *announcement,
                           gint64               district_id,
                           const guint8         digest[DIGEST_LEN])
{
  GDateTime *published = announcement->published;

  /* Parsers never leave it NULL; should one, the row still needs a place in the order. */
  if (published == NULL)
    published = announcement->updated != NULL ? announcement->updated : ctx->now;

  bind_text (stmt, 3, announcement->language);
  bind_text (stmt, 4, announcement->title);
  bind_text (stmt, 5, announcement->summary);
  bind_text (stmt, 6, announcement->content_html);
  bind_text (stmt, 7, announcement->content_text);
  bind_text (stmt, 8, announcement->url);
  bind_text (stmt, 9, announcement->image_url);
  bind_text (stmt, 10, announcement->author);
  sqlite3_bind_int64 (stmt, 11, datetime_to_usec (published));
  if (announcement->updated != NULL)
    sqlite3_bind_int64 (stmt, 12, datetime_to_usec (announcement->updated));
  else
    sqlite3_bind_null (stmt, 12);
  bind_text (stmt, 13, announcement->translation_group);
  bind_owned_text (stmt, 14, strv_to_json ((const char * const *) announcement->tags));
  if (district_id != 0)
    sqlite3_bind_int64 (stmt, 15, district_id);
  else
    sqlite3_bind_null (stmt, 15);
  sqlite3_bind_blob (stmt, 16, digest, DIGEST_LEN, SQLITE_STATIC);
}

/* Writes the links, quotes and figures of a new or changed announcement. */
static gboolean
apply_children (ApplyContext         *ctx,
                gint64                row_id,
                GazetteAnnouncement  *announcement,
                GError              **error)
{
  GazetteStore *self = ctx->store;

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const Link *link = &g_array_index (ctx->links, Link, i);
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_LINK_INSERT, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_int64 (stmt, 2, link->entity_id);
      sqlite3_bind_int (stmt, 3, link->position);
      sqlite3_bind_int (stmt, 4, GAZETTE_LINK_DECLARED);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < announcement->quotes->len; i++)
    {
      const GazetteQuote *quote = g_ptr_array_index (announcement->quotes, i);
      gint64 official_id = g_array_index (ctx->quote_officials, gint64, i);
      g_autoptr(StoreStmt) stmt = NULL;

      /* Nothing to show for a quote without words. */
      if (quote->text == NULL)
        continue;

      stmt = store_get_stmt (self, STMT_QUOTE_INSERT, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, row_id);
      if (official_id != 0)
        sqlite3_bind_int64 (stmt, 2, official_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      bind_text (stmt, 4, quote->text);
      bind_text (stmt, 5, quote->language);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < announcement->figures->len; i++)
    {
      const GazetteFigure *figure = g_ptr_array_index (announcement->figures, i);
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_FIGURE_INSERT, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, g_ptr_array_index (ctx->figure_labels, i));
      /* SQLite stores NaN as NULL; say so rather than be surprised. */
      if (isfinite (figure->value))
        sqlite3_bind_double (stmt, 4, figure->value);
      bind_text (stmt, 5, figure->unit);
      if (figure->year != 0)
        sqlite3_bind_int (stmt, 6, figure->year);
      bind_text (stmt, 7, figure->kind);
      bind_text (stmt, 8, figure->source_text);
      sqlite3_bind_int (stmt, 9, figure->from_text ? 1 : 0);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  /* Indexed once the whole document is in; see store_index_announcements(). */
  g_array_append_val (ctx->index_ids, row_id);

  return store_add_text_figures (self, row_id, announcement, error);
}

static gboolean
apply_announcement (ApplyContext         *ctx,
                    GazetteAnnouncement  *announcement,
                    GazetteApplyStats    *stats,
                    GError              **error)
{
  GazetteStore *self = ctx->store;
  guint8 digest[DIGEST_LEN];
  gint64 row_id = 0;
  gint64 district_id = 0;
  gboolean exists = FALSE;
  gboolean unchanged = FALSE;
  int rc;

  announcement_hash (announcement, ctx->checksum, ctx->hash_input, ctx->figure_labels, digest);

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_LOOKUP, error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, ctx->feed_id);
    bind_text (stmt, 2, announcement->id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        exists = TRUE;
        row_id = sqlite3_column_int64 (stmt, 0);
        unchanged = sqlite3_column_bytes (stmt, 1) == DIGEST_LEN &&
                    memcmp (sqlite3_column_blob (stmt, 1), digest, DIGEST_LEN) == 0;
        announcement->read = sqlite3_column_int (stmt, 2) != 0;
        announcement->starred = sqlite3_column_int (stmt, 3) != 0;
      }
    else if (rc != SQLITE_DONE)
      {
        return store_set_error (self, error, rc);
      }
  }

  /* Entities are merged even when the announcement is unchanged: another item of this
   * document, or this feed's new translation of a name, may have taught us more. */
  g_array_set_size (ctx->links, 0);
  g_array_set_size (ctx->quote_officials, 0);

  if (!apply_entity (ctx, announcement->district, &district_id, error) ||
      !apply_links (ctx, announcement->officials, error) ||
      !apply_links (ctx, announcement->projects, error) ||
      !apply_links (ctx, announcement->organisations, error))
    return FALSE;

  for (guint i = 0; i < announcement->quotes->len; i++)
    {
      const GazetteQuote *quote = g_ptr_array_index (announcement->quotes, i);
      gint64 official_id = 0;

      if (quote->official_id != NULL && quote->official_id[0] != '\0')
        {
          EntitySlot *slot = apply_get_slot (ctx, GAZETTE_ENTITY_OFFICIAL, quote->official_id,
                                             NULL, error);

          if (slot == NULL)
            return FALSE;
          official_id = slot->row_id;
        }
      g_array_append_val (ctx->quote_officials, official_id);
    }

  if (unchanged)
    {
      stats->n_unchanged++;
    }
  else if (!exists)
    {
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_INSERT, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, ctx->feed_id);
      bind_text (stmt, 2, announcement->id);
      bind_announcement_content (ctx, stmt, announcement, district_id, digest);
      if (!store_step_done (self, stmt, error))
        return FALSE;

      row_id = sqlite3_last_insert_rowid (self->db);
      if (!apply_children (ctx, row_id, announcement, error))
        return FALSE;

      stats->n_new++;
    }
  else
    {
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_UPDATE, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, row_id);
      bind_announcement_content (ctx, stmt, announcement, district_id, digest);
      if (!store_step_done (self, stmt, error))
        return FALSE;

      /* Links found in the old text go too: the linker runs again on the new one. */
      if (!store_run_for_row (self, STMT_ANN_DELETE_LINKS, row_id, error) ||
          !store_run_for_row (self, STMT_ANN_DELETE_QUOTES, row_id, error) ||
          !store_run_for_row (self, STMT_ANN_DELETE_FIGURES, row_id, error) ||
          !apply_children (ctx, row_id, announcement, error))
        return FALSE;

      stats->n_updated++;
    }

  announcement->row_id = row_id;
  announcement->feed_id = ctx->feed_id;

  return TRUE;
}

/* Translation groups */

#define SETTING_LANGUAGES "languages"

/* gazette_group_lead(id, language), an aggregate: the id of the group member that
 * gazette_localized_lookup() would pick for the reader's languages, so the list and the
 * article agree on which translation comes first. On a tie the first row wins. */
static void
group_lead_step (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  GazetteLocalized **members = sqlite3_aggregate_context (context, sizeof *members);
  const char *language = (const char *) sqlite3_value_text (argv[1]);
  char id[24];

  if (members == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  if (*members == NULL)
    *members = gazette_localized_new ();

  if (gazette_localized_get_exact (*members, language) != NULL)
    return;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, (gint64) sqlite3_value_int64 (argv[0]));
  gazette_localized_set (*members, language, id);
}

static void
group_lead_final (sqlite3_context *context)
{
  GazetteStore *self = sqlite3_user_data (context);
  GazetteLocalized **members = sqlite3_aggregate_context (context, 0);
  const char *id;

  if (members == NULL || *members == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  id = gazette_localized_lookup (*members, (const char * const *) self->languages);
  sqlite3_result_int64 (context, g_ascii_strtoll (id, NULL, 10));
  g_clear_pointer (members, gazette_localized_unref);
}

static gboolean
store_update_group_lead (GazetteStore  *self,
                         const char    *group,
                         GError       **error)
{
  g_autoptr(StoreStmt) clear = store_get_stmt (self, STMT_GROUP_LEAD_CLEAR, error);
  g_autoptr(StoreStmt) set = NULL;

  if (clear == NULL)
    return FALSE;

  bind_text (clear, 1, group);
  if (!store_step_done (self, clear, error))
    return FALSE;

  set = store_get_stmt (self, STMT_GROUP_LEAD_SET, error);
  if (set == NULL)
    return FALSE;

  bind_text (set, 1, group);

  return store_step_done (self, set, error);
}

static gboolean
store_update_all_group_leads (GazetteStore  *self,
                              GError       **error)
{
  return store_exec (self,
                     "UPDATE announcements SET group_lead = 0"
                     "  WHERE translation_group IS NOT NULL AND group_lead = 1;"
                     "UPDATE announcements SET group_lead = 1 WHERE id IN"
                     "  (SELECT gazette_group_lead (id, language) FROM announcements"
                     "   WHERE translation_group IS NOT NULL GROUP BY translation_group);",
                     error);
}

/* The languages the groups were last led by, so that every writer (the window, the command
 * line) keeps them consistent; the system's until somebody sets them. */
static gboolean
store_load_languages (GazetteStore  *self,
                      GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_SETTING_GET, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, SETTING_LANGUAGES);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    self->languages = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), ",", -1);
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    self->languages = gazette_language_get_preferred ();
  else
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_apply_locked (GazetteStore         *self,
                    ApplyContext         *ctx,
                    GazetteFeed          *feed,
                    GazetteFeedDocument  *document,
                    GazetteApplyStats    *stats,
                    GError              **error)
{
  GDateTime *last_success = feed->last_success != NULL ? feed->last_success : ctx->now;

  if (!store_write_feed_state (self, feed, last_success, NULL, NULL, error))
    return FALSE;

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_FEED_SAVE_METADATA, error);

    if (stmt == NULL)
      return FALSE;

    /* What the document leaves out, the feed keeps. */
    sqlite3_bind_int64 (stmt, 1, feed->id);
#define DOCUMENT_OR_FEED(field) (document->field != NULL ? document->field : feed->field)
    bind_text (stmt, 2, DOCUMENT_OR_FEED (title));
    bind_text (stmt, 3, DOCUMENT_OR_FEED (home_page_url));
    bind_text (stmt, 4, DOCUMENT_OR_FEED (language));
    bind_text (stmt, 5, DOCUMENT_OR_FEED (publisher));
    bind_text (stmt, 6, DOCUMENT_OR_FEED (icon_url));
#undef DOCUMENT_OR_FEED
    if (!store_step_done (self, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < document->districts->len; i++)
    {
      gint64 row_id;

      if (!apply_entity (ctx, g_ptr_array_index (document->districts, i), &row_id, error))
        return FALSE;
    }

  for (guint i = 0; i < document->announcements->len; i++)
    {
      if (!apply_announcement (ctx, g_ptr_array_index (document->announcements, i), stats, error))
        return FALSE;
    }

  {
    g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < document->announcements->len; i++)
      {
        GazetteAnnouncement *announcement = g_ptr_array_index (document->announcements, i);

        if (announcement->translation_group != NULL &&
            g_hash_table_add (groups, announcement->translation_group) &&
            !store_update_group_lead (self, announcement->translation_group, error))
          return FALSE;
      }
  }

  return apply_flush_entities (ctx, error) &&
         store_index_announcements (self, ctx->index_ids, error);
}

/* List queries */

static guint
query_mask (const GazetteQuery *query)
{
  guint mask = 0;

  if (query != NULL)
    {
      if (query->district_id != NULL)
        mask |= FILTER_DISTRICT;
      if (query->official_id != NULL)
        mask |= FILTER_OFFICIAL;
      if (query->project_id != NULL)
        mask |= FILTER_PROJECT;
      if (query->organisation_id != NULL)
        mask |= FILTER_ORGANISATION;
      if (query->feed_id != 0)
        mask |= FILTER_FEED;
      if (query->unread_only)
        mask |= FILTER_UNREAD;
      if (query->starred_only)
        mask |= FILTER_STARRED;
      if (query->one_per_group)
        mask |= FILTER_GROUP_LEAD;
    }

  return mask;
}

/* Only fixed fragments go into the text: the values are bound. */
static char *
query_build_sql (guint    mask,
                 gboolean count)
{
  GString *sql = g_string_new (NULL);
  gboolean first = TRUE;

  if (mask & FILTER_DISTRICT)
    g_string_append (sql, DISTRICT_TREE_CTE);

  if (count)
    g_string_append (sql, "SELECT count(*) FROM announcements a");
  else
    g_string_append (sql, "SELECT " ANNOUNCEMENT_COLUMNS " FROM " ANNOUNCEMENT_FROM);

  for (guint i = 0; i < G_N_ELEMENTS (filter_sql); i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;

      g_string_append (sql, first ? " WHERE " : " AND ");
      g_string_append (sql, filter_sql[i]);
      first = FALSE;
    }

  if (!count)
    g_string_append (sql, " ORDER BY a.published DESC, a.id DESC LIMIT :limit OFFSET :offset");

  return g_string_free (sql, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    bind_text (stmt, index, value);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
query_bind (sqlite3_stmt        *stmt,
            const GazetteQuery  *query,
            const GazetteCursor *after,
            gint64               limit,
            gint64               offset)
{
  if (query != NULL)
    {
      bind_named_text (stmt, ":district", query->district_id);
      bind_named_text (stmt, ":official", query->official_id);
      bind_named_text (stmt, ":project", query->project_id);
      bind_named_text (stmt, ":organisation", query->organisation_id);
      bind_named_int64 (stmt, ":feed", query->feed_id);
    }

  if (after != NULL)
    {
      bind_named_int64 (stmt, ":published", after->published_usec);
      bind_named_int64 (stmt, ":id", after->row_id);
    }

  bind_named_int64 (stmt, ":limit", limit);
  bind_named_int64 (stmt, ":offset", offset);
}

static StoreStmt *
store_get_query_stmt (GazetteStore  *self,
                      guint          mask,
                      gboolean       count,
                      GError       **error)
{
  sqlite3_stmt **slot;
  g_autofree char *sql = NULL;

  g_assert (mask < N_FILTER_MASKS);

  slot = count ? &self->count_stmts[mask] : &self->list_stmts[mask];
  if (*slot != NULL)
    return *slot;

  sql = query_build_sql (mask, count);

  return store_prepare (self, slot, sql, error);
}

/* Checkpoints */

static void
store_checkpoint_func (gpointer data,
                       gpointer user_data)
{
  GazetteStore *self = user_data;
  int n_log = 0;
  int n_done = 0;
  int rc;

  /* Commits from now on may ask for the next checkpoint. */
  g_atomic_int_set (&self->checkpoint_queued, FALSE);

  if (self->checkpoint_db == NULL)
    {
      rc = sqlite3_open_v2 (self->path, &self->checkpoint_db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
      /* A connection learns that the file is in WAL mode on its first read. */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->checkpoint_db, "SELECT count(*) FROM sqlite_master",
                           NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          /* Not fatal: the next request tries again, and closing the store checkpoints. */
          g_debug ("Could not open %s to checkpoint it: %s", self->path,
                   self->checkpoint_db != NULL ? sqlite3_errmsg (self->checkpoint_db)
                                               : sqlite3_errstr (rc));
          g_clear_pointer (&self->checkpoint_db, sqlite3_close);
          goto out;
        }
    }

  /* PASSIVE never waits for readers or the writer: what it cannot copy now, the next one
   * will. */
  rc = sqlite3_wal_checkpoint_v2 (self->checkpoint_db, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                  &n_log, &n_done);
  if (rc != SQLITE_OK)
    g_debug ("Checkpoint of %s failed: %s", self->path, sqlite3_errmsg (self->checkpoint_db));
  else
    g_debug ("Checkpointed %d of %d pages of %s", n_done, n_log, self->path);

out:
  g_atomic_int_add (&self->checkpoints_running, -1);
}

/* Runs on the main connection after every commit, with self->mutex held. Setting a WAL hook
 * also turns SQLite's automatic checkpoint off. */
static int
store_wal_hook_cb (void       *user_data,
                   sqlite3    *db,
                   const char *name,
                   int         n_frames)
{
  GazetteStore *self = user_data;

  if (n_frames >= self->checkpoint_frames &&
      g_atomic_int_compare_and_exchange (&self->checkpoint_queued, FALSE, TRUE))
    {
      g_atomic_int_inc (&self->checkpoints_running);
      /* The pool wants non-NULL data; the store itself is the pool's user data. */
      g_thread_pool_push (self->checkpointer, GINT_TO_POINTER (1), NULL);
    }

  return SQLITE_OK;
}

/* Opening */

static gboolean
store_set_open_error (GazetteStore  *self,
                      GError       **error,
                      int            rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is a file name, the second SQLite's
                    * explanation, in English */
                   _("“%s” is not a Gazette database, or it is damaged: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;

    case SQLITE_FULL:
      return store_set_error (self, error, rc);

    default:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN,
                   /* Translators: the first %s is a file name, the second SQLite's
                    * explanation, in English */
                   _("Could not open the database “%s”: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
}

/* Runs a statement that returns one integer (a pragma, a count). */
static gboolean
store_read_int (GazetteStore  *self,
                const char    *sql,
                int           *value,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    store_set_open_error (self, error, rc);

  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* Runs one migration step in its own transaction, unless *@version shows it done. */
static gboolean
store_migrate_step (GazetteStore     *self,
                    const Migration  *step,
                    int              *version,
                    GError          **error)
{
  if (!store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Again inside the transaction: another process may have migrated meanwhile. */
  if (!store_read_int (self, "PRAGMA user_version", version, error))
    {
      store_rollback (self);
      return FALSE;
    }

  self->progress_total = 0;
  self->progress_done = 0;
  self->progress_reported = -1;
  if (*version < step->version && step->count_sql != NULL && self->progress_func != NULL)
    {
      int total = 0;

      if (!store_read_int (self, step->count_sql, &total, error))
        {
          store_rollback (self);
          return FALSE;
        }
      self->progress_total = total;
      store_report_progress (self);
    }

  if ((*version < step->version && !store_exec (self, step->sql, error)) ||
      !store_exec (self, "COMMIT", error))
    {
      store_rollback (self);
      return FALSE;
    }
  self->progress_total = 0;

  if (*version < step->version)
    {
      g_debug ("Migrated %s to schema version %d", self->path, step->version);
      *version = step->version;
    }

  return TRUE;
}

static gboolean
store_migrate (GazetteStore  *self,
               int            version,
               GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      const Migration *step = &migrations[i];
      g_autoptr(GError) local_error = NULL;

      g_assert (step->version == (int) i + 1);

      if (step->version <= version)
        continue;

      if (!store_migrate_step (self, step, &version, &local_error))
        {
          g_set_error (error, GAZETTE_STORE_ERROR,
                       local_error->code == GAZETTE_STORE_ERROR_FULL ?
                         GAZETTE_STORE_ERROR_FULL : GAZETTE_STORE_ERROR_FAILED,
                       /* Translators: the first %s is a file name, %d a number, the last %s
                        * the reason */
                       _("Could not update the database “%s” to schema version %d: %s"),
                       self->path, step->version, local_error->message);
          return FALSE;
        }
    }

  self->schema_version = version;

  return TRUE;
}

static gboolean
store_open (GazetteStore  *self,
            GError       **error)
{
  int version = 0;
  int rc;

  if (self->path[0] != '\0' && !g_str_equal (self->path, ":memory:"))
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      /* The user's data: nobody else's business, hence 0700. */
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN,
                       /* Translators: the first %s is a folder, the second the reason */
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN,
                       _("Could not open the database “%s”: %s"),
                       self->path, sqlite3_errstr (rc));
          return FALSE;
        }

      return store_set_open_error (self, error, rc);
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The first read of the file: a file that is not a database fails here. */
  if (!store_read_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > GAZETTE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the %d are schema version numbers */
                   _("The database “%s” was written by a newer version of Gazette (schema "
                     "version %d; this version reads up to %d). Update Gazette to open it."),
                   self->path, version, GAZETTE_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version > 0)
    {
      int application_id = 0;

      if (!store_read_int (self, "PRAGMA application_id", &application_id, error))
        return FALSE;

      if (application_id != GAZETTE_STORE_APPLICATION_ID)
        {
          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT,
                       _("“%s” is not a Gazette database."), self->path);
          return FALSE;
        }
    }
  else
    {
      int n_tables = 0;

      /* Version 0 with tables: somebody else's database. Leave it alone. */
      if (!store_read_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
        return FALSE;

      if (n_tables > 0)
        {
          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_CORRUPT,
                       _("“%s” is not a Gazette database."), self->path);
          return FALSE;
        }

      /* A new file, so the page size can still be chosen (not once it is in WAL mode). An
       * announcement's row is 3–6 KB with its body: in 4 KiB pages most rows spill into
       * overflow pages, and a large sync writes, logs and checkpoints a third more pages,
       * one system call each. */
      if (!store_exec (self, "PRAGMA page_size = 16384", error))
        return FALSE;
    }

  /* WAL: readers in other processes (the command line) do not block a sync, and a crash
   * loses at most the transaction in progress. NORMAL is safe with WAL. */
  if (!store_exec (self,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY;"
                   /* SQLite's default cache, 2 MB, is a search's worth of pages or less: at
                    * 100,000 announcements a search read most of the index pages it needed
                    * from the system again, one read() each, a third of its time. Pages are
                    * only held once read, so a small store never uses this much. */
                   "PRAGMA cache_size = -16384;"
                   /* After a large sync the log would otherwise keep its size for good. */
                   "PRAGMA journal_size_limit = 8388608;",
                   error))
    return FALSE;

  self->checkpointer = g_thread_pool_new (store_checkpoint_func, self, 1, FALSE, NULL);
  sqlite3_wal_hook (self->db, store_wal_hook_cb, self);

  rc = sqlite3_create_function_v2 (self->db, "gazette_group_lead", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, self, NULL,
                                   group_lead_step, group_lead_final, NULL);
  if (rc != SQLITE_OK)
    return store_set_error (self, error, rc);

  /* The names are known before a migration builds the search index. */
  if (!store_register_search (self, error))
    return FALSE;
  if (version > 0)
    store_load_words (self);

  if (!store_migrate (self, version, error))
    return FALSE;

  return store_load_languages (self, error);
}

/* GObject */

static void
gazette_store_finalize (GObject *object)
{
  GazetteStore *self = (GazetteStore *) object;

  /* Drop a queued checkpoint and wait for a running one; closing the main connection last
   * checkpoints whatever is left and removes the log. */
  if (self->checkpointer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->checkpointer), TRUE, TRUE);
  g_clear_pointer (&self->checkpoint_db, sqlite3_close);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  for (guint i = 0; i < N_FILTER_MASKS; i++)
    {
      g_clear_pointer (&self->list_stmts[i], sqlite3_finalize);
      g_clear_pointer (&self->count_stmts[i], sqlite3_finalize);
    }
  for (guint i = 0; i < N_OFFLINE_STMTS; i++)
    g_clear_pointer (&self->offline_stmts[i], sqlite3_finalize);
  for (guint i = 0; i < N_SEARCH_MASKS; i++)
    g_clear_pointer (&self->search_stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->search_index_stmt, sqlite3_finalize);
  g_clear_pointer (&self->search_index_many_stmt, sqlite3_finalize);

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close the database %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->tokenizer, gazette_tokenizer_free);
  g_clear_pointer (&self->words, gazette_word_list_unref);
  g_string_free (self->text_buffer, TRUE);
  g_string_free (self->fts_previous, TRUE);
  g_string_free (self->fts_pair, TRUE);
  g_array_unref (self->doc_lengths);
  g_hash_table_unref (self->search_districts);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (gazette_store_parent_class)->finalize (object);
}

static void
gazette_store_class_init (GazetteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gazette_store_finalize;
}

static void
gazette_store_init (GazetteStore *self)
{
  g_mutex_init (&self->mutex);
  self->checkpoint_frames = CHECKPOINT_FRAMES;
  self->words = gazette_word_list_new ();
  self->tokenizer = gazette_tokenizer_new (self->words);
  self->text_buffer = g_string_new (NULL);
  self->fts_previous = g_string_new (NULL);
  self->fts_pair = g_string_new (NULL);
  self->doc_lengths = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->search_districts = new_district_cache ();
  self->data_version = -1;
}

/**
 * gazette_store_new:
 * @path: the database file; its folder is created when missing. ":memory:" gives a
 *   private database that disappears with the store
 * @error: return location for a #GError
 *
 * Opens or creates the store and brings its schema up to date. A database written by a
 * newer Gazette fails with %GAZETTE_STORE_ERROR_TOO_NEW and is left untouched; a file that
 * is not a Gazette database fails with %GAZETTE_STORE_ERROR_CORRUPT.
 *
 * The store may be used from several threads: every call holds the store's lock for its
 * duration, so calls run one after the other.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GazetteStore *
gazette_store_new (const char  *path,
                   GError     **error)
{
  return gazette_store_new_full (path, NULL, NULL, error);
}

/**
 * gazette_store_new_full:
 * @path: the database file, created when missing
 * @progress: (nullable) (scope call): called, in this thread, while a migration that takes
 *   long (making the search index again) runs, with how far it has come from 0 to 1
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * As gazette_store_new(), telling @progress how far a long migration has come. It is
 * called only when there is such a migration to make, and not more than a thousand times.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GazetteStore *
gazette_store_new_full (const char                *path,
                        GazetteStoreProgressFunc   progress,
                        gpointer                   user_data,
                        GError                   **error)
{
  g_autoptr(GazetteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GAZETTE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->progress_func = progress;
  self->progress_data = user_data;

  if (!store_open (self, error))
    return NULL;

  self->progress_func = NULL;
  self->progress_data = NULL;

  return g_steal_pointer (&self);
}

/**
 * gazette_store_get_path:
 * @self: a #GazetteStore
 *
 * Returns: the database file
 */
const char *
gazette_store_get_path (GazetteStore *self)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);

  return self->path;
}

/**
 * gazette_store_dup_default_data_dir:
 *
 * Where the window and the command line keep their store unless told otherwise:
 * `$GAZETTE_DATA_DIR` when set (tests, several stores side by side), else
 * `$XDG_DATA_HOME/gazette`.
 *
 * Returns: (transfer full): a folder
 */
char *
gazette_store_dup_default_data_dir (void)
{
  const char *env = g_getenv ("GAZETTE_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "gazette", NULL);
}

/**
 * gazette_store_open_in:
 * @data_dir: the folder of the store, created when missing
 * @error: return location for a #GError
 *
 * Opens `gazette.db` in @data_dir. A store created by this call subscribes the bundled
 * sample feed, so that a first run has something to read, offline too.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GazetteStore *
gazette_store_open_in (const char  *data_dir,
                       GError     **error)
{
  return gazette_store_open_in_full (data_dir, NULL, NULL, error);
}

/**
 * gazette_store_open_in_full:
 * @data_dir: the folder of the store, created when missing
 * @progress: (nullable) (scope call): see gazette_store_new_full()
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * As gazette_store_open_in(), telling @progress how far a long migration has come.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GazetteStore *
gazette_store_open_in_full (const char                *data_dir,
                            GazetteStoreProgressFunc   progress,
                            gpointer                   user_data,
                            GError                   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GazetteStore) store = NULL;
  gboolean fresh;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_build_filename (data_dir, "gazette.db", NULL);
  fresh = !g_file_test (path, G_FILE_TEST_EXISTS);

  store = gazette_store_new_full (path, progress, user_data, error);
  if (store == NULL)
    return NULL;

  if (fresh)
    {
      g_autoptr(GazetteFeed) feed = gazette_store_add_feed (store, GAZETTE_SAMPLE_FEED_URL,
                                                            error);
      if (feed == NULL)
        return NULL;
    }

  return g_steal_pointer (&store);
}

/**
 * gazette_store_set_languages:
 * @self: a #GazetteStore
 * @languages: (array zero-terminated=1): the reader's languages, most wanted first
 * @changed: (out) (optional): whether the groups were picked again
 * @error: return location for a #GError
 *
 * Tells the store which translation of an announcement the reader wants, so that a
 * #GazetteQuery with @one_per_group lists each translation group as that member. The choice
 * is remembered in the database; changing it re-picks every group, which takes a while in a
 * large store: call it from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_set_languages (GazetteStore        *self,
                             const char * const  *languages,
                             gboolean            *changed,
                             GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) normalized = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (languages != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *tag = gazette_language_normalize (languages[i]);

      if (tag != NULL && strchr (tag, ',') == NULL)
        g_strv_builder_add (builder, tag);
    }
  normalized = g_strv_builder_end (builder);
  joined = g_strjoinv (",", normalized);

  locker = g_mutex_locker_new (&self->mutex);

  if (self->languages != NULL &&
      g_strv_equal ((const char * const *) self->languages, (const char * const *) normalized))
    {
      g_autoptr(StoreStmt) get = store_get_stmt (self, STMT_SETTING_GET, error);

      if (get == NULL)
        return FALSE;

      /* Already leading by these, and saved: nothing to re-pick. */
      bind_text (get, 1, SETTING_LANGUAGES);
      if (sqlite3_step (get) == SQLITE_ROW && sqlite3_column_text (get, 0) != NULL &&
          g_str_equal ((const char *) sqlite3_column_text (get, 0), joined))
        return TRUE;
    }

  g_strfreev (self->languages);
  self->languages = g_steal_pointer (&normalized);

  if (!store_begin (self, error))
    return FALSE;

  {
    g_autoptr(StoreStmt) set = store_get_stmt (self, STMT_SETTING_SET, error);

    if (set == NULL)
      goto failed;

    bind_text (set, 1, SETTING_LANGUAGES);
    bind_text (set, 2, joined);
    if (!store_step_done (self, set, error))
      goto failed;
  }

  if (!store_update_all_group_leads (self, error) || !store_commit (self, error))
    goto failed;

  if (changed != NULL)
    *changed = TRUE;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * gazette_store_get_schema_version:
 * @self: a #GazetteStore
 *
 * Returns: the schema version of the open database, which is always the newest this
 *   version of Gazette knows
 */
int
gazette_store_get_schema_version (GazetteStore *self)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (self), 0);

  return self->schema_version;
}

/* Feeds */

/**
 * gazette_store_add_feed:
 * @self: a #GazetteStore
 * @url: where to fetch the feed from
 * @error: return location for a #GError
 *
 * Subscribes to @url. Fails with %GAZETTE_STORE_ERROR_EXISTS when it is subscribed already.
 *
 * Returns: (transfer full) (nullable): the new feed, with its id, or %NULL with @error set
 */
GazetteFeed *
gazette_store_add_feed (GazetteStore  *self,
                        const char    *url,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  GazetteFeed *feed;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, STMT_FEED_INSERT, error);
  if (stmt == NULL)
    return NULL;

  now = g_date_time_new_now_utc ();
  bind_text (stmt, 1, url);
  bind_seconds (stmt, 2, now);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_EXISTS,
                   /* Translators: %s is a web address */
                   _("You are already subscribed to “%s”."), url);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  feed = gazette_feed_new (url);
  feed->id = sqlite3_last_insert_rowid (self->db);

  return feed;
}

/**
 * gazette_store_list_feeds:
 * @self: a #GazetteStore
 * @error: return location for a #GError
 *
 * Lists every subscribed feed by title (or address, before the first fetch), with the
 * number of its announcements and of those still unread.
 *
 * Returns: (transfer container) (element-type GazetteFeed) (nullable): the feeds, or
 *   %NULL with @error set
 */
GPtrArray *
gazette_store_list_feeds (GazetteStore  *self,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, STMT_FEED_LIST, error);
  if (stmt == NULL)
    return NULL;

  feeds = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&feeds);
}

/**
 * gazette_store_find_feed:
 * @self: a #GazetteStore
 * @url_or_id: the feed's id, as a decimal number, or its exact address
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the feed, with its counts, or %NULL with @error set
 *   (%GAZETTE_STORE_ERROR_NOT_FOUND when there is no such feed)
 */
GazetteFeed *
gazette_store_find_feed (GazetteStore  *self,
                         const char    *url_or_id,
                         GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GazetteFeed *feed = NULL;
  guint64 id;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (url_or_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (g_ascii_string_to_unsigned (url_or_id, 10, 1, G_MAXINT64, &id, NULL))
    {
      if (!store_read_feed (self, STMT_FEED_BY_ID, (gint64) id, NULL, &feed, error))
        return NULL;
    }

  if (feed == NULL &&
      !store_read_feed (self, STMT_FEED_BY_URL, 0, url_or_id, &feed, error))
    return NULL;

  if (feed == NULL)
    {
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is what the user typed: a number or a web address */
                   _("No subscribed feed matches “%s”."), url_or_id);
      return NULL;
    }

  return feed;
}

/**
 * gazette_store_remove_feed:
 * @self: a #GazetteStore
 * @feed_id: the feed's id
 * @n_removed: (out) (optional): how many announcements went with it
 * @error: return location for a #GError
 *
 * Unsubscribes from a feed and deletes its announcements, with their links, quotes and
 * figures. Entities stay: other feeds share them, and they hold names merged from several
 * feeds; an entity nothing refers to any more costs a row and is harmless.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_remove_feed (GazetteStore  *self,
                           gint64         feed_id,
                           guint         *n_removed,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 count = 0;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  locker = g_mutex_locker_new (&self->mutex);

  if (!store_begin (self, error))
    return FALSE;

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_FEED_COUNT_ANNOUNCEMENTS, error);
    int rc;

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, feed_id);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      {
        store_set_error (self, error, rc);
        goto failed;
      }
    count = sqlite3_column_int64 (stmt, 0);
  }

  if (!store_run_for_row (self, STMT_FEED_DELETE, feed_id, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, feed_id);

      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number */
                   _("There is no feed number %s."), number);
      goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  store_free_unused_images (self);

  if (n_removed != NULL)
    *n_removed = (guint) count;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * gazette_store_save_feed_state:
 * @self: a #GazetteStore
 * @feed: a stored feed
 * @error: return location for a #GError
 *
 * Saves what the last fetch of @feed said: its address (after a permanent redirect),
 * validators, times, error, back-off and whether it is gone. The sync calls this after a
 * 304 or a failure; the feed's announcements are never touched, so a feed that fails keeps
 * everything it had.
 *
 * Returns: %TRUE on success; %GAZETTE_STORE_ERROR_NOT_FOUND when @feed is not stored
 */
gboolean
gazette_store_save_feed_state (GazetteStore  *self,
                               GazetteFeed   *feed,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (GAZETTE_IS_FEED (feed), FALSE);
  g_return_val_if_fail (feed->url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  return store_write_feed_state (self, feed, feed->last_success,
                                 feed->last_error, feed->last_error_time, error);
}

/**
 * gazette_store_apply_document:
 * @self: a #GazetteStore
 * @feed: the stored feed @document was fetched from, with its new fetch state
 * @document: what the feed said
 * @stats: (out caller-allocates) (optional): how many announcements were new, updated and
 *   unchanged
 * @error: return location for a #GError
 *
 * Stores a fetched document in one transaction: the feed's state and metadata, every
 * entity (merged with what other feeds said about it), and every announcement, matched by
 * its id within the feed. A changed announcement gets its new content, links, quotes and
 * figures and keeps its read and starred state; an unchanged one is not written.
 *
 * On success the document's announcements get their row and feed ids, and their read and
 * starred state from the store; @feed gets the document's title, home page, language,
 * publisher and icon. On failure nothing at all is written.
 *
 * Returns: %TRUE on success; %GAZETTE_STORE_ERROR_FULL when the disk is full
 */
gboolean
gazette_store_apply_document (GazetteStore         *self,
                              GazetteFeed          *feed,
                              GazetteFeedDocument  *document,
                              GazetteApplyStats    *stats,
                              GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GDateTime) now = NULL;
  GazetteApplyStats local_stats = { 0, };
  ApplyContext ctx;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (GAZETTE_IS_FEED (feed), FALSE);
  g_return_val_if_fail (feed->url != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats != NULL)
    *stats = local_stats;

  locker = g_mutex_locker_new (&self->mutex);
  now = g_date_time_new_now_utc ();

  if (!store_begin (self, error))
    return FALSE;

  apply_context_init (&ctx, self, feed->id, now);

  if (!store_apply_locked (self, &ctx, feed, document, &local_stats, error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      apply_context_clear (&ctx);

      /* Nothing was stored, so nothing has a row. */
      for (guint i = 0; i < document->announcements->len; i++)
        {
          GazetteAnnouncement *announcement = g_ptr_array_index (document->announcements, i);

          announcement->row_id = 0;
          announcement->feed_id = 0;
        }

      return FALSE;
    }

  apply_context_clear (&ctx);

  if (feed->last_success == NULL)
    _gazette_feed_set_datetime (&feed->last_success, now);
  _gazette_feed_set_string (&feed->last_error, NULL);
  _gazette_feed_set_datetime (&feed->last_error_time, NULL);
  if (document->title != NULL)
    _gazette_feed_set_string (&feed->title, document->title);
  if (document->home_page_url != NULL)
    _gazette_feed_set_string (&feed->home_page_url, document->home_page_url);
  if (document->language != NULL)
    _gazette_feed_set_string (&feed->language, document->language);
  if (document->publisher != NULL)
    _gazette_feed_set_string (&feed->publisher, document->publisher);
  if (document->icon_url != NULL)
    _gazette_feed_set_string (&feed->icon_url, document->icon_url);

  if (stats != NULL)
    *stats = local_stats;

  return TRUE;
}

/* Announcements */

/* Appends at most @limit (0: all) rows of the query @mask, skipping the first @offset, to
 * @announcements. */
static gboolean
store_list_page (GazetteStore         *self,
                 guint                 mask,
                 const GazetteQuery   *query,
                 const GazetteCursor  *after,
                 guint                 offset,
                 guint                 limit,
                 GPtrArray            *announcements,
                 GHashTable           *districts,
                 GError              **error)
{
  g_autoptr(StoreStmt) stmt = store_get_query_stmt (self, mask, FALSE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  query_bind (stmt, query, after, limit > 0 ? (gint64) limit : -1, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (announcements, announcement_from_row (stmt, districts));

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

/**
 * gazette_store_list_announcements:
 * @self: a #GazetteStore
 * @query: (nullable): which announcements; %NULL for all
 * @after: (nullable): the last row of the previous page, from gazette_cursor_init_after();
 *   %NULL for the first page
 * @limit: the most rows to return; 0 for no limit
 * @error: return location for a #GError
 *
 * Lists announcements newest first (by publication time, then by row). Paging by @after
 * costs the same for the thousandth page as for the first. The rows carry what a list
 * shows (ids, feed title, language, title, summary, address, image, dates, translation
 * group, read and starred state, district), not the body, links, quotes or figures: see
 * gazette_store_get_announcement().
 *
 * Returns: (transfer container) (element-type GazetteAnnouncement) (nullable): the rows,
 *   or %NULL with @error set
 */
GPtrArray *
gazette_store_list_announcements (GazetteStore         *self,
                                  const GazetteQuery   *query,
                                  const GazetteCursor  *after,
                                  guint                 limit,
                                  GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) announcements = NULL;
  g_autoptr(GHashTable) districts = NULL;
  guint mask;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  announcements = g_ptr_array_new_with_free_func (g_object_unref);
  districts = new_district_cache ();
  mask = query_mask (query);

  if (after == NULL)
    {
      if (!store_list_page (self, mask, query, NULL, 0, limit, announcements, districts, error))
        return NULL;
    }
  else
    {
      if (!store_list_page (self, mask | FILTER_AFTER_TIE, query, after, 0, limit,
                            announcements, districts, error))
        return NULL;

      if ((limit == 0 || announcements->len < limit) &&
          !store_list_page (self, mask | FILTER_AFTER_OLDER, query, after, 0,
                            limit == 0 ? 0 : limit - announcements->len,
                            announcements, districts, error))
        return NULL;
    }

  return g_steal_pointer (&announcements);
}

/**
 * gazette_store_list_announcements_at:
 * @self: a #GazetteStore
 * @query: (nullable): which announcements; %NULL for all
 * @position: how many rows of the list to skip
 * @limit: the most rows to return; 0 for no limit
 * @error: return location for a #GError
 *
 * Lists the rows of gazette_store_list_announcements() from @position on, for a view that
 * jumps into the middle of a long list. SQLite still walks the skipped rows of the index,
 * so page on with gazette_store_list_announcements() and a cursor where you can.
 *
 * Returns: (transfer container) (element-type GazetteAnnouncement) (nullable): the rows,
 *   or %NULL with @error set
 */
GPtrArray *
gazette_store_list_announcements_at (GazetteStore        *self,
                                     const GazetteQuery  *query,
                                     guint                position,
                                     guint                limit,
                                     GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) announcements = NULL;
  g_autoptr(GHashTable) districts = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  announcements = g_ptr_array_new_with_free_func (g_object_unref);
  districts = new_district_cache ();

  if (!store_list_page (self, query_mask (query), query, NULL, position, limit,
                        announcements, districts, error))
    return NULL;

  return g_steal_pointer (&announcements);
}

/**
 * gazette_store_count_announcements:
 * @self: a #GazetteStore
 * @query: (nullable): which announcements; %NULL for all
 * @count: (out): where to store the number
 * @error: return location for a #GError
 *
 * Counts what gazette_store_list_announcements() would list for @query.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_count_announcements (GazetteStore        *self,
                                   const GazetteQuery  *query,
                                   guint               *count,
                                   GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *count = 0;

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_query_stmt (self, query_mask (query), TRUE, error);
  if (stmt == NULL)
    return FALSE;

  query_bind (stmt, query, NULL, -1, 0);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return store_set_error (self, error, rc);

  *count = (guint) sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* Search */

/* Bits of SearchScore.columns for the columns of announcements_search. */
#define SEARCH_MATCHED_TITLE   (1 << 0)
#define SEARCH_MATCHED_SUMMARY (1 << 1)
#define SEARCH_MATCHED_BODY    (1 << 2)

/* Weights of title, summary, body and names: a word in the title counts most. */
#define SEARCH_HIT "gazette_hit (announcements_search, 10.0, 4.0, 1.0, 3.0)"

/* How many matches a search ranks at most: the newest ones (by row id, the order they were
 * stored in). Ranking costs time for every row it sees, and a word in most announcements
 * would have it rank the whole store; FTS5 hands out matches in row id order without
 * ranking them (newest first, as the index's row ids are negated), so this bound keeps a
 * search's cost flat. A search with fewer matches ranks them all. */
#define SEARCH_CANDIDATES 1000

/* Snippets of a summary or body the index found nothing in start at its beginning: only
 * this many characters of it are read. */
#define SEARCH_LEAD_CHARS 200

typedef struct
{
  gint64  row_id;
  double  score;
  guint32 columns;
} SearchCandidate;

/* Best first; the older row first among equals. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const SearchCandidate *x = a;
  const SearchCandidate *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->row_id > y->row_id) - (x->row_id < y->row_id);
}

/* A search takes candidates best first until it has its hits, usually a few dozen of a
 * thousand: a heap (the best at the top) gives them in that order without sorting all. */
static void
heap_sift_down (SearchCandidate *heap,
                guint            n,
                guint            i)
{
  for (;;)
    {
      guint best = i;
      guint left = 2 * i + 1;
      guint right = left + 1;
      SearchCandidate swap;

      if (left < n && compare_candidates (&heap[left], &heap[best]) < 0)
        best = left;
      if (right < n && compare_candidates (&heap[right], &heap[best]) < 0)
        best = right;
      if (best == i)
        return;

      swap = heap[i];
      heap[i] = heap[best];
      heap[best] = swap;
      i = best;
    }
}

static void
heap_make (SearchCandidate *heap,
           guint            n)
{
  for (guint i = n / 2; i-- > 0; )
    heap_sift_down (heap, n, i);
}

/* Takes the best of the @n candidates of @heap; one fewer remain. */
static SearchCandidate
heap_pop (SearchCandidate *heap,
          guint           *n)
{
  SearchCandidate best = heap[0];

  g_assert (*n > 0);
  heap[0] = heap[--*n];
  heap_sift_down (heap, *n, 0);

  return best;
}

/* Only fixed fragments go into the text: the values are bound. The filters go into the
 * candidates, so that the bound above counts only rows that may be shown. */
static char *
search_build_sql (guint mask)
{
  GString *sql = g_string_new (NULL);

  if (mask & FILTER_DISTRICT)
    g_string_append (sql, DISTRICT_TREE_CTE);

  g_string_append (sql,
                   "SELECT -announcements_search.rowid, " SEARCH_HIT
                   " FROM announcements_search");
  if (mask != 0)
    g_string_append (sql, " JOIN announcements a ON a.id = -announcements_search.rowid");
  g_string_append (sql, " WHERE announcements_search MATCH :match");

  for (guint i = 0; (1u << i) < N_SEARCH_MASKS; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;

      g_string_append (sql, " AND ");
      g_string_append (sql, filter_sql[i]);
    }

  g_string_append (sql, " ORDER BY announcements_search.rowid LIMIT :candidates");

  return g_string_free (sql, FALSE);
}

/* The start of marked @text: at most SEARCH_LEAD_CHARS characters of its text, cut before a
 * word rather than inside one. */
static char *
search_lead (const char *marked)
{
  const char *p = marked;
  const char *cut = marked;
  gboolean inside = FALSE;
  guint n = 0;

  while (*p != '\0' && n < SEARCH_LEAD_CHARS)
    {
      if (*p == GAZETTE_MARK_START || *p == GAZETTE_MARK_END)
        {
          inside = *p++ == GAZETTE_MARK_START;
          if (!inside)
            cut = p;
          continue;
        }
      p = g_utf8_next_char (p);
      n++;
      if (!inside)
        cut = p;
    }

  return g_strndup (marked, (*p == '\0' ? p : cut) - marked);
}

/* @stmt is on a row of STMT_SEARCH_HIT. The title, summary and body are read as the index
 * keeps them, their words marked, so that finding the query's words again in them is a
 * comparison of words, not a segmentation. */
static GazetteSearchHit *
search_hit_from_row (GazetteStore           *self,
                     GazetteSearchQuery     *search,
                     sqlite3_stmt           *stmt,
                     const SearchCandidate  *candidate,
                     GHashTable             *districts,
                     GError                **error)
{
  g_autoptr(GazetteAnnouncement) announcement = announcement_from_row (stmt, districts);
  g_autoptr(StoreStmt) texts = store_get_stmt (self, STMT_SEARCH_TEXTS, error);
  g_autofree char *lead = NULL;
  GArray *title_matches = NULL;
  GArray *snippet_matches = NULL;
  char *snippet = NULL;
  const char *title, *summary, *body;
  int rc;

  if (texts == NULL)
    return NULL;
  sqlite3_bind_int64 (texts, 1, candidate->row_id);
  rc = sqlite3_step (texts);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }
  title = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (texts, 0) : NULL;
  summary = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (texts, 1) : NULL;
  body = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (texts, 2) : NULL;

  /* Only the columns the index found the words in are read to find them again. */
  if (candidate->columns & SEARCH_MATCHED_TITLE)
    title_matches = gazette_search_query_find (search, self->tokenizer, title);

  /* The summary if it matches, else the body if it does, else the start of either. */
  if (candidate->columns & SEARCH_MATCHED_SUMMARY)
    snippet = gazette_search_query_snippet (search, self->tokenizer, summary, TRUE,
                                            &snippet_matches);
  if (snippet == NULL && (candidate->columns & SEARCH_MATCHED_BODY))
    snippet = gazette_search_query_snippet (search, self->tokenizer, body, TRUE,
                                            &snippet_matches);
  if (snippet == NULL)
    {
      lead = search_lead (summary != NULL && *summary != '\0' ? summary :
                          body != NULL ? body : "");
      snippet = gazette_search_query_snippet (search, self->tokenizer, lead, FALSE,
                                              &snippet_matches);
    }

  return _gazette_search_hit_new (announcement, snippet, snippet_matches, title_matches,
                                  candidate->score);
}

/* Everything the index matches (the newest @n_candidates, or all if negative), with its
 * score, as a heap (see heap_pop()). */
static GArray *
search_candidates (GazetteStore        *self,
                   const char          *match,
                   const GazetteQuery  *query,
                   gint64               n_candidates,
                   GError             **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (SearchCandidate));
  g_autoptr(StoreStmt) stmt = NULL;
  guint mask;
  int rc;

  /* Search picks the best-ranked translation of each group itself, whichever leads it. */
  mask = query_mask (query) & ~FILTER_GROUP_LEAD;
  g_assert (mask < N_SEARCH_MASKS);
  if (self->search_stmts[mask] == NULL)
    {
      g_autofree char *sql = search_build_sql (mask);

      if (store_prepare (self, &self->search_stmts[mask], sql, error) == NULL)
        return NULL;
    }
  stmt = self->search_stmts[mask];

  query_bind (stmt, query, NULL, -1, 0);
  bind_named_text (stmt, ":match", match);
  bind_named_int64 (stmt, ":candidates", n_candidates);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Without a score (never, from gazette_hit()), every column is looked at. */
      SearchCandidate candidate = { sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT32 };
      const SearchScore *score = sqlite3_column_blob (stmt, 1);

      if (score != NULL && sqlite3_column_bytes (stmt, 1) == sizeof *score)
        {
          candidate.score = score->score;
          candidate.columns = score->columns;
        }
      g_array_append_val (candidates, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  heap_make ((SearchCandidate *) (void *) candidates->data, candidates->len);

  return g_steal_pointer (&candidates);
}

/* Hits' districts are kept between searches: parsing their names was a tenth of a search.
 * At most this many. */
#define SEARCH_MAX_DISTRICTS 4096

/* Another connection (another Gazette, `gazette sync`) may have rewritten rows whose
 * lengths this one remembers, or districts it keeps; this one may have renamed districts. */
static void
search_check_data_version (GazetteStore *self)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_DATA_VERSION, NULL);
  guint generation = (guint) g_atomic_int_get (&self->entity_generation);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);

  if (version < 0 || version != self->data_version)
    {
      store_forget_doc_lengths (self);
      g_hash_table_remove_all (self->search_districts);
      self->data_version = version;
    }
  if (generation != self->search_districts_generation ||
      g_hash_table_size (self->search_districts) > SEARCH_MAX_DISTRICTS)
    {
      g_hash_table_remove_all (self->search_districts);
      self->search_districts_generation = generation;
    }
}

/* The hits of @candidates, one for each translation group (its best-ranked member), at most
 * @limit of them if not 0. */
static gboolean
search_collect_hits (GazetteStore       *self,
                     GazetteSearchQuery *search,
                     GArray             *candidates,
                     guint               limit,
                     GPtrArray          *hits,
                     GError            **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_SEARCH_HIT, error);
  SearchCandidate *heap = (SearchCandidate *) (void *) candidates->data;
  guint n = candidates->len;

  if (stmt == NULL)
    return FALSE;

  while (n > 0 && (limit == 0 || hits->len < limit))
    {
      SearchCandidate best = heap_pop (heap, &n);
      const SearchCandidate *candidate = &best;
      GazetteSearchHit *hit;
      const char *group;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, candidate->row_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return store_set_error (self, error, rc);

      group = (const char *) sqlite3_column_text (stmt, ANN_COL_TRANSLATION_GROUP);
      if (group != NULL && !g_hash_table_add (groups, g_strdup (group)))
        continue;

      hit = search_hit_from_row (self, search, stmt, candidate, self->search_districts, error);
      if (hit == NULL)
        return FALSE;
      g_ptr_array_add (hits, hit);
    }

  return TRUE;
}

/**
 * gazette_store_search:
 * @self: a #GazetteStore
 * @text: what the user typed
 * @query: (nullable): the same filters as gazette_store_list_announcements() takes;
 *   %NULL for none
 * @limit: the most hits to return; 0 for no limit
 * @error: return location for a #GError
 *
 * Searches the title, summary, body, and the names and quotes of the officials, projects
 * and organisations the publisher declared. Thai and Chinese are cut into words the way the
 * index was (ICU's dictionaries, with every known entity name as a word), and any two or
 * more Chinese characters of the text are found, so 萧山 finds 萧山区. Words typed
 * together are a phrase; several groups of words must all match; "quoted text" is a
 * phrase; a word ending in * is a prefix. Text that is not valid query syntax (an unclosed
 * quote, stray operators) is read leniently, never as an error. Blank text finds nothing.
 *
 * Hits are ranked by bm25 (every phrase weighing the same), a match in the title counting
 * most, and each translation group appears once, as its best-ranked member. When @limit is
 * not 0, only the newest 1,000 matches (in the order they were stored; more when @limit is
 * large) are ranked, so that a word found in most of a large store costs no more than a
 * rare one. Safe to call from a worker thread.
 *
 * Returns: (transfer container) (element-type GazetteSearchHit) (nullable): the hits,
 *   best first, or %NULL with @error set
 */
GPtrArray *
gazette_store_search (GazetteStore        *self,
                      const char          *text,
                      const GazetteQuery  *query,
                      guint                limit,
                      GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GazetteSearchQuery) search = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree char *match = NULL;
  gboolean ok;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_search_hit_unref);
  if (text == NULL)
    return g_steal_pointer (&hits);

  locker = g_mutex_locker_new (&self->mutex);

  search = gazette_search_query_new (self->tokenizer, text);
  match = gazette_search_query_to_fts5 (search);
  if (match == NULL)
    return g_steal_pointer (&hits);

  /* One snapshot for the candidates and their rows. */
  if (!store_run (self, STMT_BEGIN_READ, error))
    return NULL;

  search_check_data_version (self);
  candidates = search_candidates (self, match, query,
                                  limit > 0 ? MAX ((gint64) SEARCH_CANDIDATES,
                                                   (gint64) limit * 3) : -1,
                                  error);
  ok = candidates != NULL &&
       search_collect_hits (self, search, candidates, limit, hits, error);

  if (!ok)
    {
      store_rollback (self);
      return NULL;
    }
  if (!store_commit (self, error))
    {
      store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

static gboolean
store_read_links (GazetteStore         *self,
                  GazetteAnnouncement  *announcement,
                  GError              **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_LINKS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, announcement->row_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GazetteEntity *entity = entity_from_row (stmt, 0);
      GPtrArray *target = NULL;

      switch (entity->kind)
        {
        case GAZETTE_ENTITY_OFFICIAL:
          target = announcement->officials;
          break;
        case GAZETTE_ENTITY_PROJECT:
          target = announcement->projects;
          break;
        case GAZETTE_ENTITY_ORGANISATION:
          target = announcement->organisations;
          break;
        case GAZETTE_ENTITY_DISTRICT:
        default:
          /* The district has its own column; nothing links one otherwise. */
          break;
        }

      /* Column 10 is the link's origin, after ENTITY_COLUMNS. */
      if (target != NULL && sqlite3_column_int (stmt, 10) == GAZETTE_LINK_FOUND)
        {
          if (announcement->found_links == NULL)
            announcement->found_links = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
          g_hash_table_add (announcement->found_links,
                            g_strdup_printf ("%d:%s", (int) entity->kind, entity->id));
        }

      if (target != NULL)
        g_ptr_array_add (target, entity);
      else
        gazette_entity_unref (entity);
    }

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_read_quotes (GazetteStore         *self,
                   GazetteAnnouncement  *announcement,
                   GError              **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_QUOTES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, announcement->row_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (announcement->quotes,
                     gazette_quote_new ((const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2)));

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_read_figures (GazetteStore         *self,
                    GazetteAnnouncement  *announcement,
                    GError              **error)
{
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_FIGURES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, announcement->row_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GazetteFigure *figure = gazette_figure_new ();
      const char *label = (const char *) sqlite3_column_text (stmt, 0);

      if (label != NULL)
        {
          gazette_localized_unref (figure->label);
          figure->label = localized_from_json (label);
        }
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        figure->value = NAN;
      else
        figure->value = sqlite3_column_double (stmt, 1);
      figure->unit = column_dup_text (stmt, 2);
      figure->year = sqlite3_column_int (stmt, 3);
      figure->kind = column_dup_text (stmt, 4);
      figure->source_text = column_dup_text (stmt, 5);
      figure->from_text = sqlite3_column_int (stmt, 6) != 0;

      g_ptr_array_add (announcement->figures, figure);
    }

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

static gboolean
store_read_languages (GazetteStore         *self,
                      GazetteAnnouncement  *announcement,
                      GError              **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (announcement->translation_group != NULL)
    {
      g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_GROUP_LANGUAGES, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, announcement->translation_group);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

      if (rc != SQLITE_DONE)
        return store_set_error (self, error, rc);
    }
  else if (announcement->language != NULL)
    {
      g_strv_builder_add (builder, announcement->language);
    }

  g_clear_pointer (&announcement->languages, g_strfreev);
  announcement->languages = g_strv_builder_end (builder);

  return TRUE;
}

/**
 * gazette_store_get_announcement:
 * @self: a #GazetteStore
 * @id: the publisher's id of the announcement; when several feeds use it, the newest
 *   announcement is meant
 * @error: return location for a #GError
 *
 * Reads everything about one announcement: what a list row has, plus its body, tags,
 * officials (with their roles), projects, organisations, quotes, figures, and the sorted
 * languages of every stored announcement in its translation group.
 *
 * Returns: (transfer full) (nullable): the announcement, or %NULL with @error set
 *   (%GAZETTE_STORE_ERROR_NOT_FOUND when there is none with that id)
 */
GazetteAnnouncement *
gazette_store_get_announcement (GazetteStore  *self,
                                const char    *id,
                                GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GazetteAnnouncement) announcement = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_GET, error);
    g_autoptr(GHashTable) districts = new_district_cache ();
    int rc;

    if (stmt == NULL)
      return NULL;

    bind_text (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is an announcement's id */
                     _("There is no announcement with the id “%s”."), id);
        return NULL;
      }
    if (rc != SQLITE_ROW)
      {
        store_set_error (self, error, rc);
        return NULL;
      }

    announcement = announcement_from_row (stmt, districts);
    announcement->content_html = column_dup_text (stmt, ANN_COL_CONTENT_HTML);
    announcement->content_text = column_dup_text (stmt, ANN_COL_CONTENT_TEXT);
    announcement->tags = strv_from_json ((const char *) sqlite3_column_text (stmt, ANN_COL_TAGS));
  }

  if (!store_read_links (self, announcement, error) ||
      !store_read_quotes (self, announcement, error) ||
      !store_read_figures (self, announcement, error) ||
      !store_read_languages (self, announcement, error))
    return NULL;

  return g_steal_pointer (&announcement);
}

static gboolean
store_set_flag (GazetteStore  *self,
                Stmt           which,
                gint64         row_id,
                gboolean       value,
                GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(StoreStmt) stmt = store_get_stmt (self, which, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int (stmt, 2, value ? 1 : 0);
  if (!store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return store_set_not_found_row (error, row_id);

  return TRUE;
}

/**
 * gazette_store_count_by:
 * @self: a #GazetteStore
 * @kind: the kind of entity to count for, or -1 for feeds
 * @totals: (out) (transfer full) (element-type utf8 guint): id → number of announcements
 * @unread: (out) (transfer full) (element-type utf8 guint): id → number of unread ones
 * @error: return location for a #GError
 *
 * Counts announcements (a translation group once) per entity or per feed in one pass, for
 * a sidebar of many rows. A district counts the announcements placed in it, not those of
 * the districts below it. Feeds are keyed by their row id in decimal. Ids without any
 * announcement are absent.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_count_by (GazetteStore  *self,
                        int            kind,
                        GHashTable   **totals,
                        GHashTable   **unread,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) not_read = NULL;
  Stmt which;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind >= -1 && kind < GAZETTE_N_ENTITY_KINDS, FALSE);
  g_return_val_if_fail (totals != NULL && unread != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  which = kind < 0 ? STMT_COUNT_BY_FEED
          : kind == GAZETTE_ENTITY_DISTRICT ? STMT_COUNT_BY_DISTRICT
          : STMT_COUNT_BY_LINK;

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, which, error);
  if (stmt == NULL)
    return FALSE;

  if (which == STMT_COUNT_BY_LINK)
    sqlite3_bind_int (stmt, 1, kind);

  all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  not_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      guint n_unread = (guint) sqlite3_column_int64 (stmt, 2);

      g_hash_table_insert (all, g_strdup (id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
      if (n_unread > 0)
        g_hash_table_insert (not_read, g_strdup (id), GUINT_TO_POINTER (n_unread));
    }

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  *totals = g_steal_pointer (&all);
  *unread = g_steal_pointer (&not_read);

  return TRUE;
}

/**
 * gazette_store_find_translation:
 * @self: a #GazetteStore
 * @translation_group: a translation group
 * @language: a language tag, as the group's announcements carry it (see
 *   gazette_announcement_get_languages())
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the id of the group's announcement in @language, or
 *   %NULL with @error set (%GAZETTE_STORE_ERROR_NOT_FOUND when there is none)
 */
char *
gazette_store_find_translation (GazetteStore  *self,
                                const char    *translation_group,
                                const char    *language,
                                GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (translation_group != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, STMT_GROUP_MEMBER, error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, translation_group);
  bind_text (stmt, 2, language);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return column_dup_text (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is a language tag such as “th” */
                 _("This announcement has no translation in “%s”."), language);
  else
    store_set_error (self, error, rc);

  return NULL;
}

/**
 * gazette_store_set_read:
 * @self: a #GazetteStore
 * @row_id: the announcement's row id
 * @read: whether the user has read it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_set_read (GazetteStore  *self,
                        gint64         row_id,
                        gboolean       read,
                        GError       **error)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store_set_flag (self, STMT_SET_READ, row_id, read, error);
}

/**
 * gazette_store_set_starred:
 * @self: a #GazetteStore
 * @row_id: the announcement's row id
 * @starred: whether the user starred it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_set_starred (GazetteStore  *self,
                           gint64         row_id,
                           gboolean       starred,
                           GError       **error)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store_set_flag (self, STMT_SET_STARRED, row_id, starred, error);
}

/* Entities */

/**
 * gazette_store_list_entities:
 * @self: a #GazetteStore
 * @kind: which kind
 * @error: return location for a #GError
 *
 * Lists every stored entity of @kind, ordered by id; sort by display name in the view,
 * where the user's languages are known.
 *
 * Returns: (transfer container) (element-type GazetteEntity) (nullable): the entities, or
 *   %NULL with @error set
 */
GPtrArray *
gazette_store_list_entities (GazetteStore       *self,
                             GazetteEntityKind   kind,
                             GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < GAZETTE_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, STMT_ENTITY_LIST, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, kind);

  entities = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, entity_from_row (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entities);
}

static gboolean
set_entity_not_found (GError            **error,
                      GazetteEntityKind   kind,
                      const char         *id)
{
  /* One whole sentence per kind, for the translators' sake. */
  switch (kind)
    {
    case GAZETTE_ENTITY_DISTRICT:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an id such as “cn-zj-hangzhou-xiaoshan” */
                   _("There is no district with the id “%s”."), id);
      break;

    case GAZETTE_ENTITY_OFFICIAL:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an id such as “tong-guili” */
                   _("There is no official with the id “%s”."), id);
      break;

    case GAZETTE_ENTITY_PROJECT:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an id such as “china-v-valley” */
                   _("There is no project with the id “%s”."), id);
      break;

    case GAZETTE_ENTITY_ORGANISATION:
    default:
      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an id such as “netease” */
                   _("There is no organisation with the id “%s”."), id);
      break;
    }

  return FALSE;
}

/**
 * gazette_store_get_entity:
 * @self: a #GazetteStore
 * @kind: which kind
 * @id: the entity's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entity, with everything merged into it from
 *   every feed, or %NULL with @error set (%GAZETTE_STORE_ERROR_NOT_FOUND when unknown)
 */
GazetteEntity *
gazette_store_get_entity (GazetteStore       *self,
                          GazetteEntityKind   kind,
                          const char         *id,
                          GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < GAZETTE_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_stmt (self, STMT_ENTITY_GET, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, kind);
  bind_text (stmt, 2, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entity_from_row (stmt, 0);

  if (rc == SQLITE_DONE)
    set_entity_not_found (error, kind, id);
  else
    store_set_error (self, error, rc);

  return NULL;
}

/**
 * gazette_store_list_quotes:
 * @self: a #GazetteStore
 * @official_id: the official's id
 * @error: return location for a #GError
 *
 * Lists what an official was quoted saying, newest announcement first. Each quote names
 * its announcement (id, title and publication time).
 *
 * Returns: (transfer container) (element-type GazetteQuote) (nullable): the quotes, or
 *   %NULL with @error set (%GAZETTE_STORE_ERROR_NOT_FOUND for an unknown official)
 */
GPtrArray *
gazette_store_list_quotes (GazetteStore  *self,
                           const char    *official_id,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  gint64 entity_id;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (official_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (!store_lookup_entity_id (self, GAZETTE_ENTITY_OFFICIAL, official_id, &entity_id, error))
    return NULL;

  if (entity_id == 0)
    {
      set_entity_not_found (error, GAZETTE_ENTITY_OFFICIAL, official_id);
      return NULL;
    }

  stmt = store_get_stmt (self, STMT_OFFICIAL_QUOTES, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entity_id);

  quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_quote_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GazetteQuote *quote = gazette_quote_new (official_id,
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1));

      quote->announcement_id = column_dup_text (stmt, 2);
      quote->announcement_title = column_dup_text (stmt, 3);
      quote->published = column_usec (stmt, 4);
      quote->translation_group = column_dup_text (stmt, 5);
      g_ptr_array_add (quotes, quote);
    }

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&quotes);
}

/**
 * gazette_cursor_init_after:
 * @cursor: (out caller-allocates): the cursor to fill
 * @last: the last announcement of a page from gazette_store_list_announcements()
 *
 * Makes @cursor point just past @last, for the next page of the same query.
 */
void
gazette_cursor_init_after (GazetteCursor       *cursor,
                           GazetteAnnouncement *last)
{
  g_return_if_fail (cursor != NULL);
  g_return_if_fail (GAZETTE_IS_ANNOUNCEMENT (last));
  g_return_if_fail (last->published != NULL);

  cursor->published_usec = datetime_to_usec (last->published);
  cursor->row_id = last->row_id;
}

/* Private */

/**
 * _gazette_store_set_found_links:
 * @self: a #GazetteStore
 * @row_id: an announcement's row id
 * @entities: (element-type GazetteEntity): the entities whose names the linker found in
 *   the announcement's text
 * @error: return location for a #GError
 *
 * Replaces the links the linker found for an announcement. Only entities the store knows
 * are linked (the linker works from them); a link the publisher declared stays declared.
 * When a re-fetch changes the announcement, its found links are dropped with its old text.
 *
 * Returns: %TRUE on success
 */
gboolean
_gazette_store_set_found_links (GazetteStore  *self,
                                gint64         row_id,
                                GPtrArray     *entities,
                                GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (entities != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  if (!store_begin (self, error))
    return FALSE;

  {
    g_autoptr(StoreStmt) stmt = store_get_stmt (self, STMT_ANN_EXISTS, error);
    int rc;

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, row_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        store_set_not_found_row (error, row_id);
        goto failed;
      }
    if (rc != SQLITE_ROW)
      {
        store_set_error (self, error, rc);
        goto failed;
      }
  }

  if (!store_run_for_row (self, STMT_ANN_DELETE_FOUND_LINKS, row_id, error))
    goto failed;

  for (guint i = 0; i < entities->len; i++)
    {
      const GazetteEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(StoreStmt) stmt = NULL;
      gint64 entity_id;

      if (entity->id == NULL || (guint) entity->kind >= GAZETTE_N_ENTITY_KINDS)
        continue;

      if (!store_lookup_entity_id (self, entity->kind, entity->id, &entity_id, error))
        goto failed;
      if (entity_id == 0)
        continue;

      stmt = store_get_stmt (self, STMT_LINK_INSERT, error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, row_id);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_int (stmt, 4, GAZETTE_LINK_FOUND);
      if (!store_step_done (self, stmt, error))
        goto failed;
    }

  /* Names learnt since the announcement was indexed now cut its words. */
  if (!store_index_announcement (self, row_id, error) ||
      !store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/* Counts changes to the stored entities (new ones, new names) since the store was opened,
 * so that the linker knows when to build itself again and re-link. */
guint
_gazette_store_get_entity_generation (GazetteStore *self)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (self), 0);

  return (guint) g_atomic_int_get (&self->entity_generation);
}

/**
 * _gazette_store_list_unstructured:
 * @self: a #GazetteStore
 * @error: return location for a #GError
 *
 * Lists the stored announcements that declare no district and no entity (RSS and Atom
 * items, JSON Feed items without "_district"), with their row id, title, summary and
 * body, for the linker.
 *
 * Returns: (transfer container) (element-type GazetteAnnouncement) (nullable): the
 *   announcements, or %NULL with @error set
 */
GPtrArray *
_gazette_store_list_unstructured (GazetteStore  *self,
                                  GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) announcements = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);

  announcements = g_ptr_array_new_with_free_func (g_object_unref);
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT a.id, a.guid, a.title, a.summary, a.content_html,"
                           " a.content_text FROM announcements a"
                           " WHERE a.district_id IS NULL AND NOT EXISTS"
                           " (SELECT 1 FROM announcement_entities ae"
                           "  WHERE ae.announcement_id = a.id AND ae.origin = 0)",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GazetteAnnouncement *announcement =
        gazette_announcement_new ((const char *) sqlite3_column_text (stmt, 1));

      announcement->row_id = sqlite3_column_int64 (stmt, 0);
      announcement->title = column_dup_text (stmt, 2);
      announcement->summary = column_dup_text (stmt, 3);
      announcement->content_html = column_dup_text (stmt, 4);
      announcement->content_text = column_dup_text (stmt, 5);
      g_ptr_array_add (announcements, announcement);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&announcements);
}

/* Runs @sql on the store's own connection: tests use it to look at columns the API does not
 * show and to provoke failures (PRAGMA max_page_count makes the disk "full"). */
gboolean
_gazette_store_exec_sql_for_tests (GazetteStore  *self,
                                   const char    *sql,
                                   GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  return store_exec (self, sql, error);
}

/* The first column of the first row of @sql, as text; "" when there is no row or it is NULL. */
char *
_gazette_store_query_text_for_tests (GazetteStore  *self,
                                     const char    *sql,
                                     GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        {
          rc = SQLITE_OK;
          if (text == NULL)
            text = g_strdup ("");
        }
    }

  if (rc != SQLITE_OK)
    store_set_error (self, error, rc);

  sqlite3_finalize (stmt);

  return text;
}

/* Makes a database file from @sql without migrating it, as an older Gazette left it. */
gboolean
_gazette_store_load_sql_for_tests (const char  *path,
                                   const char  *sql,
                                   GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FAILED,
                 "Could not load SQL into %s: %s",
                 path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/* EXPLAIN QUERY PLAN of the list queries for @query, one step a line; with a cursor, both
 * seeks of a next page. */
char *
_gazette_store_explain_list_for_tests (GazetteStore        *self,
                                       const GazetteQuery  *query,
                                       gboolean             with_cursor,
                                       GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GString) plan = NULL;
  GazetteCursor cursor = { G_MAXINT64, G_MAXINT64 };
  guint masks[2];
  guint n_masks = 0;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (with_cursor)
    {
      masks[n_masks++] = query_mask (query) | FILTER_AFTER_TIE;
      masks[n_masks++] = query_mask (query) | FILTER_AFTER_OLDER;
    }
  else
    {
      masks[n_masks++] = query_mask (query);
    }

  plan = g_string_new (NULL);
  for (guint i = 0; i < n_masks; i++)
    {
      g_autofree char *sql = query_build_sql (masks[i], FALSE);
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, explain, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          query_bind (stmt, query, with_cursor ? &cursor : NULL, 50, 0);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
        }

      if (rc != SQLITE_DONE)
        {
          store_set_error (self, error, rc);
          sqlite3_finalize (stmt);
          return NULL;
        }

      sqlite3_finalize (stmt);
    }

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* Makes the WAL hook ask for a checkpoint after @n_frames pages instead of a thousand. */
void
_gazette_store_set_checkpoint_frames_for_tests (GazetteStore *self,
                                                int           n_frames)
{
  g_return_if_fail (GAZETTE_IS_STORE (self));
  g_return_if_fail (n_frames > 0);

  self->checkpoint_frames = n_frames;
}

/* Waits until no checkpoint is queued or running. */
void
_gazette_store_wait_for_checkpoints_for_tests (GazetteStore *self)
{
  g_return_if_fail (GAZETTE_IS_STORE (self));

  while (g_atomic_int_get (&self->checkpoints_running) > 0)
    g_usleep (1000);
}

/* Offline images, folders and cleaning */

/* A failed image download is tried again on a later sync, but not before this. */
#define IMAGE_RETRY_SECONDS (24 * 60 * 60)

/* NULL for a database that lives in memory: it has no folder to keep images in. */
static char *
store_images_dir (GazetteStore *self)
{
  g_autofree char *dir = NULL;

  if (self->path[0] == '\0' || g_str_equal (self->path, ":memory:"))
    return NULL;

  dir = g_path_get_dirname (self->path);

  return g_build_filename (dir, "images", NULL);
}

static char *
store_image_path (GazetteStore *self,
                  const char   *hash)
{
  g_autofree char *dir = store_images_dir (self);
  char prefix[3] = { hash[0], hash[1], '\0' };

  if (dir == NULL || strlen (hash) < 2)
    return NULL;

  return g_build_filename (dir, prefix, hash, NULL);
}

static gboolean
store_run_for_row_offline (GazetteStore  *self,
                           OfflineStmt    which,
                           gint64         row_id,
                           GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, which, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);

  return store_step_done (self, stmt, error);
}

static gboolean
store_set_feed_folder_locked (GazetteStore  *self,
                              gint64         feed_id,
                              const char    *folder,
                              GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_FEED_SET_FOLDER, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, feed_id);
  bind_text (stmt, 2, folder != NULL && folder[0] != '\0' ? folder : NULL);
  if (!store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, feed_id);

      g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number */
                   _("There is no feed number %s."), number);
      return FALSE;
    }

  return TRUE;
}

/* Makes sure @url has a row and refers to it from @owner (an announcement or feed row, by
 * @link); adds @url to @to_fetch when it has yet to be downloaded. */
static gboolean
store_link_image (GazetteStore  *self,
                  OfflineStmt    link,
                  gint64         owner,
                  const char    *url,
                  gint64         now,
                  GHashTable    *seen,
                  GPtrArray     *to_fetch,
                  GError       **error)
{
  gint64 image_id;
  gboolean stored;
  gboolean retry;
  int rc;

  {
    g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_IMAGE_ENSURE, error);

    if (stmt == NULL)
      return FALSE;

    bind_text (stmt, 1, url);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      return store_set_error (self, error, rc);

    image_id = sqlite3_column_int64 (stmt, 0);
    stored = sqlite3_column_int (stmt, 1) != 0;
    retry = sqlite3_column_type (stmt, 2) == SQLITE_NULL ||
            sqlite3_column_int64 (stmt, 2) + IMAGE_RETRY_SECONDS <= now;

    /* RETURNING rows are all computed by the first step; this one finishes the insert. */
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_DONE)
      return store_set_error (self, error, rc);
  }

  {
    g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, link, error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, owner);
    sqlite3_bind_int64 (stmt, 2, image_id);
    if (!store_step_done (self, stmt, error))
      return FALSE;
  }

  if (!stored && retry && !g_hash_table_contains (seen, url))
    {
      g_hash_table_add (seen, (gpointer) url);
      g_ptr_array_add (to_fetch, g_strdup (url));
    }

  return TRUE;
}

static gboolean
store_link_document_images (GazetteStore         *self,
                            GazetteFeed          *feed,
                            GazetteFeedDocument  *document,
                            guint                 max_per_article,
                            GPtrArray            *to_fetch,
                            GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *icon = document->icon_url != NULL ? document->icon_url : feed->icon_url;

  if (!store_run_for_row_offline (self, OFFLINE_STMT_FEED_IMAGES_CLEAR, feed->id, error))
    return FALSE;
  if (icon != NULL && g_str_has_prefix (icon, "http") &&
      !store_link_image (self, OFFLINE_STMT_FEED_IMAGE_LINK, feed->id, icon, now, seen,
                         to_fetch, error))
    return FALSE;

  for (guint i = 0; i < document->announcements->len; i++)
    {
      GazetteAnnouncement *announcement = g_ptr_array_index (document->announcements, i);
      char **urls;
      guint n = 0;

      /* Not stored (apply_document failed), so nothing can refer to it. */
      if (announcement->row_id == 0)
        continue;

      if (!store_run_for_row_offline (self, OFFLINE_STMT_ANN_IMAGES_CLEAR, announcement->row_id,
                                      error))
        return FALSE;

      if (max_per_article == 0)
        continue;

      if (announcement->image_url != NULL && g_str_has_prefix (announcement->image_url, "http"))
        {
          if (!store_link_image (self, OFFLINE_STMT_ANN_IMAGE_LINK, announcement->row_id,
                                 announcement->image_url, now, seen, to_fetch, error))
            return FALSE;
          n++;
        }

      urls = gazette_html_list_images (announcement->content_html);
      g_ptr_array_add (keep, urls);
      for (guint j = 0; urls[j] != NULL && n < max_per_article; j++)
        {
          if (g_strcmp0 (urls[j], announcement->image_url) == 0)
            continue;
          if (!store_link_image (self, OFFLINE_STMT_ANN_IMAGE_LINK, announcement->row_id,
                                 urls[j], now, seen, to_fetch, error))
            return FALSE;
          n++;
        }
    }

  return TRUE;
}

/**
 * _gazette_store_link_images:
 * @self: a #GazetteStore
 * @feed: the feed @document was stored for
 * @document: a document gazette_store_apply_document() just stored
 * @max_per_article: how many images of one announcement to keep, the main image first
 * @error: return location for a #GError
 *
 * Records which images the stored announcements of @document (their image_url and the
 * images of their sanitised body) and the feed's icon refer to, replacing what they
 * referred to before.
 *
 * Returns: (transfer container) (element-type utf8) (nullable): the URLs among them that
 *   are not downloaded yet (nor failed in the last day), or %NULL with @error set
 */
GPtrArray *
_gazette_store_link_images (GazetteStore         *self,
                            GazetteFeed          *feed,
                            GazetteFeedDocument  *document,
                            guint                 max_per_article,
                            GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) to_fetch = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (GAZETTE_IS_FEED (feed), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  to_fetch = g_ptr_array_new_with_free_func (g_free);

  if (!store_begin (self, error))
    return NULL;

  if (!store_link_document_images (self, feed, document, max_per_article, to_fetch, error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&to_fetch);
}

/**
 * _gazette_store_save_image:
 * @self: a #GazetteStore
 * @url: where the image was downloaded from
 * @bytes: the image
 * @content_type: (nullable): its media type
 * @error: return location for a #GError
 *
 * Keeps a downloaded image in the image folder beside the database, named by the SHA-256
 * of its bytes, so that gazette_store_lookup_image() finds it.
 *
 * Returns: %TRUE on success
 */
gboolean
_gazette_store_save_image (GazetteStore  *self,
                           const char    *url,
                           GBytes        *bytes,
                           const char    *content_type,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const guchar *data;
  gsize len = 0;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  path = store_image_path (self, hash);
  if (path == NULL)
    {
      g_set_error_literal (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_OPEN,
                           _("A database in memory cannot keep images."));
      return FALSE;
    }

  /* Outside the lock: the name says what the file holds, so writers never disagree. */
  dir = g_path_get_dirname (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (path, (const char *) data, len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          g_set_error (error, GAZETTE_STORE_ERROR, GAZETTE_STORE_ERROR_FAILED,
                       /* Translators: the first %s is a folder, the second the reason */
                       _("Could not save an image in “%s”: %s"), dir,
                       local_error != NULL ? local_error->message : g_strerror (errno));
          return FALSE;
        }
    }

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_offline_stmt (self, OFFLINE_STMT_IMAGE_STORED, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, url);
  bind_text (stmt, 2, hash);
  bind_text (stmt, 3, content_type);
  sqlite3_bind_int64 (stmt, 4, (gint64) len);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);

  return store_step_done (self, stmt, error);
}

/**
 * _gazette_store_image_failed:
 * @self: a #GazetteStore
 * @url: an image that could not be downloaded
 * @error: return location for a #GError
 *
 * Notes the failure, so that the next syncs leave @url alone for a day.
 *
 * Returns: %TRUE on success
 */
gboolean
_gazette_store_image_failed (GazetteStore  *self,
                             const char    *url,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_offline_stmt (self, OFFLINE_STMT_IMAGE_FAILED, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, url);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);

  return store_step_done (self, stmt, error);
}

/**
 * gazette_store_lookup_image:
 * @self: a #GazetteStore
 * @url: the address of an image, as an announcement's body or image_url gives it, or a
 *   feed's icon
 * @error: return location for a #GError
 *
 * Finds the copy of an image that the sync downloaded for offline reading. Never fetches
 * anything: what was not downloaded is simply not there.
 *
 * Returns: (transfer full) (nullable): the file holding the image, or %NULL (with @error
 *   unset) when it is not stored, or %NULL with @error set when the database fails
 */
GFile *
gazette_store_lookup_image (GazetteStore  *self,
                            const char    *url,
                            GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autofree char *path = NULL;
  int rc;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = store_get_offline_stmt (self, OFFLINE_STMT_IMAGE_LOOKUP, error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      store_set_error (self, error, rc);
      return NULL;
    }

  path = store_image_path (self, (const char *) sqlite3_column_text (stmt, 0));

  /* Somebody may have emptied the folder; then it is not stored after all. */
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}

/* Deletes the image rows nothing refers to any more, inside the caller's transaction, and
 * collects their hashes in @hashes for store_unlink_images() once that commits. */
static gboolean
store_delete_unused_images (GazetteStore  *self,
                            GPtrArray     *hashes,
                            GError       **error)
{
  g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_IMAGES_UNUSED, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_ptr_array_add (hashes, column_dup_text (stmt, 0));

  if (rc != SQLITE_DONE)
    return store_set_error (self, error, rc);

  return TRUE;
}

/* Removes the files of @hashes that no image row names any more (two URLs may serve the
 * same bytes). A file that cannot be removed only costs space. */
static void
store_unlink_images (GazetteStore *self,
                     GPtrArray    *hashes)
{
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);
      g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_HASH_IN_USE, NULL);
      g_autofree char *path = NULL;

      if (stmt == NULL)
        return;

      bind_text (stmt, 1, hash);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        continue;

      path = store_image_path (self, hash);
      if (path != NULL && g_unlink (path) != 0 && errno != ENOENT)
        g_debug ("Could not remove the image %s: %s", path, g_strerror (errno));
    }
}

/* After a feed went, with the announcements that referred to its images. */
static void
store_free_unused_images (GazetteStore *self)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!store_begin (self, &error) ||
      !store_delete_unused_images (self, hashes, &error) ||
      !store_commit (self, &error))
    {
      store_rollback (self);
      g_debug ("Could not free unused images: %s", error->message);
      return;
    }

  store_unlink_images (self, hashes);
}

/**
 * gazette_store_remove_old:
 * @self: a #GazetteStore
 * @older_than: announcements published before this time go
 * @n_removed: (out) (optional): how many announcements were removed
 * @error: return location for a #GError
 *
 * Removes the announcements that are read, not starred and published before @older_than,
 * with their links, quotes, figures and the images that nothing else refers to. Unread and
 * starred announcements stay however old they are. An announcement that is still in its
 * feed comes back, unread, on the next sync.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_remove_old (GazetteStore  *self,
                          GDateTime     *older_than,
                          guint         *n_removed,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  guint count = 0;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (older_than != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  locker = g_mutex_locker_new (&self->mutex);
  hashes = g_ptr_array_new_with_free_func (g_free);

  if (!store_begin (self, error))
    return FALSE;

  {
    g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_REMOVE_OLD, error);

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, datetime_to_usec (older_than));
    if (!store_step_done (self, stmt, error))
      goto failed;
    count = (guint) sqlite3_changes (self->db);
  }

  if (!store_delete_unused_images (self, hashes, error) || !store_commit (self, error))
    goto failed;

  store_unlink_images (self, hashes);

  if (n_removed != NULL)
    *n_removed = count;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * gazette_store_set_feed_folder:
 * @self: a #GazetteStore
 * @feed_id: the feed's id
 * @folder: (nullable): the folder, nested folders joined with “/”, or %NULL for none
 * @error: return location for a #GError
 *
 * Files a feed in a folder, as OPML outlines do.
 *
 * Returns: %TRUE on success; %GAZETTE_STORE_ERROR_NOT_FOUND when there is no such feed
 */
gboolean
gazette_store_set_feed_folder (GazetteStore  *self,
                               gint64         feed_id,
                               const char    *folder,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  return store_set_feed_folder_locked (self, feed_id, folder, error);
}

/**
 * gazette_store_import_opml:
 * @self: a #GazetteStore
 * @opml: an OPML document
 * @n_added: (out) (optional): how many feeds were subscribed to
 * @n_skipped: (out) (optional): how many were left out: subscribed already (or listed twice),
 *   or with an address that is not an http or https URL
 * @error: return location for a #GError
 *
 * Subscribes to every feed of an OPML file, in one transaction, filing each in the folder
 * the file puts it in and naming it as the file does until its first sync. Feeds already
 * subscribed are left as they are, so importing a file twice adds nothing the second time.
 * A file that is not well-formed OPML adds nothing and fails with a #GAZETTE_OPML_ERROR
 * that says where it is broken.
 *
 * Returns: %TRUE on success
 */
gboolean
gazette_store_import_opml (GazetteStore  *self,
                           GBytes        *opml,
                           guint         *n_added,
                           guint         *n_skipped,
                           GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint added = 0;
  guint ignored = 0;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), FALSE);
  g_return_val_if_fail (opml != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  entries = gazette_opml_parse (opml, &ignored, error);
  if (entries == NULL)
    return FALSE;

  locker = g_mutex_locker_new (&self->mutex);
  now = g_date_time_new_now_utc ();

  if (!store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const GazetteOpmlEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(StoreStmt) stmt = store_get_offline_stmt (self, OFFLINE_STMT_FEED_IMPORT,
                                                          error);

      if (stmt == NULL)
        goto failed;

      bind_text (stmt, 1, entry->url);
      bind_text (stmt, 2, entry->title);
      bind_text (stmt, 3, entry->home_page_url);
      bind_text (stmt, 4, entry->folder);
      bind_seconds (stmt, 5, now);
      if (!store_step_done (self, stmt, error))
        goto failed;
      added += sqlite3_changes (self->db) > 0 ? 1 : 0;
    }

  if (!store_commit (self, error))
    goto failed;

  if (n_added != NULL)
    *n_added = added;
  if (n_skipped != NULL)
    *n_skipped = entries->len - added + ignored;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * gazette_store_export_opml:
 * @self: a #GazetteStore
 * @error: return location for a #GError
 *
 * Writes every subscription with an http or https address as an OPML 2.0 document, filed
 * by folder, for another reader or for gazette_store_import_opml().
 *
 * Returns: (transfer full) (nullable): the document in UTF-8, or %NULL with @error set
 */
GBytes *
gazette_store_export_opml (GazetteStore  *self,
                           GError       **error)
{
  g_autoptr(GPtrArray) feeds = NULL;

  g_return_val_if_fail (GAZETTE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  feeds = gazette_store_list_feeds (self, error);
  if (feeds == NULL)
    return NULL;

  /* Translators: the title of an exported subscription list */
  return gazette_opml_write (feeds, _("Gazette subscriptions"));
}
