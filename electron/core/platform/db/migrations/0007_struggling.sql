-- 0007: struggling-student files (学困生档案, 一生一案). Depends on 0006 only for exam(id).
-- Sensitive personal information (家庭, 心理 cause notes, entries) lives in struggling_cause and
-- struggling_entry; list queries never read those tables. Deleting a file cascades to everything below it.

-- A teacher's nomination of a student (the office confirms who gets a file).
CREATE TABLE struggling_nomination (
  id          INTEGER PRIMARY KEY,
  term_id     INTEGER NOT NULL REFERENCES term(id),
  student_id  INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,
  teacher_id  INTEGER REFERENCES teacher(id),
  subject_ids TEXT NOT NULL DEFAULT '[]', -- JSON array of subject ids
  reason      TEXT,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined')),
  created_at  TEXT NOT NULL
);
CREATE INDEX struggling_nomination_term ON struggling_nomination(term_id, status);

CREATE TABLE struggling_file (
  id              INTEGER PRIMARY KEY,
  term_id         INTEGER NOT NULL REFERENCES term(id),
  student_id      INTEGER NOT NULL REFERENCES student(id),
  -- The class when the file was opened: per-class figures stay put when the student moves up a grade.
  class_id        INTEGER REFERENCES class(id),
  source          TEXT NOT NULL CHECK (source IN ('exam', 'nomination', 'manual')),
  exam_id         INTEGER REFERENCES exam(id) ON DELETE SET NULL,
  subject_ids     TEXT NOT NULL DEFAULT '[]', -- JSON array: subjects of difficulty
  teacher_id      INTEGER REFERENCES teacher(id), -- 任课教师 responsible (包学困生)
  head_teacher_id INTEGER REFERENCES teacher(id),
  goal            TEXT,
  measures        TEXT,
  -- 六落实: time, place, content, teacher, measures, check.
  plan_time       TEXT,
  plan_place      TEXT,
  plan_content    TEXT,
  plan_teacher    TEXT,
  plan_measures   TEXT,
  plan_check      TEXT,
  summary         TEXT, -- the teacher's term summary
  status          TEXT NOT NULL DEFAULT '帮扶中' CHECK (status IN ('帮扶中', '已转化', '继续帮扶', '转出')),
  opened_on       TEXT NOT NULL,
  closed_on       TEXT, -- date of the change to 已转化 or 转出
  -- When the student left (file set to 转出, or first seen with student.status 转出/毕业 or archived):
  -- the retention period for the purge counts from here.
  left_on         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX struggling_file_term ON struggling_file(term_id, class_id);
CREATE INDEX struggling_file_student ON struggling_file(student_id);
-- At most one open file per student.
CREATE UNIQUE INDEX struggling_file_open ON struggling_file(student_id) WHERE status IN ('帮扶中', '继续帮扶');

-- Causes by dimension: a row = the dimension is a cause; note optional. 家庭/心理 notes are sensitive.
CREATE TABLE struggling_cause (
  file_id   INTEGER NOT NULL REFERENCES struggling_file(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL CHECK (dimension IN ('知识基础', '学习习惯', '学习方法/思维能力', '学习动机', '家庭', '留守', '心理')),
  note      TEXT,
  PRIMARY KEY (file_id, dimension)
) WITHOUT ROWID;

-- Dated entries: tutoring (who, content, minutes, effect), parent contacts and home visits (way, who, content,
-- feedback), stage reviews (progress in content, next steps in result).
CREATE TABLE struggling_entry (
  id         INTEGER PRIMARY KEY,
  file_id    INTEGER NOT NULL REFERENCES struggling_file(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('tutoring', 'contact', 'review')),
  entry_date TEXT NOT NULL,
  who        TEXT,
  way        TEXT,
  content    TEXT,
  minutes    INTEGER CHECK (minutes IS NULL OR minutes > 0),
  result     TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX struggling_entry_file ON struggling_entry(file_id, kind, entry_date);

CREATE TABLE struggling_status (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES struggling_file(id) ON DELETE CASCADE,
  change_date TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  note        TEXT,
  operator    TEXT NOT NULL
);
CREATE INDEX struggling_status_file ON struggling_status(file_id);
