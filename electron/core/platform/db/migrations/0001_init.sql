-- 0001: school setup and rosters, audit log, settings.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE school (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  name      TEXT NOT NULL,
  code      TEXT,
  type      TEXT NOT NULL CHECK (type IN ('小学', '初中', '九年一贯制')),
  address   TEXT,
  principal TEXT,
  phone     TEXT,
  is_sample INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE school_year (
  id         INTEGER PRIMARY KEY,
  start_year INTEGER NOT NULL UNIQUE,
  name       TEXT NOT NULL
);

CREATE TABLE term (
  id             INTEGER PRIMARY KEY,
  school_year_id INTEGER NOT NULL REFERENCES school_year(id),
  term_no        INTEGER NOT NULL CHECK (term_no IN (1, 2)),
  start_date     TEXT NOT NULL,
  teaching_weeks INTEGER NOT NULL DEFAULT 20,
  UNIQUE (school_year_id, term_no)
);

CREATE TABLE grade (
  id    INTEGER PRIMARY KEY,
  level INTEGER NOT NULL UNIQUE CHECK (level BETWEEN 1 AND 9)
);

CREATE TABLE subject (
  id         INTEGER PRIMARY KEY,
  code       TEXT UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  short_name TEXT,
  category   TEXT,
  is_pe_arts INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  archived   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE teacher (
  id             INTEGER PRIMARY KEY,
  staff_no       TEXT UNIQUE,
  name           TEXT NOT NULL,
  gender         TEXT CHECK (gender IN ('男', '女')),
  birth_date     TEXT,
  phone          TEXT,
  subject_id     INTEGER REFERENCES subject(id),
  title          TEXT,
  degree         TEXT,
  certificate    TEXT,
  certified      INTEGER NOT NULL DEFAULT 1,
  backbone_level TEXT NOT NULL DEFAULT '无',
  roles          TEXT NOT NULL DEFAULT '["任课教师"]',
  is_pe_arts     INTEGER NOT NULL DEFAULT 0,
  hire_date      TEXT,
  note           TEXT,
  archived       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE class (
  id              INTEGER PRIMARY KEY,
  grade_id        INTEGER NOT NULL REFERENCES grade(id),
  class_no        INTEGER NOT NULL,
  head_teacher_id INTEGER REFERENCES teacher(id),
  archived        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (grade_id, class_no)
);

CREATE TABLE teaching_group (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('教研组', '备课组')),
  name       TEXT NOT NULL,
  subject_id INTEGER REFERENCES subject(id),
  grade_id   INTEGER REFERENCES grade(id),
  leader_id  INTEGER REFERENCES teacher(id),
  archived   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, name)
);

CREATE TABLE teaching_group_member (
  group_id   INTEGER NOT NULL REFERENCES teaching_group(id) ON DELETE CASCADE,
  teacher_id INTEGER NOT NULL REFERENCES teacher(id),
  PRIMARY KEY (group_id, teacher_id)
);

CREATE TABLE student (
  id          INTEGER PRIMARY KEY,
  student_no  TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  gender      TEXT CHECK (gender IN ('男', '女')),
  birth_date  TEXT,
  class_id    INTEGER REFERENCES class(id),
  left_behind INTEGER NOT NULL DEFAULT 0,
  migrant     INTEGER NOT NULL DEFAULT 0,
  disability  INTEGER NOT NULL DEFAULT 0,
  hardship    INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT '在读',
  note        TEXT,
  archived    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX student_class ON student(class_id);

CREATE TABLE teaching_assignment (
  id             INTEGER PRIMARY KEY,
  term_id        INTEGER NOT NULL REFERENCES term(id),
  teacher_id     INTEGER NOT NULL REFERENCES teacher(id),
  class_id       INTEGER NOT NULL REFERENCES class(id),
  subject_id     INTEGER NOT NULL REFERENCES subject(id),
  weekly_periods INTEGER NOT NULL CHECK (weekly_periods BETWEEN 0 AND 40),
  UNIQUE (term_id, class_id, subject_id, teacher_id)
);
CREATE INDEX assignment_teacher ON teaching_assignment(term_id, teacher_id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  operator  TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  action    TEXT NOT NULL,
  summary   TEXT,
  before    TEXT,
  after     TEXT
);
CREATE INDEX audit_at ON audit_log(at);
