/**
 * Score import: pick a spreadsheet (one sheet per class, or one sheet for the grade with a 班级 column),
 * see what core found (layout, sheets, subject columns, counts) and every problem by sheet, row and column;
 * 确认导入 stays disabled while there are errors. The preview writes nothing; the commit is one transaction.
 */
import { InboxOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exam, ExamImportIssue, ExamImportPreview, ExamImportResult } from '../../../../shared/contract';
import { api, readUpload } from '../../api/client';
import { formatApiError, translateErrorKey, useApiError } from '../../app/useApiError';
import type { T } from '../../app/formatError';

type UploadData = { fileName: string; dataBase64: string };

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const;

export function ScoreImport({ exam, onDone }: { exam: Exam; onDone: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [upload, setUpload] = useState<UploadData | null>(null);
  const [preview, setPreview] = useState<ExamImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExamImportResult | null>(null);

  const onFile = async (f: File) => {
    setBusy(true);
    setDone(null);
    try {
      const u = await readUpload(f);
      setUpload(u);
      setPreview(await api.call('exams/importPreview', { examId: exam.id, ...u }));
      setFileError(null);
    } catch (e) {
      setPreview(null);
      setFileError(formatApiError(t as T, e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!upload) return;
    setBusy(true);
    try {
      setDone(await api.call('exams/importCommit', { examId: exam.id, ...upload }));
      setPreview(null);
      setUpload(null);
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const c = preview?.counts;
  // Only problems of the file itself block; rows with errors are skipped.
  const blocked = !!c && c.fileErrors > 0;
  const empty = !!c && c.cells === 0; // cells counts absent marks too

  return (
    <div className="ex-page">
      {done && (
        <div className="ex-panel" data-testid="exam-import-done">
          <Result status="success" title={t('exams.import.doneTitle')} subTitle={t('exams.import.doneDetail', { ...done })}
            extra={<Button onClick={() => setDone(null)}>{t('exams.import.more')}</Button>} />
        </div>
      )}
      {!done && (
        <div className="ex-panel">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('exams.import.hint', { subjects: exam.subjects.map((s) => s.subjectName).join('、') })}
          </Typography.Paragraph>
          <Spin spinning={busy}>
            <Upload.Dragger
              data-testid="exam-import-file"
              accept=".xlsx,.xls,.csv"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(f) => {
                void onFile(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{upload ? t('exams.import.pickAgain', { file: upload.fileName }) : t('exams.import.pick')}</p>
              <p className="ant-upload-hint">{t('exams.import.pickHint')}</p>
            </Upload.Dragger>
          </Spin>
          {fileError && <Alert type="error" showIcon style={{ marginTop: 12, whiteSpace: 'pre-line' }} title={fileError} data-testid="exam-import-file-error" />}
          <Typography.Paragraph type="secondary" style={{ margin: '10px 0 0' }}><ReadOutlined /> {t('exams.import.noWrite')}</Typography.Paragraph>
        </div>
      )}

      {preview && c && (
        <>
          <div className="ex-panel ex-confirmbar">
            <div>
              <div style={{ fontWeight: 600, fontSize: 15, marginBottom: 6 }} data-testid="exam-import-summary">
                {t('exams.import.summary', { ...c, layout: t(`exams.import.layouts.${preview.layout}`) })}
              </div>
              <Space size={4} wrap>
                <Tag color="green">{t('exams.import.counts.students')} {c.students}</Tag>
                <Tag color="blue">{t('exams.import.counts.cells')} {c.cells}</Tag>
                <Tag>{t('exams.import.counts.absent')} {c.absent}</Tag>
                {c.replaced > 0 && <Tag color="gold">{t('exams.import.counts.replaced')} {c.replaced}</Tag>}
                <Tag color={c.skippedRows ? 'red' : 'default'}>{t('exams.import.counts.skipped')} {c.skippedRows}</Tag>
                <Tag color={c.warnings ? 'orange' : 'default'}>{t('exams.import.counts.warnings')} {c.warnings}</Tag>
              </Space>
            </div>
            <Space>
              <Typography.Text type={blocked ? 'danger' : 'secondary'} data-testid="exam-import-reason">
                {blocked ? t('exams.import.blocked', { count: c.fileErrors }) : empty ? t('exams.import.empty')
                  : c.skippedRows ? t('exams.import.readySkip', { ...c }) : t('exams.import.ready', { cells: c.cells })}
              </Typography.Text>
              <Button type="primary" size="large" disabled={blocked || empty || busy} onClick={commit} data-testid="exam-import-confirm">
                {c.skippedRows && !blocked ? t('exams.import.confirmWithSkip', { ...c }) : t('exams.import.confirm')}
              </Button>
            </Space>
          </div>
          <div className="ex-panel">
            <Typography.Text strong>{t('exams.import.found')}</Typography.Text>
            <div style={{ margin: '6px 0' }}>
              {preview.sheets.map((s) => (
                <Tag key={s.name}>{s.name}{s.className && s.className !== s.name ? ` → ${s.className}` : ''} · {t('exams.import.rows', { count: s.rows })}</Tag>
              ))}
            </div>
            <div>
              {preview.subjects.map((s) => <Tag color="blue" key={s.header}>{s.header}{s.header !== s.subjectName ? ` → ${s.subjectName}` : ''}</Tag>)}
            </div>
          </div>
          <div className="ex-panel">
            <Typography.Text strong>{t('exams.import.issues')}</Typography.Text>
            <IssueTable issues={preview.issues} />
          </div>
        </>
      )}
    </div>
  );
}

function IssueTable({ issues }: { issues: ExamImportIssue[] }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => issues.map((x, n) => ({ ...x, n })).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.n - b.n),
    [issues],
  );
  if (!rows.length) return <div data-testid="exam-import-issues"><Typography.Text type="success">{t('exams.import.noIssues')}</Typography.Text></div>;
  return (
    <Table
      data-testid="exam-import-issues"
      size="small"
      rowKey="n"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: t('exams.import.sheet'), dataIndex: 'sheet', width: 140, ellipsis: true },
        { title: t('exams.import.row'), dataIndex: 'row', width: 70, render: (r: number) => (r > 0 ? r : '—') },
        { title: t('exams.import.column'), dataIndex: 'column', width: 110 },
        {
          title: t('exams.import.message'), dataIndex: 'key',
          render: (_: unknown, x) => (
            <span>
              <Tag color={x.severity === 'error' ? 'red' : x.severity === 'warning' ? 'orange' : 'default'}>{t(`exams.import.severity.${x.severity}`)}</Tag>
              {translateErrorKey(t as T, x.key, { ...x.params, row: x.row, column: x.column, sheet: x.sheet ?? '' })}
            </span>
          ),
        },
      ]}
    />
  );
}
