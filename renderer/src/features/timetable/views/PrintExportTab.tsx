/**
 * 打印与导出: the timetable PDFs (class, teacher, master A3, room) with an 执行日期, Excel export in the two
 * layouts, and Excel import through preview -> confirm (nothing is written before confirm).
 */
import { DownloadOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ReportParams, SchoolClass, TimetableImportPreview } from '../../../../../shared/contract';
import type { TimetableData } from '../../../../../shared/contract';
import { GRADE_NAMES } from '../../../../../shared/domain/constants';
import { api, readUpload, saveFile } from '../../../api/client';
import { useApiError } from '../../../app/useApiError';
import { useTeachers } from '../../../components/pickers';

type ReportId = 'class-timetables' | 'teacher-timetables' | 'master-timetable' | 'room-timetables';
type Layout = 'classes' | 'master';

export default function PrintExportTab({ termId, data, classes, onImported }: {
  termId: number; data: TimetableData; classes: SchoolClass[]; onImported: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const teachers = useTeachers();
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs | null>(dayjs());
  const [gradeLevels, setGradeLevels] = useState<number[]>([]);
  const [classIds, setClassIds] = useState<number[]>([]);
  const [teacherIds, setTeacherIds] = useState<number[]>([]);
  const [roomIds, setRoomIds] = useState<number[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [pages, setPages] = useState<Partial<Record<ReportId, number>>>({});

  const active = useMemo(() => classes.filter((c) => !c.archived), [classes]);
  const grades = useMemo(() => [...new Set(active.map((c) => c.gradeLevel))].sort((a, b) => a - b), [active]);
  const classOptions = useMemo(
    () => active.filter((c) => gradeLevels.length === 0 || gradeLevels.includes(c.gradeLevel)).map((c) => ({ value: c.id, label: c.name })),
    [active, gradeLevels],
  );
  const teachingIds = useMemo(() => new Set(data.lessons.map((l) => l.teacherId)), [data.lessons]);
  const teacherOptions = useMemo(
    () => teachers.filter((x) => teachingIds.has(x.id)).map((x) => ({ value: x.id, label: x.name, pinyin: x.pinyinInitials })),
    [teachers, teachingIds],
  );

  async function printReport(reportId: ReportId, extra: ReportParams) {
    setBusy(reportId);
    try {
      const params: ReportParams = { termId, effectiveFrom: effectiveFrom?.format('YYYY-MM-DD'), ...extra };
      const f = await api.call('reports/pdf', { reportId, params });
      setPages((p) => ({ ...p, [reportId]: f.pages }));
      if (await saveFile(f)) void message.success(t('timetableViews.print.saved', { file: f.fileName, pages: f.pages }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  const pageCount = (id: ReportId) =>
    pages[id] !== undefined && (
      <Typography.Text type="secondary" data-testid={`tv-pages-${id}`}>{t('timetableViews.print.pages', { pages: pages[id] })}</Typography.Text>
    );
  const printButton = (id: ReportId, extra: ReportParams) => (
    <Button icon={<FilePdfOutlined />} type="primary" loading={busy === id} disabled={!!busy} onClick={() => printReport(id, extra)} data-testid={`tv-print-${id}`}>
      {t('timetableViews.print.savePdf')}
    </Button>
  );

  // ---- Excel ----
  async function exportXlsx(layout: Layout) {
    setBusy(`export-${layout}`);
    try {
      const f = await api.call('timetable/exportXlsx', { termId, layout });
      if (await saveFile(f)) void message.success(t('timetableViews.excel.exported', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  const [importLayout, setImportLayout] = useState<Layout>('classes');
  const [upload, setUpload] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<TimetableImportPreview | null>(null);
  const [imported, setImported] = useState<{ placed: number; classes: number } | null>(null);

  async function pickFile(file: File, layout: Layout) {
    setBusy('preview');
    setImported(null);
    setPreview(null);
    try {
      const u = await readUpload(file);
      setUpload(u);
      setPreview(await api.call('timetable/importPreview', { ...u, termId, layout }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  async function commitImport() {
    if (!upload || !preview) return;
    setBusy('commit');
    try {
      const r = await api.call('timetable/importCommit', { ...upload, termId, layout: preview.layout });
      setImported(r);
      setPreview(null);
      setUpload(null);
      onImported();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  const dateInput = (
    <Space size={6}>
      <span>{t('timetableViews.print.effectiveFrom')}</span>
      <DatePicker data-testid="tv-effective-from" value={effectiveFrom} onChange={setEffectiveFrom} allowClear />
    </Space>
  );

  return (
    <div className="tv-pane" style={{ overflow: 'auto' }} data-testid="tv-print">
      <Card size="small" title={t('timetableViews.print.title')} extra={dateInput}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <strong className="tv-print-label">{t('timetableViews.print.classTimetables')}</strong>
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('timetableViews.allGrades')}
              value={gradeLevels}
              onChange={(v) => { setGradeLevels(v); setClassIds([]); }}
              options={grades.map((g) => ({ value: g, label: GRADE_NAMES[g] ?? String(g) }))}
              data-testid="tv-print-grades"
            />
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 260 }}
              placeholder={t('timetableViews.print.allClasses')}
              value={classIds}
              onChange={setClassIds}
              options={classOptions}
              data-testid="tv-print-classes"
            />
            {printButton('class-timetables', {
              classIds: classIds.length ? classIds : undefined,
              gradeLevels: !classIds.length && gradeLevels.length ? gradeLevels : undefined,
            })}
            {pageCount('class-timetables')}
          </Space>
          <Space wrap>
            <strong className="tv-print-label">{t('timetableViews.print.teacherTimetables')}</strong>
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 460 }}
              placeholder={t('timetableViews.print.allTeachers')}
              value={teacherIds}
              onChange={setTeacherIds}
              options={teacherOptions}
              showSearch={{ filterOption: (input, opt) => !!opt && (opt.label.includes(input) || opt.pinyin.includes(input.toLowerCase())) }}
              data-testid="tv-print-teachers"
            />
            {printButton('teacher-timetables', { teacherIds: teacherIds.length ? teacherIds : undefined })}
            {pageCount('teacher-timetables')}
          </Space>
          <Space wrap>
            <strong className="tv-print-label">{t('timetableViews.print.masterTimetable')}</strong>
            <Typography.Text type="secondary">{t('timetableViews.print.masterHint')}</Typography.Text>
            {printButton('master-timetable', { gradeLevels: gradeLevels.length ? gradeLevels : undefined })}
            {pageCount('master-timetable')}
          </Space>
          <Space wrap>
            <strong className="tv-print-label">{t('timetableViews.print.roomTimetables')}</strong>
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 260 }}
              placeholder={t('timetableViews.print.allRooms')}
              value={roomIds}
              onChange={setRoomIds}
              options={data.rooms.filter((r) => !r.archived).map((r) => ({ value: r.id, label: r.name }))}
              data-testid="tv-print-rooms"
            />
            {printButton('room-timetables', { roomIds: roomIds.length ? roomIds : undefined })}
            {pageCount('room-timetables')}
          </Space>
        </Space>
      </Card>

      <Card size="small" title={t('timetableViews.excel.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={busy === 'export-classes'} disabled={!!busy} onClick={() => exportXlsx('classes')} data-testid="tv-export-classes">
              {t('timetableViews.excel.exportClasses')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={busy === 'export-master'} disabled={!!busy} onClick={() => exportXlsx('master')} data-testid="tv-export-master">
              {t('timetableViews.excel.exportMaster')}
            </Button>
          </Space>
          <Space wrap>
            <strong>{t('timetableViews.excel.import')}</strong>
            <Radio.Group
              optionType="button"
              value={importLayout}
              onChange={(e) => { setImportLayout(e.target.value); setPreview(null); setUpload(null); }}
              options={[{ value: 'classes', label: t('timetableViews.excel.layoutClasses') }, { value: 'master', label: t('timetableViews.excel.layoutMaster') }]}
            />
            <Upload
              accept=".xlsx,.xls"
              showUploadList={false}
              beforeUpload={(file) => { void pickFile(file, importLayout); return false; }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'preview'} data-testid="tv-import-pick">{t('timetableViews.excel.pickFile')}</Button>
            </Upload>
            {upload && <Typography.Text type="secondary">{upload.fileName}</Typography.Text>}
          </Space>
          <Typography.Text type="secondary">{t('timetableViews.excel.importHint')}</Typography.Text>
          {preview && <ImportPreviewView preview={preview} busy={busy === 'commit'} onConfirm={commitImport} onCancel={() => { setPreview(null); setUpload(null); }} />}
          {imported && (
            <Alert type="success" showIcon data-testid="tv-import-done" title={t('timetableViews.excel.done', { placed: imported.placed, classes: imported.classes })} />
          )}
        </Space>
      </Card>
    </div>
  );
}

function ImportPreviewView({ preview, busy, onConfirm, onCancel }: {
  preview: TimetableImportPreview; busy: boolean; onConfirm: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const issues = useMemo(
    () => preview.issues.map((x, n) => ({ ...x, n })).sort((a, b) => (a.severity === b.severity ? a.n - b.n : a.severity === 'error' ? -1 : 1)),
    [preview.issues],
  );
  const unknown = preview.classes.filter((c) => c.classId === null);
  return (
    <div data-testid="tv-import-preview">
      <Alert
        type={preview.counts.fileErrors ? 'error' : preview.counts.skippedClasses ? 'warning' : 'info'}
        showIcon
        data-testid="tv-import-summary"
        title={t('timetableViews.excel.summary', {
          classes: preview.counts.classes, lessons: preview.counts.lessons, skipped: preview.counts.skippedClasses, warnings: preview.counts.warnings,
        })}
        description={unknown.length ? t('timetableViews.excel.unknownClasses', { names: unknown.map((c) => c.name).join('、') }) : undefined}
        style={{ marginBottom: 8 }}
      />
      {issues.length > 0 && (
        <Table<ImportIssue & { n: number }>
          size="small"
          rowKey="n"
          data-testid="tv-import-issues"
          dataSource={issues}
          pagination={issues.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
          columns={[
            { title: t('timetableViews.excel.sheet'), dataIndex: 'sheet', width: 120, render: (s?: string) => s ?? '-' },
            { title: t('timetableViews.excel.row'), dataIndex: 'row', width: 64, render: (r: number) => (r > 0 ? r : '-') },
            { title: t('timetableViews.excel.column'), dataIndex: 'column', width: 110, ellipsis: true },
            {
              title: t('timetableViews.excel.message'),
              dataIndex: 'key',
              render: (_: unknown, x) => (
                <span>
                  <Tag color={x.severity === 'error' ? 'red' : x.severity === 'warning' ? 'orange' : 'default'}>{t(`tools.import.severity.${x.severity}`)}</Tag>
                  {t(`errors.import.${x.key}`, { row: x.row, column: x.column, field: x.field, sheet: x.sheet ?? '', ...x.params })}
                </span>
              ),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" disabled={preview.counts.fileErrors > 0 || preview.counts.lessons === 0} loading={busy} onClick={onConfirm} data-testid="tv-import-confirm">
          {t('timetableViews.excel.confirm', { lessons: preview.counts.lessons })}
        </Button>
        <Button onClick={onCancel}>{t('timetableViews.excel.cancel')}</Button>
      </Space>
    </div>
  );
}
