-- 0011: automatic timetabling (自动排课). The rules the generator honours, per term, as rows (kind, scope, params,
-- weight): a school-scoped row is the default, subject/grade/class/teacher/group rows override it (see
-- shared/domain/timetable/rules.ts). A term without rows uses the defaults until its rules are first saved.
CREATE TABLE timetable_rule (
  id         INTEGER PRIMARY KEY,
  term_id    INTEGER NOT NULL REFERENCES term(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  kind       TEXT NOT NULL,
  scope      TEXT NOT NULL CHECK (scope IN ('school', 'grade', 'group', 'subject', 'teacher', 'class')),
  scope_id   INTEGER,
  params     TEXT NOT NULL DEFAULT '{}',
  weight     INTEGER NOT NULL DEFAULT 100 CHECK (weight BETWEEN 0 AND 100),
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
);
CREATE INDEX timetable_rule_term ON timetable_rule(term_id, sort_order);

-- A generated or repaired timetable waiting to be accepted or discarded (one open draft per term), and once
-- accepted, the lessons it replaced, so that the acceptance can be undone.
CREATE TABLE timetable_draft (
  id          INTEGER PRIMARY KEY,
  term_id     INTEGER NOT NULL REFERENCES term(id),
  mode        TEXT NOT NULL CHECK (mode IN ('generate', 'repair')),
  options     TEXT NOT NULL,
  -- JSON: [{classId, day, period, assignmentId, roomId, locked, combinedKey}]
  lessons     TEXT NOT NULL,
  -- JSON: the run's figures (hard, soft and its breakdown, iterations, ms, seed, stopped)
  summary     TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'accepted', 'discarded', 'undone')),
  -- JSON: the term's lessons before acceptance (same shape as lessons)
  before      TEXT,
  created_at  TEXT NOT NULL,
  decided_at  TEXT
);
CREATE INDEX timetable_draft_term ON timetable_draft(term_id, id);
