-- pragma: foreign_keys=off
-- 0008: school years. A class is a cohort class (届): it entered in `entry_year` at `entry_level` and keeps its
-- number; its grade in a school year is derived (entry_level + start_year - entry_year), so every record that
-- carries term_id and class_id names the class as it was then. Head teachers and teaching groups become per
-- school year; a student's class membership becomes a dated history.
-- `class` and `teaching_group` are rebuilt (their unique keys change), hence foreign keys off for this file;
-- migrate() runs foreign_key_check before it commits.

-- The school year the existing classes are taken to be in: the current term's, else the newest.
CREATE TEMP TABLE m8_year AS
SELECT COALESCE(
  (SELECT y.id FROM setting s JOIN term t ON t.id = CAST(s.value AS INTEGER) JOIN school_year y ON y.id = t.school_year_id
   WHERE s.key = 'currentTermId'),
  (SELECT id FROM school_year ORDER BY start_year DESC LIMIT 1)) AS year_id;

CREATE TABLE class_new (
  id          INTEGER PRIMARY KEY,
  entry_year  INTEGER NOT NULL,
  entry_level INTEGER NOT NULL CHECK (entry_level BETWEEN 1 AND 9),
  class_no    INTEGER NOT NULL CHECK (class_no BETWEEN 1 AND 99),
  -- The start year of the last school year the class existed (graduated or disbanded); NULL while it runs.
  end_year    INTEGER,
  archived    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entry_year, entry_level, class_no)
);

