-- 0002: attachments (scans, Word files) stored beside the database by content hash.
CREATE TABLE attachment (
  id         INTEGER PRIMARY KEY,
  sha256     TEXT NOT NULL UNIQUE,
  file_name  TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, at);
