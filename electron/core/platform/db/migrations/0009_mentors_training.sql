-- 0009: mentor pairs (师徒结对, 青蓝工程) and the teacher training register (教师培训).
-- A pair runs over dates (usually a school year, may run longer); the terms it covers follow from its dates.
-- Mutual observations are NOT stored here: they are `observation` rows, and the pair is found from observer,
-- observed teacher and date, so one record counts on the observations page and for the pair.
CREATE TABLE mentor_pair (
  id            INTEGER PRIMARY KEY,
  mentor_id     INTEGER NOT NULL REFERENCES teacher(id),
  apprentice_id INTEGER NOT NULL REFERENCES teacher(id),
  subject_id    INTEGER REFERENCES subject(id),
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  goals         TEXT,
  status        TEXT NOT NULL DEFAULT '进行中' CHECK (status IN ('进行中', '已结束', '已解除')),
  signed_on     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (mentor_id <> apprentice_id),
  CHECK (end_date >= start_date)
);
CREATE INDEX mentor_pair_people ON mentor_pair(mentor_id, apprentice_id);

-- The agreement's duties as countable numbers, copied from the school default when the pair is made.
CREATE TABLE mentor_pair_duty (
  pair_id INTEGER NOT NULL REFERENCES mentor_pair(id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  per     TEXT NOT NULL CHECK (per IN ('term', 'month', 'year')),
  target  INTEGER NOT NULL CHECK (target BETWEEN 0 AND 200),
  PRIMARY KEY (pair_id, key)
) WITHOUT ROWID;

-- Guidance meetings, report lessons (with a score), reflections and papers; term_id follows from the date.
CREATE TABLE mentor_activity (
  id            INTEGER PRIMARY KEY,
  pair_id       INTEGER NOT NULL REFERENCES mentor_pair(id) ON DELETE CASCADE,
  term_id       INTEGER NOT NULL REFERENCES term(id),
  kind          TEXT NOT NULL CHECK (kind IN ('guidance', 'reportLesson', 'reflection', 'paper')),
  date          TEXT NOT NULL,
  title         TEXT NOT NULL,
  score         REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
  note          TEXT,
  attachment_id INTEGER REFERENCES attachment(id),
  created_at    TEXT NOT NULL
);
CREATE INDEX mentor_activity_pair ON mentor_activity(pair_id, date);

-- The term assessment (捆绑式评价) as confirmed by the office; computed live until then.
CREATE TABLE mentor_assessment (
  pair_id          INTEGER NOT NULL REFERENCES mentor_pair(id) ON DELETE CASCADE,
  term_id          INTEGER NOT NULL REFERENCES term(id),
  apprentice_score REAL,
  mentor_score     REAL,
  apprentice_level TEXT,
  mentor_level     TEXT,
  comment          TEXT,
  detail           TEXT NOT NULL,
  confirmed_at     TEXT NOT NULL,
  operator         TEXT NOT NULL,
  PRIMARY KEY (pair_id, term_id)
) WITHOUT ROWID;

CREATE TRIGGER mentor_activity_term_lock_insert BEFORE INSERT ON mentor_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER mentor_activity_term_lock_update BEFORE UPDATE ON mentor_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER mentor_activity_term_lock_delete BEFORE DELETE ON mentor_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER mentor_assessment_term_lock_insert BEFORE INSERT ON mentor_assessment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER mentor_assessment_term_lock_update BEFORE UPDATE ON mentor_assessment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER mentor_assessment_term_lock_delete BEFORE DELETE ON mentor_assessment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;

-- A school-based training everyone attended: one form, N entries edited together.
CREATE TABLE training_batch (
  id         INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL
);

-- The register: one row per teacher and training. Hours count in the five-year cycle holding end_date.
CREATE TABLE training_entry (
  id             INTEGER PRIMARY KEY,
  teacher_id     INTEGER NOT NULL REFERENCES teacher(id),
  start_date     TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  level          TEXT NOT NULL CHECK (level IN ('国培', '省培', '市培', '县培', '校本')),
  title          TEXT NOT NULL,
  organiser      TEXT,
  hours          REAL NOT NULL CHECK (hours > 0 AND hours <= 1000),
  certificate_attachment_id INTEGER REFERENCES attachment(id),
  batch_id       INTEGER REFERENCES training_batch(id) ON DELETE CASCADE,
  note           TEXT,
  created_at     TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX training_entry_teacher ON training_entry(teacher_id, end_date);
CREATE INDEX training_entry_batch ON training_entry(batch_id);

-- A pair's observations are found by the two teachers (either way round) and a date range, across terms.
CREATE INDEX observation_people ON observation(teacher_id, observer_id, date);
