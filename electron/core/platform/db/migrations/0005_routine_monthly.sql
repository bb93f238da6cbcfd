-- 0005: teaching routine, part 2. Observation quotas and records (听课评课), teaching-research activities
-- (教研活动) with attendance, and the monthly routine check (教学常规月查): one check per term and month, one
-- sheet per teacher.

-- Quota per role per term (observations a term). Roles without a row use the defaults in
-- shared/domain/routine/quota.ts.
CREATE TABLE observation_quota (
  term_id  INTEGER NOT NULL REFERENCES term(id),
  role     TEXT NOT NULL,
  per_term INTEGER NOT NULL CHECK (per_term BETWEEN 0 AND 500),
  PRIMARY KEY (term_id, role)
);

-- Per-person override of the role quota.
CREATE TABLE observation_quota_override (
  term_id    INTEGER NOT NULL REFERENCES term(id),
  teacher_id INTEGER NOT NULL REFERENCES teacher(id),
  per_term   INTEGER NOT NULL CHECK (per_term BETWEEN 0 AND 500),
  note       TEXT,
  PRIMARY KEY (term_id, teacher_id)
);

-- One observed lesson. The six rubric scores are columns (fixed items, see shared/domain/routine/observation.ts);
-- total is their sum when all are given; level is derived from total or entered directly when there are no scores.
CREATE TABLE observation (
  id                  INTEGER PRIMARY KEY,
  term_id             INTEGER NOT NULL REFERENCES term(id),
  date                TEXT NOT NULL,
  period              INTEGER CHECK (period BETWEEN 1 AND 14),
  class_id            INTEGER REFERENCES class(id),
  subject_id          INTEGER REFERENCES subject(id),
  teacher_id          INTEGER NOT NULL REFERENCES teacher(id),
  observer_id         INTEGER NOT NULL REFERENCES teacher(id),
  topic               TEXT,
  kind                TEXT NOT NULL CHECK (kind IN ('推门课', '公开课', '示范课', '汇报课', '研讨课', '评优课')),
  score_goal          REAL,
  score_content       REAL,
  score_method        REAL,
  score_participation REAL,
  score_effect        REAL,
  score_skill         REAL,
  total               REAL,
  level               TEXT CHECK (level IN ('优', '良', '合格', '不合格')),
  comments            TEXT,
  suggestions         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK (teacher_id <> observer_id)
);
CREATE INDEX observation_observer ON observation(term_id, observer_id, date);
CREATE INDEX observation_teacher ON observation(term_id, teacher_id, date);

-- 教研活动 of a 教研组 or 备课组.
CREATE TABLE research_activity (
  id         INTEGER PRIMARY KEY,
  term_id    INTEGER NOT NULL REFERENCES term(id),
  group_id   INTEGER NOT NULL REFERENCES teaching_group(id),
  date       TEXT NOT NULL,
  topic      TEXT NOT NULL,
  host_id    INTEGER REFERENCES teacher(id),
  location   TEXT,
  minutes    TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX research_activity_term ON research_activity(term_id, date);

CREATE TABLE research_attendance (
  activity_id INTEGER NOT NULL REFERENCES research_activity(id) ON DELETE CASCADE,
  teacher_id  INTEGER NOT NULL REFERENCES teacher(id),
  PRIMARY KEY (activity_id, teacher_id)
);
CREATE INDEX research_attendance_teacher ON research_attendance(teacher_id);

-- A started monthly check. rubric is a JSON snapshot of the monthly-sheet rubric at start (items with max, grade
-- bands), so later rubric edits do not re-score a month already checked.
CREATE TABLE monthly_check (
  id         INTEGER PRIMARY KEY,
  term_id    INTEGER NOT NULL REFERENCES term(id),
  month      TEXT NOT NULL,
  rubric     TEXT NOT NULL,
  started_at TEXT NOT NULL,
  UNIQUE (term_id, month)
);

-- One sheet per teacher and month. The fact columns are prefilled at start (and refreshable); scores is a JSON
-- object {itemKey: score}; total and grade are computed on save.
CREATE TABLE monthly_sheet (
  id                  INTEGER PRIMARY KEY,
  check_id            INTEGER NOT NULL REFERENCES monthly_check(id) ON DELETE CASCADE,
  teacher_id          INTEGER NOT NULL REFERENCES teacher(id),
  subjects            TEXT NOT NULL DEFAULT '',
  classes             TEXT NOT NULL DEFAULT '',
  weekly_periods      INTEGER NOT NULL DEFAULT 0,
  scheduled_periods   INTEGER NOT NULL DEFAULT 0,
  observations_done   INTEGER NOT NULL DEFAULT 0,
  observations_due    REAL NOT NULL DEFAULT 0,
  research_attended   INTEGER NOT NULL DEFAULT 0,
  research_held       INTEGER NOT NULL DEFAULT 0,
  collective_attended INTEGER NOT NULL DEFAULT 0,
  collective_held     INTEGER NOT NULL DEFAULT 0,
  plan_grade          TEXT,
  homework_grade      TEXT,
  tutoring_count      INTEGER NOT NULL DEFAULT 0,
  scores              TEXT NOT NULL DEFAULT '{}',
  total               REAL,
  grade               TEXT,
  checker             TEXT,
  checked_on          TEXT,
  comment             TEXT,
  fix_required        TEXT,
  fix_done_on         TEXT,
  status              TEXT NOT NULL DEFAULT '未查' CHECK (status IN ('未查', '已查', '已确认')),
  updated_at          TEXT NOT NULL,
  UNIQUE (check_id, teacher_id)
);
CREATE INDEX monthly_sheet_teacher ON monthly_sheet(teacher_id);
