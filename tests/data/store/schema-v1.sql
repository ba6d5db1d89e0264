-- A Gazette database as version 1 of the schema left it (PRAGMA user_version = 1), with a
-- little data. test-store.c loads it without migrating, then opens it with GazetteStore
-- and checks that the migration to the newest version kept everything.
-- Times: feeds in unix seconds, announcements in unix microseconds.

CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  title           TEXT,
  home_page_url   TEXT,
  language        TEXT,
  publisher       TEXT,
  icon_url        TEXT,
  etag            TEXT,
  last_modified   TEXT,
  last_checked    INTEGER,
  last_success    INTEGER,
  last_error      TEXT,
  last_error_time INTEGER,
  added           INTEGER NOT NULL
);
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  kind       INTEGER NOT NULL,
  key        TEXT NOT NULL,
  name       TEXT NOT NULL DEFAULT '{}',
  parent_key TEXT,
  roles      TEXT,
  summary    TEXT,
  sectors    TEXT,
  status     TEXT,
  url        TEXT,
  UNIQUE (kind, key)
);
CREATE INDEX entities_parent ON entities (kind, parent_key);
CREATE TABLE announcements (
  id                INTEGER PRIMARY KEY,
  feed_id           INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  guid              TEXT NOT NULL,
  language          TEXT,
  title             TEXT,
  summary           TEXT,
  content_html      TEXT,
  content_text      TEXT,
  url               TEXT,
  image_url         TEXT,
  author            TEXT,
  published         INTEGER NOT NULL,
  updated           INTEGER,
  translation_group TEXT,
  tags              TEXT,
  district_id       INTEGER REFERENCES entities (id),
  content_hash      BLOB,
  read              INTEGER NOT NULL DEFAULT 0,
  starred           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (guid, feed_id)
);
CREATE INDEX announcements_published ON announcements (published DESC, id DESC);
CREATE INDEX announcements_feed ON announcements (feed_id, published, id);
CREATE INDEX announcements_district ON announcements (district_id, published, id);
CREATE INDEX announcements_group ON announcements (translation_group)
  WHERE translation_group IS NOT NULL;
CREATE TABLE announcement_entities (
  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  entity_id       INTEGER NOT NULL REFERENCES entities (id),
  position        INTEGER NOT NULL,
  PRIMARY KEY (announcement_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX announcement_entities_entity ON announcement_entities (entity_id, announcement_id);
CREATE TABLE quotes (
  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  official_id     INTEGER REFERENCES entities (id),
  text            TEXT NOT NULL,
  language        TEXT,
  PRIMARY KEY (announcement_id, position)
) WITHOUT ROWID;
CREATE INDEX quotes_official ON quotes (official_id);
CREATE TABLE figures (
  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  label           TEXT NOT NULL DEFAULT '{}',
  value           REAL,
  unit            TEXT,
  year            INTEGER,
  kind            TEXT,
  source_text     TEXT,
  from_text       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (announcement_id, position)
) WITHOUT ROWID;

INSERT INTO feeds (id, url, title, home_page_url, language, etag, last_checked, last_success,
                   added)
VALUES (1, 'https://xiaoshan.example.org/feed.json', 'Xiaoshan District News',
        'https://xiaoshan.example.org/', 'en', '"v1-etag"', 1543622400, 1543622400,
        1543536000);

INSERT INTO entities (id, kind, key, name, parent_key) VALUES
  (1, 0, 'cn-zj', '{"en":"Zhejiang","zh-Hans":"浙江省"}', NULL),
  (2, 0, 'cn-zj-hangzhou', '{"en":"Hangzhou","zh-Hans":"杭州市"}', 'cn-zj'),
  (3, 0, 'cn-zj-hangzhou-xiaoshan', '{"en":"Xiaoshan","zh-Hans":"萧山区","th":"เซียวชาน"}',
   'cn-zj-hangzhou');
INSERT INTO entities (id, kind, key, name, roles) VALUES
  (4, 1, 'tong-guili', '{"en":"Tong Guili","zh-Hans":"佟桂莉"}',
   '[{"en":"CPC Secretary of Xiaoshan District"}]');
INSERT INTO entities (id, kind, key, name, summary, sectors, status) VALUES
  (5, 2, 'china-v-valley', '{"en":"China V Valley","zh-Hans":"中国视谷"}',
   '{"en":"Visual, Vision, Video"}', '["computer-vision","machine-vision"]', 'launched');
INSERT INTO entities (id, kind, key, name) VALUES
  (6, 3, 'netease', '{"en":"NetEase","zh-Hans":"网易"}');

-- 2018-12-01T00:00:00Z and 2018-12-02T00:00:00Z
INSERT INTO announcements (id, feed_id, guid, language, title, summary, content_html,
                           content_text, url, published, translation_group, tags,
                           district_id, content_hash, read, starred)
VALUES
  (1, 1, 'xiaoshan-digital-economy-plan-en', 'en',
   'Xiaoshan plans a digital economy above 72 billion yuan',
   'The district sets targets for 2022.',
   '<p>Xiaoshan district targets an information economy above 120 billion yuan.</p>',
   'Xiaoshan district targets an information economy above 120 billion yuan.',
   'https://xiaoshan.example.org/2018/digital-economy', 1543622400000000,
   'xiaoshan-digital-economy-plan', '["economy","digital"]', 3, X'00', 1, 1),
  (2, 1, 'china-v-valley-launch-en', 'en', 'China V Valley launched', NULL, NULL, NULL,
   'https://xiaoshan.example.org/2018/v-valley', 1543708800000000, NULL, NULL, 3, X'00', 0, 0);

INSERT INTO announcement_entities (announcement_id, entity_id, position) VALUES
  (1, 4, 0), (1, 5, 0), (1, 6, 0), (2, 5, 0);

INSERT INTO quotes (announcement_id, official_id, position, text, language) VALUES
  (1, 4, 0, 'We will build a digital Xiaoshan.', 'en');

INSERT INTO figures (announcement_id, position, label, value, unit, year, kind, source_text)
VALUES (1, 0, '{"en":"Digital economy"}', 72000000000.0, 'CNY', 2022, 'target',
        '72 billion yuan');

PRAGMA application_id = 1195465300;
PRAGMA user_version = 1;
