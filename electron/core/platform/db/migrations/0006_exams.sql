-- 0006: exams and scores (质量监测). An exam covers one or more grades and subjects; its roster of expected
-- takers (应考) is frozen in exam_student so that later class changes do not rewrite past analyses.
-- Grades 1-2 take no paper exams: their exams are in 'level' mode (优/良/合格/待合格), enforced by the service.

CREATE TABLE exam (
  id         INTEGER PRIMARY KEY,
  term_id    INTEGER NOT NULL REFERENCES term(id),
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('单元', '月考', '期中', '期末', '统考')),
  exam_date  TEXT NOT NULL,
  -- 'score': paper scores 0..full_marks; 'level': 优/良/合格/待合格 (grades 1-2).
  mode       TEXT NOT NULL DEFAULT 'score' CHECK (mode IN ('score', 'level')),
  note       TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX exam_term ON exam(term_id, exam_date);

CREATE TABLE exam_grade (
  exam_id  INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
  grade_id INTEGER NOT NULL REFERENCES grade(id),
  PRIMARY KEY (exam_id, grade_id)
) WITHOUT ROWID;

-- full_marks is NULL for level-mode exams.
CREATE TABLE exam_subject (
  exam_id    INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
  subject_id INTEGER NOT NULL REFERENCES subject(id),
  full_marks REAL CHECK (full_marks IS NULL OR (full_marks > 0 AND full_marks <= 1000)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (exam_id, subject_id)
) WITHOUT ROWID;

-- Expected takers (应考): the students of the exam's grades and their class on the exam.
CREATE TABLE exam_student (
  exam_id    INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student(id),
  class_id   INTEGER NOT NULL REFERENCES class(id),
  PRIMARY KEY (exam_id, student_id)
) WITHOUT ROWID;
CREATE INDEX exam_student_class ON exam_student(exam_id, class_id);

-- One cell per student and subject. No row = not entered. Exactly one of score / absent (缺考) / level.
CREATE TABLE score (
  exam_id    INTEGER NOT NULL,
  student_id INTEGER NOT NULL REFERENCES student(id),
  subject_id INTEGER NOT NULL,
  score      REAL,
  absent     INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  level      TEXT CHECK (level IS NULL OR level IN ('优', '良', '合格', '待合格')),
  CHECK ((score IS NOT NULL) + (absent = 1) + (level IS NOT NULL) = 1),
  PRIMARY KEY (exam_id, student_id, subject_id),
  FOREIGN KEY (exam_id, subject_id) REFERENCES exam_subject(exam_id, subject_id) ON DELETE CASCADE
) WITHOUT ROWID;
-- A student's scores over successive exams (trend curves, struggling-student files).
CREATE INDEX score_student ON score(student_id, subject_id);

-- Analysis thresholds per grade level (percent of full marks). Bands are edited as ranges of grades.
-- bottom_pct: the bottom share of a class suggested as struggling-student candidates.
CREATE TABLE exam_threshold (
  grade_level   INTEGER PRIMARY KEY CHECK (grade_level BETWEEN 1 AND 9),
  pass_pct      REAL NOT NULL DEFAULT 60 CHECK (pass_pct > 0 AND pass_pct <= 100),
  excellent_pct REAL NOT NULL DEFAULT 85 CHECK (excellent_pct > 0 AND excellent_pct <= 100),
  low_pct       REAL NOT NULL DEFAULT 40 CHECK (low_pct >= 0 AND low_pct <= 100),
  bottom_pct    REAL NOT NULL DEFAULT 10 CHECK (bottom_pct >= 0 AND bottom_pct <= 100)
);
-- Lower primary (grades 1-3) counts 优秀 from 90%; the rest from 85%.
INSERT INTO exam_threshold (grade_level, excellent_pct) VALUES (1, 90), (2, 90), (3, 90), (4, 85), (5, 85), (6, 85), (7, 85), (8, 85), (9, 85);
