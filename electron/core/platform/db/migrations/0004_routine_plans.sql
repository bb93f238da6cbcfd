-- 0004: teaching routine, part 1. Check standards per term, lesson plans (教案), plan checks (教案检查),
-- collective preparation (集体备课) and homework-marking checks (作业批改检查).
-- Records keep teacher x subject x class (not the assignment id) so that they survive re-assignment.

-- One row per term and kind: the standard as JSON (see RoutineStandards in shared/contract/routine-plans.ts).
-- kind: 'rubric.planCheck' | 'rubric.homeworkCheck' | 'rubric.monthlySheet' | 'homeworkNorms' | 'loadRules'.
CREATE TABLE routine_standard (
  term_id    INTEGER NOT NULL REFERENCES term(id),
  kind       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (term_id, kind)
);

CREATE TABLE lesson_plan (
  id               INTEGER PRIMARY KEY,
  term_id          INTEGER NOT NULL REFERENCES term(id),
  teacher_id       INTEGER NOT NULL REFERENCES teacher(id),
  subject_id       INTEGER NOT NULL REFERENCES subject(id),
  class_id         INTEGER NOT NULL REFERENCES class(id),
  topic            TEXT NOT NULL,
  lesson_type      TEXT NOT NULL DEFAULT '新授' CHECK (lesson_type IN ('新授', '复习', '练习', '讲评', '实验')),
  periods          INTEGER NOT NULL DEFAULT 1 CHECK (periods BETWEEN 1 AND 20),
  week             INTEGER CHECK (week BETWEEN 1 AND 30),
  date             TEXT,
  objectives       TEXT,
  key_points       TEXT,
  difficult_points TEXT,
  aids             TEXT,
  process          TEXT,
  board_design     TEXT,
  homework_design  TEXT,
  reflection       TEXT,
  second_round     TEXT,
  attachment_id    INTEGER REFERENCES attachment(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX lesson_plan_owner ON lesson_plan(term_id, teacher_id, subject_id, class_id);
CREATE INDEX lesson_plan_week ON lesson_plan(term_id, week);

CREATE TABLE plan_check (
  id                 INTEGER PRIMARY KEY,
  term_id            INTEGER NOT NULL REFERENCES term(id),
  teacher_id         INTEGER NOT NULL REFERENCES teacher(id),
  subject_id         INTEGER NOT NULL REFERENCES subject(id),
  class_id           INTEGER NOT NULL REFERENCES class(id),
  check_date         TEXT NOT NULL,
  weekly_periods     INTEGER NOT NULL DEFAULT 0,
  periods_expected   INTEGER NOT NULL DEFAULT 0,
  periods_planned    INTEGER,
  detail_level       TEXT CHECK (detail_level IN ('详案', '简案')),
  second_round_count INTEGER,
  reflections_count  INTEGER,
  item_scores        TEXT,
  score              REAL,
  grade              TEXT CHECK (grade IN ('优', '良', '合格', '不合格')),
  checker            TEXT,
  comment            TEXT,
  fix_required       TEXT,
  fix_status         TEXT NOT NULL DEFAULT 'none' CHECK (fix_status IN ('none', 'open', 'done')),
  fix_done_date      TEXT,
  fix_note           TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (term_id, teacher_id, subject_id, class_id, check_date)
);
CREATE INDEX plan_check_date ON plan_check(term_id, check_date);

CREATE TABLE collective_prep (
  id              INTEGER PRIMARY KEY,
  term_id         INTEGER NOT NULL REFERENCES term(id),
  group_id        INTEGER NOT NULL REFERENCES teaching_group(id),
  date            TEXT NOT NULL,
  fixed_time      TEXT,
  place           TEXT,
  content         TEXT,
  topic           TEXT NOT NULL,
  lead_teacher_id INTEGER REFERENCES teacher(id),
  outcome         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX collective_prep_date ON collective_prep(term_id, date);

CREATE TABLE collective_prep_attendee (
  prep_id    INTEGER NOT NULL REFERENCES collective_prep(id) ON DELETE CASCADE,
  teacher_id INTEGER NOT NULL REFERENCES teacher(id),
  PRIMARY KEY (prep_id, teacher_id)
);
CREATE INDEX collective_prep_attendee_teacher ON collective_prep_attendee(teacher_id);

CREATE TABLE homework_check (
  id                  INTEGER PRIMARY KEY,
  term_id             INTEGER NOT NULL REFERENCES term(id),
  teacher_id          INTEGER NOT NULL REFERENCES teacher(id),
  subject_id          INTEGER NOT NULL REFERENCES subject(id),
  class_id            INTEGER NOT NULL REFERENCES class(id),
  check_date          TEXT NOT NULL,
  homework_type       TEXT NOT NULL CHECK (homework_type IN ('课堂作业', '家庭作业', '作文', '练习册')),
  weeks_covered       REAL NOT NULL DEFAULT 4,
  class_size          INTEGER,
  books_checked       INTEGER,
  times_set           INTEGER,
  times_marked        INTEGER,
  all_marked          INTEGER,
  on_time             INTEGER,
  date_written        INTEGER,
  comments_encouraging INTEGER,
  comments_guiding    INTEGER,
  corrections         INTEGER,
  remarked            INTEGER,
  tiered              INTEGER,
  load_ok             INTEGER,
  minutes_per_day     INTEGER,
  item_scores         TEXT,
  score               REAL,
  grade               TEXT CHECK (grade IN ('优', '良', '合格', '不合格')),
  checker             TEXT,
  problems            TEXT,
  fix_required        TEXT,
  fix_status          TEXT NOT NULL DEFAULT 'none' CHECK (fix_status IN ('none', 'open', 'done')),
  fix_done_date       TEXT,
  fix_note            TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (term_id, teacher_id, subject_id, class_id, check_date, homework_type)
);
CREATE INDEX homework_check_date ON homework_check(term_id, check_date);
