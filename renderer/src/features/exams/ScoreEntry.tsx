/**
 * Score entry for one class: AG Grid with a column per subject. Typing saves the row ('exams/saveScores');
 * pasting a block from Excel saves it in one transaction. 缺考 (or 缺 / -) marks an absentee; an out-of-range
 * or unreadable cell is refused and named by row and subject, and cells that would be refused are tinted.
 */
import { Alert, Select, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSENT_MARK, type Exam, type ScoreCellValue, type ScoreSheetRow } from '../../../../shared/contract';
import { parseScoreCell } from '../../../../shared/domain/exams/values';
import { api, ApiError } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import type { Lookups } from './lookups';

/** One grid row: the student, and one field per subject named by its id (so issue paths name the column). */
type Row = { id: number; studentNo: string; name: string } & Record<string, ScoreCellValue>;

/** The value as core stores it: number, 缺考, a level, or null. Invalid text stays as typed. */
function normalise(raw: unknown, mode: Exam['mode'], fullMarks: number | null): ScoreCellValue {
  const c = parseScoreCell(raw, mode, fullMarks);
  switch (c.kind) {
    case 'blank': return null;
    case 'absent': return ABSENT_MARK;
    case 'score': case 'level': return c.value;
    default: return raw as ScoreCellValue;
  }
}

export function ScoreEntry({ exam, lookups, onChanged }: { exam: Exam; lookups: Lookups; onChanged: () => void }) {
  const { t } = useTranslation();
  const classes = useMemo(
    () => lookups.classes.filter((c) => exam.gradeIds.includes(c.gradeId) && !c.archived),
    [lookups.classes, exam.gradeIds],
  );
  const [classId, setClassId] = useState<number | null>(null);
  const cls = classId ?? classes[0]?.id ?? null;
  const [order, setOrder] = useState<number[]>([]);

  const load = useCallback(async (): Promise<Row[]> => {
    if (!cls) return [];
    const sheet = await api.call('exams/scores', { examId: exam.id, classId: cls });
    setOrder(sheet.rows.map((r) => r.studentId));
    return sheet.rows.map((r: ScoreSheetRow) => ({ id: r.studentId, studentNo: r.studentNo, name: r.name, ...r.values }) as Row);
  }, [exam.id, cls]);

  const toInput = useCallback(
    (row: Row) => ({
      studentId: row.id,
      values: Object.fromEntries(exam.subjects.map((s) => [String(s.subjectId), (row[String(s.subjectId)] ?? null) as ScoreCellValue])),
    }),
    [exam.subjects],
  );
  const normaliseRow = useCallback(
    (row: Row): Row => {
      const out = { ...row } as Row;
      for (const s of exam.subjects) (out as Record<string, ScoreCellValue>)[String(s.subjectId)] = normalise(row[String(s.subjectId)], exam.mode, s.fullMarks);
      return out;
    },
    [exam.subjects, exam.mode],
  );

  const save = useCallback(
    async (row: Row): Promise<Row> => {
      try {
        await api.call('exams/saveScores', { examId: exam.id, rows: [toInput(row)] });
      } catch (e) {
        // Core names the row within the request (always 0 here): name the row as the grid shows it.
        if (e instanceof ApiError && e.issues) {
          const at = Math.max(order.indexOf(row.id), 0);
          e.issues = e.issues.map((i) => ({ ...i, path: i.path.map((p) => (typeof p === 'number' ? at : p)) }));
        }
        throw e;
      }
      onChanged();
      return normaliseRow(row);
    },
    [exam.id, toInput, normaliseRow, order, onChanged],
  );
  const saveMany = useCallback(
    async (rows: Row[]): Promise<Row[]> => {
      await api.call('exams/saveScores', { examId: exam.id, rows: rows.map(toInput) });
      onChanged();
      return rows.map(normaliseRow);
    },
    [exam.id, toInput, normaliseRow, onChanged],
  );

  const columns = useMemo<GridColumn<Row>[]>(
    () => [
      { field: 'studentNo', header: t('exams.studentNo'), editable: false, width: 190, pinned: 'left' },
      { field: 'name', header: t('exams.studentName'), kind: 'person', editable: false, width: 100, pinned: 'left' },
      ...exam.subjects.map<GridColumn<Row>>((s) => ({
        field: String(s.subjectId),
        header: exam.mode === 'score' ? `${s.subjectName}（${s.fullMarks}）` : s.subjectName,
        width: 110,
        colDef: {
          type: exam.mode === 'score' ? 'rightAligned' : undefined,
          cellClassRules: {
            'ex-absent': (p: { value: unknown }) => p.value === ABSENT_MARK,
            'ex-bad': (p: { value: unknown }) => parseScoreCell(p.value, exam.mode, s.fullMarks).kind === 'error',
          },
        },
      })),
    ],
    [exam.subjects, exam.mode, t],
  );

  if (!classes.length) return <Alert type="info" showIcon title={t('exams.noClasses')} />;

  return (
    <div className="ex-page">
      <div className="ex-panel ex-bar">
        <Space>
          <Typography.Text>{t('exams.class')}</Typography.Text>
          <Select
            data-testid="exam-scores-class"
            style={{ width: 180 }}
            value={cls ?? undefined}
            options={classes.map((c) => ({ value: c.id, label: c.name }))}
            onChange={setClassId}
          />
        </Space>
        <Typography.Text type="secondary">{t(exam.mode === 'score' ? 'exams.entryHintScore' : 'exams.entryHintLevel')}</Typography.Text>
      </div>
      <div className="ex-grid-wrap">
        <DataGrid<Row> key={`${exam.id}-${cls}`} id="exam-scores" columns={columns} load={load} save={save} saveMany={saveMany} canAdd={false} fit />
      </div>
    </div>
  );
}