-- An existing class becomes the cohort that has its grade in the current school year. Entry level: 7 for a
-- middle school, 1 otherwise (never above the class's own level).
INSERT INTO class_new (id, entry_year, entry_level, class_no, archived)
SELECT c.id,
       COALESCE((SELECT y.start_year FROM school_year y WHERE y.id = (SELECT year_id FROM m8_year)), 2025)
         - (g.level - MIN(g.level, CASE (SELECT type FROM school WHERE id = 1) WHEN '初中' THEN 7 ELSE 1 END)),
       MIN(g.level, CASE (SELECT type FROM school WHERE id = 1) WHEN '初中' THEN 7 ELSE 1 END),
       c.class_no, c.archived
FROM class c JOIN grade g ON g.id = c.grade_id;

-- Head teacher per school year.
CREATE TABLE class_year (
  class_id        INTEGER NOT NULL REFERENCES class(id),
  school_year_id  INTEGER NOT NULL REFERENCES school_year(id),
  head_teacher_id INTEGER REFERENCES teacher(id),
  PRIMARY KEY (class_id, school_year_id)
) WITHOUT ROWID;
INSERT INTO class_year (class_id, school_year_id, head_teacher_id)
SELECT c.id, (SELECT year_id FROM m8_year), c.head_teacher_id FROM class c
WHERE (SELECT year_id FROM m8_year) IS NOT NULL;

DROP TABLE class;
ALTER TABLE class_new RENAME TO class;

-- Teaching groups belong to a school year (the roll-over copies them); names are unique within a year.
CREATE TABLE teaching_group_new (
  id             INTEGER PRIMARY KEY,
  school_year_id INTEGER REFERENCES school_year(id),
  kind           TEXT NOT NULL CHECK (kind IN ('教研组', '备课组')),
  name           TEXT NOT NULL,
  subject_id     INTEGER REFERENCES subject(id),
  grade_id       INTEGER REFERENCES grade(id),
  leader_id      INTEGER REFERENCES teacher(id),
  archived       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (school_year_id, kind, name)
);
INSERT INTO teaching_group_new (id, school_year_id, kind, name, subject_id, grade_id, leader_id, archived)
SELECT id, (SELECT year_id FROM m8_year), kind, name, subject_id, grade_id, leader_id, archived FROM teaching_group;
DROP TABLE teaching_group;
ALTER TABLE teaching_group_new RENAME TO teaching_group;

-- Roles a teacher held in a past school year (the roll-over keeps the closing year's; teacher.roles is now).
CREATE TABLE teacher_year (
  teacher_id     INTEGER NOT NULL REFERENCES teacher(id),
  school_year_id INTEGER NOT NULL REFERENCES school_year(id),
  roles          TEXT NOT NULL,
  PRIMARY KEY (teacher_id, school_year_id)
) WITHOUT ROWID;

-- A student's class membership: one row per stretch in one class within one school year.
CREATE TABLE student_enrollment (
  id             INTEGER PRIMARY KEY,
  student_id     INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,
  school_year_id INTEGER NOT NULL REFERENCES school_year(id),
  class_id       INTEGER NOT NULL REFERENCES class(id),
  from_date      TEXT NOT NULL,
  to_date        TEXT,
  start_change   TEXT NOT NULL CHECK (start_change IN ('入学', '升级', '转入', '复学', '分班调整', '留级')),
  end_change     TEXT CHECK (end_change IN ('升级', '转出', '休学', '分班调整', '留级', '毕业')),
  note           TEXT
);
CREATE INDEX enrollment_student ON student_enrollment(student_id, from_date);
CREATE INDEX enrollment_class ON student_enrollment(class_id, school_year_id);
INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, start_change)
SELECT s.id, (SELECT year_id FROM m8_year), s.class_id,
       (SELECT MIN(t.start_date) FROM term t WHERE t.school_year_id = (SELECT year_id FROM m8_year)), '入学'
FROM student s WHERE s.class_id IS NOT NULL AND (SELECT year_id FROM m8_year) IS NOT NULL;

-- A struggling-student file carried into a new term (继续帮扶) points at the file it continues; the old file
-- records the day it was carried and stops being the student's open file.
ALTER TABLE struggling_file ADD COLUMN carried_from_id INTEGER REFERENCES struggling_file(id);
ALTER TABLE struggling_file ADD COLUMN carried_on TEXT;
CREATE INDEX struggling_file_carried ON struggling_file(carried_from_id);
DROP INDEX struggling_file_open;
CREATE UNIQUE INDEX struggling_file_open ON struggling_file(student_id) WHERE status IN ('帮扶中', '继续帮扶') AND carried_on IS NULL;

-- A past term opened for changes, with who and why (the audit log has the same).
CREATE TABLE term_unlock (
  term_id     INTEGER PRIMARY KEY REFERENCES term(id),
  reason      TEXT NOT NULL,
  operator    TEXT NOT NULL,
  unlocked_at TEXT NOT NULL
);

-- Each class in each school year: its grade level then, its head teacher then, and whether it existed then.
CREATE VIEW class_in_year AS
SELECT c.id AS class_id, y.id AS school_year_id, y.start_year,
       c.entry_level + (y.start_year - c.entry_year) AS level,
       c.class_no, c.entry_year, c.entry_level, c.end_year, c.archived,
       (y.start_year >= c.entry_year AND (c.end_year IS NULL OR y.start_year <= c.end_year)) AS in_year,
       -- in_year and not archived by hand (a graduated class is archived but active in its own years)
       (y.start_year >= c.entry_year AND (c.end_year IS NULL AND c.archived = 0 OR y.start_year <= c.end_year)) AS active,
       cy.head_teacher_id
FROM class c JOIN school_year y
LEFT JOIN class_year cy ON cy.class_id = c.id AND cy.school_year_id = y.id;

-- The same per term: a record's (class_id, term_id) gives the class's name at the time of the record.
CREATE VIEW class_in_term AS
SELECT t.id AS term_id, ciy.* FROM term t JOIN class_in_year ciy ON ciy.school_year_id = t.school_year_id;

-- Past terms are read-only: term_lock holds the terms locked now (a later term has begun and nobody unlocked
-- it; platform/term-lock.ts keeps the set current), and these triggers refuse any write to their records.
-- Score cells have none (27,000 rows an exam; the exams feature checks assertTermWritable before writing);
-- deleting a locked exam, which would cascade to them, is refused by the exam's trigger.
CREATE TABLE term_lock (term_id INTEGER PRIMARY KEY REFERENCES term(id)) WITHOUT ROWID;

CREATE TRIGGER teaching_assignment_term_lock_insert BEFORE INSERT ON teaching_assignment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER teaching_assignment_term_lock_update BEFORE UPDATE ON teaching_assignment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER teaching_assignment_term_lock_delete BEFORE DELETE ON teaching_assignment WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER timetable_settings_term_lock_insert BEFORE INSERT ON timetable_settings WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER timetable_settings_term_lock_update BEFORE UPDATE ON timetable_settings WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER timetable_settings_term_lock_delete BEFORE DELETE ON timetable_settings WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER teacher_unavailable_term_lock_insert BEFORE INSERT ON teacher_unavailable WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER teacher_unavailable_term_lock_update BEFORE UPDATE ON teacher_unavailable WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER teacher_unavailable_term_lock_delete BEFORE DELETE ON teacher_unavailable WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_term_lock_insert BEFORE INSERT ON lesson WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_term_lock_update BEFORE UPDATE ON lesson WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_term_lock_delete BEFORE DELETE ON lesson WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER substitution_term_lock_insert BEFORE INSERT ON substitution WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER substitution_term_lock_update BEFORE UPDATE ON substitution WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER substitution_term_lock_delete BEFORE DELETE ON substitution WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER routine_standard_term_lock_insert BEFORE INSERT ON routine_standard WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER routine_standard_term_lock_update BEFORE UPDATE ON routine_standard WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER routine_standard_term_lock_delete BEFORE DELETE ON routine_standard WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_plan_term_lock_insert BEFORE INSERT ON lesson_plan WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_plan_term_lock_update BEFORE UPDATE ON lesson_plan WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER lesson_plan_term_lock_delete BEFORE DELETE ON lesson_plan WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER plan_check_term_lock_insert BEFORE INSERT ON plan_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER plan_check_term_lock_update BEFORE UPDATE ON plan_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER plan_check_term_lock_delete BEFORE DELETE ON plan_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_term_lock_insert BEFORE INSERT ON collective_prep WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_term_lock_update BEFORE UPDATE ON collective_prep WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_term_lock_delete BEFORE DELETE ON collective_prep WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER homework_check_term_lock_insert BEFORE INSERT ON homework_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER homework_check_term_lock_update BEFORE UPDATE ON homework_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER homework_check_term_lock_delete BEFORE DELETE ON homework_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_term_lock_insert BEFORE INSERT ON observation_quota WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_term_lock_update BEFORE UPDATE ON observation_quota WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_term_lock_delete BEFORE DELETE ON observation_quota WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_override_term_lock_insert BEFORE INSERT ON observation_quota_override WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_override_term_lock_update BEFORE UPDATE ON observation_quota_override WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_quota_override_term_lock_delete BEFORE DELETE ON observation_quota_override WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_term_lock_insert BEFORE INSERT ON observation WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_term_lock_update BEFORE UPDATE ON observation WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER observation_term_lock_delete BEFORE DELETE ON observation WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_activity_term_lock_insert BEFORE INSERT ON research_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_activity_term_lock_update BEFORE UPDATE ON research_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_activity_term_lock_delete BEFORE DELETE ON research_activity WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_check_term_lock_insert BEFORE INSERT ON monthly_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_check_term_lock_update BEFORE UPDATE ON monthly_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_check_term_lock_delete BEFORE DELETE ON monthly_check WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_term_lock_insert BEFORE INSERT ON exam WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_term_lock_update BEFORE UPDATE ON exam WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_term_lock_delete BEFORE DELETE ON exam WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER struggling_nomination_term_lock_insert BEFORE INSERT ON struggling_nomination WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER struggling_nomination_term_lock_update BEFORE UPDATE ON struggling_nomination WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id, NEW.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER struggling_nomination_term_lock_delete BEFORE DELETE ON struggling_nomination WHEN EXISTS (SELECT 1 FROM term_lock WHERE term_id IN (OLD.term_id))
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_student_term_lock_insert BEFORE INSERT ON exam_student WHEN (SELECT term_id FROM exam WHERE id = NEW.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_student_term_lock_update BEFORE UPDATE ON exam_student WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_student_term_lock_delete BEFORE DELETE ON exam_student WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_subject_term_lock_insert BEFORE INSERT ON exam_subject WHEN (SELECT term_id FROM exam WHERE id = NEW.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_subject_term_lock_update BEFORE UPDATE ON exam_subject WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_subject_term_lock_delete BEFORE DELETE ON exam_subject WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_grade_term_lock_insert BEFORE INSERT ON exam_grade WHEN (SELECT term_id FROM exam WHERE id = NEW.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_grade_term_lock_update BEFORE UPDATE ON exam_grade WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER exam_grade_term_lock_delete BEFORE DELETE ON exam_grade WHEN (SELECT term_id FROM exam WHERE id = OLD.exam_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_sheet_term_lock_insert BEFORE INSERT ON monthly_sheet WHEN (SELECT term_id FROM monthly_check WHERE id = NEW.check_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_sheet_term_lock_update BEFORE UPDATE ON monthly_sheet WHEN (SELECT term_id FROM monthly_check WHERE id = OLD.check_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER monthly_sheet_term_lock_delete BEFORE DELETE ON monthly_sheet WHEN (SELECT term_id FROM monthly_check WHERE id = OLD.check_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_attendance_term_lock_insert BEFORE INSERT ON research_attendance WHEN (SELECT term_id FROM research_activity WHERE id = NEW.activity_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_attendance_term_lock_update BEFORE UPDATE ON research_attendance WHEN (SELECT term_id FROM research_activity WHERE id = OLD.activity_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER research_attendance_term_lock_delete BEFORE DELETE ON research_attendance WHEN (SELECT term_id FROM research_activity WHERE id = OLD.activity_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_attendee_term_lock_insert BEFORE INSERT ON collective_prep_attendee WHEN (SELECT term_id FROM collective_prep WHERE id = NEW.prep_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_attendee_term_lock_update BEFORE UPDATE ON collective_prep_attendee WHEN (SELECT term_id FROM collective_prep WHERE id = OLD.prep_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;
CREATE TRIGGER collective_prep_attendee_term_lock_delete BEFORE DELETE ON collective_prep_attendee WHEN (SELECT term_id FROM collective_prep WHERE id = OLD.prep_id) IN (SELECT term_id FROM term_lock)
BEGIN SELECT RAISE(ABORT, 'termLocked'); END;

DROP TABLE m8_year;
