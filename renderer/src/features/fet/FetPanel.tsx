/**
 * FET interchange: 从FET导入 (pick a .fet file -> preview of what is created or matched and the file's problems ->
 * 确认导入) and 导出为FET文件. Previews write nothing; the commit backs up first and writes in one transaction.
 */
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FetImportPreview, FetImportResult, ImportIssue } from '../../../../shared/contract';
import { api, readUpload, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatApiError, useApiError } from '../../app/useApiError';

type Upload = { fileName: string; dataBase64: string };
interface NameRow { name: string; id: number | null; fetName?: string }

function NamesTable({ rows, testId }: { rows: NameRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<NameRow>
      data-testid={testId}
      size="small"
      rowKey={(r) => `${r.name}|${r.fetName ?? ''}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: t('fet.col.name'), dataIndex: 'name' },
        { title: t('fet.col.fetName'), dataIndex: 'fetName', render: (v?: string) => v ?? '' },
        {
          title: t('fet.col.action'), dataIndex: 'id', width: 90,
          render: (id: number | null) => (id ? <Tag>{t('fet.matched')}</Tag> : <Tag color="green">{t('fet.created')}</Tag>),
        },
      ]}
    />
  );
}

function IssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => issues.map((x, n) => ({ ...x, n })).sort((a, b) => (a.severity === b.severity ? a.n - b.n : a.severity === 'error' ? -1 : 1)),
    [issues],
  );
  return (
    <Table
      data-testid="fet-issues"
      size="small"
      rowKey="n"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: t('tools.import.row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : t('fet.wholeFile')) },
        { title: t('tools.import.column'), dataIndex: 'column', width: 160, ellipsis: true },
        {
          title: t('tools.import.message'), dataIndex: 'key',
          render: (_: unknown, x: ImportIssue) => (
            <span>
              <Tag color={x.severity === 'error' ? 'red' : 'orange'}>{t(`tools.import.severity.${x.severity}`)}</Tag>
              {t(`errors.import.${x.key}`, { ...x.params })}
            </span>
          ),
        },
      ]}
    />
  );
}

export default function FetPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm, refresh } = useAppState();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<FetImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<FetImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | 'export' | null>(null);
  /** What of the current timetable goes into the file: all placed lessons, only the locked ones, or none (FET schedules from scratch). */
  const [placements, setPlacements] = useState<'all' | 'locked' | 'none'>('all');
  const termId = currentTerm?.id ?? null;

  const onFile = async (f: File | undefined) => {
    if (!f || !termId) return;
    setBusy('preview');
    setDone(null);
    try {
      const u = await readUpload(f);
      setUpload(u);
      setPreview(await api.call('fet/importPreview', { ...u, termId }));
      setFileError(null);
    } catch (e) {
      setPreview(null);
      setFileError(formatApiError(t, e));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = ''; // picking the same file again re-reads it
    }
  };

  const commit = async () => {
    if (!upload || !termId) return;
    setBusy('commit');
    try {
      setDone(await api.call('fet/importCommit', { ...upload, termId }));
      setPreview(null);
      setUpload(null);
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async () => {
    if (!termId) return;
    setBusy('export');
    try {
      const f = await api.call('fet/export', { termId, placements });
      if (await saveFile(f)) void message.success(t('fet.exported', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const errors = preview?.issues.filter((i) => i.severity === 'error').length ?? 0;

  return (
    <div className="tv-pane" data-testid="fet-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {!termId && <Alert type="info" showIcon title={t('fet.noTerm')} />}
        <Card size="small" title={t('fet.importTitle')}>
          <Typography.Paragraph type="secondary">{t('fet.importHint')}</Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept=".fet,application/xml,text/xml"
            data-testid="fet-import-input"
            style={{ display: 'none' }}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <Button icon={<ImportOutlined />} disabled={!termId} loading={busy === 'preview'} onClick={() => input.current?.click()}>
            {t('fet.chooseFile')}
          </Button>
          {fileError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={fileError} data-testid="fet-file-error" />}
          {done && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              data-testid="fet-done"
              title={t('fet.done', {
                teachers: done.teachersCreated, subjects: done.subjectsCreated, classes: done.classesCreated,
                assignments: done.assignments, lessons: done.lessons, backup: done.backup,
              })}
            />
          )}
          {preview && (
            <div data-testid="fet-preview" style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('fet.previewTitle', { file: preview.fileName })}</Typography.Title>
              <Descriptions size="small" column={3} bordered>
                <Descriptions.Item label={t('fet.summary.version')}>{preview.version ?? '-'}</Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.grid')}>
                  {preview.grid ? t('fet.summary.gridValue', preview.grid) : t('fet.summary.noGrid')}
                </Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.timetable')}>
                  {preview.hasTimetable ? t('fet.summary.hasTimetable') : t('fet.summary.noTimetable')}
                </Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.activities')}>{preview.activities}</Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.placed')}>{preview.placed}</Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.assignments')}>{preview.assignments ?? '-'}</Descriptions.Item>
                <Descriptions.Item label={t('fet.summary.lessons')}>{preview.lessons ?? '-'}</Descriptions.Item>
              </Descriptions>
              <Tabs
                style={{ marginTop: 8 }}
                defaultActiveKey={errors ? 'issues' : 'teachers'}
                items={[
                  { key: 'teachers', label: t('fet.tabs.teachers', { count: preview.teachers.length }), children: <NamesTable testId="fet-teachers" rows={preview.teachers.map((x) => ({ name: x.name, id: x.teacherId }))} /> },
                  { key: 'subjects', label: t('fet.tabs.subjects', { count: preview.subjects.length }), children: <NamesTable testId="fet-subjects" rows={preview.subjects.map((x) => ({ name: x.name, id: x.subjectId, fetName: x.fetName }))} /> },
                  { key: 'classes', label: t('fet.tabs.classes', { count: preview.classes.length }), children: <NamesTable testId="fet-classes" rows={preview.classes.map((x) => ({ name: x.name, id: x.classId, fetName: x.fetNames?.join('、') }))} /> },
                  { key: 'issues', label: t('fet.tabs.issues', { count: preview.issues.length }), children: <IssueList issues={preview.issues} /> },
                ]}
              />
              {errors > 0 && <Alert type="error" showIcon title={t('fet.hasErrors', { count: errors })} style={{ marginBottom: 8 }} />}
              <Button type="primary" data-testid="fet-confirm" disabled={errors > 0 || !termId} loading={busy === 'commit'} onClick={() => void commit()}>
                {t('fet.confirm')}
              </Button>
            </div>
          )}
        </Card>
        <Card size="small" title={t('fet.exportTitle')}>
          <Typography.Paragraph type="secondary">{t('fet.exportHint')}</Typography.Paragraph>
          <Radio.Group
            data-testid="fet-placements"
            value={placements}
            onChange={(e) => setPlacements(e.target.value as typeof placements)}
            options={(['all', 'locked', 'none'] as const).map((v) => ({ value: v, label: t(`fet.placements.${v}`) }))}
            style={{ marginBottom: 8, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
          />
          <Button icon={<ExportOutlined />} data-testid="fet-export" disabled={!termId} loading={busy === 'export'} onClick={() => void exportFile()}>
            {t('fet.export')}
          </Button>
        </Card>
      </Space>
    </div>
  );
}
