-- 0010: the inspection dossier (迎检资料). An inspection holds its own copy of the indicator framework (a
-- built-in one, a county's 细则 imported from Excel, or an earlier inspection's), so editing one inspection's
-- indicators never changes another's: the versions are kept per inspection. `framework_rev` counts the edits.
CREATE TABLE inspection (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,
  framework_name     TEXT NOT NULL,
  framework_document TEXT,
  framework_source   TEXT NOT NULL,
  framework_rev      INTEGER NOT NULL DEFAULT 1,
  visit_date         TEXT NOT NULL,
  -- JSON array of school_year ids: the period of evidence.
  year_ids           TEXT NOT NULL,
  overall_text       TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);

CREATE TABLE inspection_indicator (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
  part_no       TEXT NOT NULL,
  part_name     TEXT NOT NULL,
  code          TEXT NOT NULL,
  text          TEXT NOT NULL,
  standard      TEXT,
  computed      TEXT,
  -- 0: a county-level indicator the school does not document (not counted in the readiness percentage).
  applies       INTEGER NOT NULL DEFAULT 1 CHECK (applies IN (0, 1)),
  self_text     TEXT,
  sort          INTEGER NOT NULL
);
CREATE INDEX inspection_indicator_order ON inspection_indicator(inspection_id, sort);

-- Evidence: a printout of the report catalogue with its parameters, an uploaded file (an attachment, kept by
-- hash), or a value the app computes.
CREATE TABLE inspection_evidence (
  id            INTEGER PRIMARY KEY,
  indicator_id  INTEGER NOT NULL REFERENCES inspection_indicator(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('report', 'upload', 'computed')),
  title         TEXT NOT NULL,
  report_id     TEXT,
  params        TEXT,
  attachment_id INTEGER REFERENCES attachment(id),
  computed      TEXT,
  sort          INTEGER NOT NULL,
  CHECK ((kind = 'report') = (report_id IS NOT NULL)),
  CHECK ((kind = 'upload') = (attachment_id IS NOT NULL)),
  CHECK ((kind = 'computed') = (computed IS NOT NULL))
);
CREATE INDEX inspection_evidence_order ON inspection_evidence(indicator_id, sort);
