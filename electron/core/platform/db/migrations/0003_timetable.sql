-- 0003: timetables. Settings per term, special rooms, teacher unavailable times, lessons, the curriculum
-- standard (开齐开足), and the substitution log (调课/代课).

-- One row per term: days per week and the day's periods and breaks as JSON (see TimetableSettings).
CREATE TABLE timetable_settings (
  term_id       INTEGER PRIMARY KEY REFERENCES term(id),
  days_per_week INTEGER NOT NULL DEFAULT 5 CHECK (days_per_week IN (5, 6)),
  schedule      TEXT NOT NULL
);

CREATE TABLE room (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  kind     TEXT NOT NULL,
  capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE room_subject (
  room_id    INTEGER NOT NULL REFERENCES room(id) ON DELETE CASCADE,
  subject_id INTEGER NOT NULL REFERENCES subject(id),
  PRIMARY KEY (room_id, subject_id)
);

CREATE TABLE teacher_unavailable (
  id         INTEGER PRIMARY KEY,
  term_id    INTEGER NOT NULL REFERENCES term(id),
  teacher_id INTEGER NOT NULL REFERENCES teacher(id),
  day        INTEGER NOT NULL CHECK (day BETWEEN 1 AND 6),
  period     INTEGER NOT NULL CHECK (period BETWEEN 1 AND 14),
  reason     TEXT,
  UNIQUE (term_id, teacher_id, day, period)
);

-- A placed lesson: one per class per period. Teacher and subject come from the teaching assignment.
-- combined_key groups the classes of a declared combined lesson (合班课), which may share a teacher.
CREATE TABLE lesson (
  id            INTEGER PRIMARY KEY,
  term_id       INTEGER NOT NULL REFERENCES term(id),
  class_id      INTEGER NOT NULL REFERENCES class(id),
  day           INTEGER NOT NULL CHECK (day BETWEEN 1 AND 6),
  period        INTEGER NOT NULL CHECK (period BETWEEN 1 AND 14),
  assignment_id INTEGER NOT NULL REFERENCES teaching_assignment(id),
  room_id       INTEGER REFERENCES room(id),
  locked        INTEGER NOT NULL DEFAULT 0,
  combined_key  TEXT,
  UNIQUE (term_id, class_id, day, period)
);
CREATE INDEX lesson_assignment ON lesson(assignment_id);

-- The curriculum standard: required weekly periods per grade and subject, and the weekly total per grade.
CREATE TABLE curriculum_standard (
  grade_level    INTEGER NOT NULL CHECK (grade_level BETWEEN 1 AND 9),
  subject_id     INTEGER NOT NULL REFERENCES subject(id),
  weekly_periods INTEGER NOT NULL CHECK (weekly_periods BETWEEN 0 AND 20),
  PRIMARY KEY (grade_level, subject_id)
);
CREATE TABLE curriculum_total (
  grade_level  INTEGER PRIMARY KEY CHECK (grade_level BETWEEN 1 AND 9),
  weekly_total INTEGER NOT NULL
);

-- 调课/代课/停课/补课. A swap (调课) is two rows pointing at each other through swap_id.
CREATE TABLE substitution (
  id                    INTEGER PRIMARY KEY,
  term_id               INTEGER NOT NULL REFERENCES term(id),
  date                  TEXT NOT NULL,
  period                INTEGER NOT NULL CHECK (period BETWEEN 1 AND 14),
  class_id              INTEGER NOT NULL REFERENCES class(id),
  subject_id            INTEGER NOT NULL REFERENCES subject(id),
  kind                  TEXT NOT NULL CHECK (kind IN ('代课', '调课', '停课', '补课')),
  original_teacher_id   INTEGER REFERENCES teacher(id),
  substitute_teacher_id INTEGER REFERENCES teacher(id),
  swap_id               INTEGER REFERENCES substitution(id),
  reason                TEXT,
  created_at            TEXT NOT NULL
);
CREATE INDEX substitution_term_date ON substitution(term_id, date);
