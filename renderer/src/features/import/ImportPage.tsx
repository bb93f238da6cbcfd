/**
 * 数据导入: choose what to import, get the template, pick a file, check it (sheet, encoding, header row,
 * column mapping, per-row problems, a preview of every row with its action) and only then confirm. Preview
 * calls write nothing; 'import/commit' backs up first and writes everything in one transaction.
 */
import { DownloadOutlined, InboxOutlined, ReadOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Result, Row, Select, Space, Spin, Steps, Tag, Typography, Upload } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview, ImportRequest } from '../../../../shared/contract';
import { api, readUpload, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatApiError, useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { IssuesTable, MappingTable, PreviewGrid } from './ImportTables';
import './import.css';

type UploadData = { fileName: string; dataBase64: string };
type Done = { inserted: number; updated: number; skipped: number; backup: string };

const KINDS: { kind: ImportKind; icon: ReactNode }[] = [
  { kind: 'teachers', icon: <UserOutlined /> },
  { kind: 'students', icon: <TeamOutlined /> },
  { kind: 'assignments', icon: <ScheduleOutlined /> },
  { kind: 'training', icon: <SolutionOutlined /> },
];

/** A kind asked for in the address (#/import?kind=training, from the training page), or none. */
function kindFromHash(): ImportKind | null {
  const k = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kind');
  return KINDS.some((x) => x.kind === k) ? (k as ImportKind) : null;
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [step, setStep] = useState(() => (kindFromHash() ? 1 : 0));
  const [kind, setKind] = useState<ImportKind | null>(kindFromHash);
  const [upload, setUpload] = useState<UploadData | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // Only the latest preview request may update the page (mapping changes can overlap).
  const seq = useRef(0);
  // Columns the user mapped by hand, by header text, so that a corrected file picked again keeps them.
  const overrides = useRef<Record<string, string | null>>({});

  const request = useCallback(
    (u: UploadData, k: ImportKind, extra: Pick<ImportRequest, 'sheet' | 'mapping'> = {}): ImportRequest => ({
      kind: k, ...u, ...extra, ...(k === 'assignments' && currentTerm ? { termId: currentTerm.id } : {}),
    }),
    [currentTerm],
  );

  const runPreview = useCallback(
    async (u: UploadData, k: ImportKind, extra: Pick<ImportRequest, 'sheet' | 'mapping'> = {}) => {
      const my = ++seq.current;
      setBusy(true);
      try {
        let p = await api.call('import/preview', request(u, k, extra));
        if (my !== seq.current) return;
        if (!extra.mapping) {
          // Re-apply the user's own column choices where the new file has the same headers.
          const again: Record<string, number | null> = {};
          for (const [field, header] of Object.entries(overrides.current)) {
            const col = header === null ? null : p.columns.find((c) => c.header === header)?.index;
            if (col !== undefined && p.mapping[field] !== col) again[field] = col;
          }
          if (Object.keys(again).length) {
            p = await api.call('import/preview', request(u, k, { sheet: p.sheet, mapping: { ...p.mapping, ...again } }));
            if (my !== seq.current) return;
          }
        }
        setPreview(p);
        setFileError(null);
        setStep(2);
      } catch (e) {
        if (my !== seq.current) return;
        // A file that cannot be read at all: stay on the file step and say why there.
        setFileError(formatApiError(t, e));
      } finally {
        if (my === seq.current) setBusy(false);
      }
    },
    [request, t],
  );

  const chooseKind = (k: ImportKind) => {
    overrides.current = {};
    setKind(k);
    setUpload(null);
    setPreview(null);
    setFileError(null);
    setStep(1);
  };

  const downloadTemplate = async () => {
    if (!kind) return;
    try {
      const f = await api.call('import/template', { kind });
      if (await saveFile(f)) void message.success(t('tools.import.templateSaved', { file: f.fileName }));
    } catch (e) {
      showError(e);
    }
  };

  const onFile = async (f: File) => {
    if (!kind) return;
    const u = await readUpload(f);
    setUpload(u);
    await runPreview(u, kind);
  };

  const commit = async () => {
    if (!kind || !upload || !preview) return;
    setBusy(true);
    try {
      const r = await api.call('import/commit', request(upload, kind, { sheet: preview.sheet, mapping: preview.mapping }));
      setDone(r);
      setStep(3);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const downloadSkipped = async () => {
    if (!kind || !upload || !preview) return;
    try {
      const f = await api.call('import/skippedRows', request(upload, kind, { sheet: preview.sheet, mapping: preview.mapping }));
      if (await saveFile(f)) void message.success(t('tools.import.skippedSaved', { file: f.fileName }));
    } catch (e) {
      showError(e);
    }
  };

  const restart = () => {
    setKind(null);
    setUpload(null);
    setPreview(null);
    setDone(null);
    setFileError(null);
    setStep(0);
  };

  const kindName = kind ? t(`tools.import.kinds.${kind}`) : '';
  const noTermForAssignments = !currentTerm;

  return (
    <Page title={t('tools.import.title')} subtitle={t('tools.import.subtitle')} fill={false}>
      <div className="jw-import">
        <Steps
          size="small"
          current={step}
          status={step === 3 ? 'finish' : 'process'}
          className="jw-import-steps"
          items={[
            { title: t('tools.import.steps.kind'), description: step > 0 ? kindName : undefined },
            { title: t('tools.import.steps.file'), description: step > 1 ? upload?.fileName : undefined },
            { title: t('tools.import.steps.check') },
            { title: t('tools.import.steps.done') },
          ]}
        />

        {step === 0 && (
          <div className="jw-import-kinds">
            {KINDS.map(({ kind: k, icon }) => {
              const disabled = k === 'assignments' && noTermForAssignments;
              return (
                <Card
                  key={k}
                  hoverable={!disabled}
                  className={disabled ? 'jw-import-kind jw-import-kind-disabled' : 'jw-import-kind'}
                  data-testid={`import-kind-${k}`}
                  onClick={() => !disabled && chooseKind(k)}
                >
                  <div className="jw-import-kind-icon">{icon}</div>
                  <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>{t(`tools.import.kinds.${k}`)}</Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                    {t(`tools.import.kindHints.${k}`)}
                  </Typography.Paragraph>
                  {k === 'assignments' && (
                    <div style={{ marginTop: 8 }}>
                      {currentTerm
                        ? <Tag color="blue">{t('tools.import.forTerm', { term: currentTerm.name })}</Tag>
                        : <Typography.Text type="warning" style={{ fontSize: 13 }}>{t('tools.import.noTerm')}</Typography.Text>}
                    </div>
                  )}
                </Card>
              );
            })}
          </div>
        )}

        {step === 1 && kind && (
          <div className="jw-panel jw-import-file">
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Space size={8} wrap>
                <Typography.Text strong>{kindName}</Typography.Text>
                {kind === 'assignments' && currentTerm && <Tag color="blue">{t('tools.import.forTerm', { term: currentTerm.name })}</Tag>}
              </Space>
              <Space>
                <Button onClick={() => setStep(0)}>{t('tools.import.back')}</Button>
                <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
                  {t('tools.import.downloadTemplate')}
                </Button>
              </Space>
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 12px' }}>{t('tools.import.templateHint')}</Typography.Paragraph>
            <Spin spinning={busy} description={t('tools.import.reading')}>
              <Upload.Dragger
                data-testid="import-file-input"
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
                <p className="ant-upload-text">{t('tools.import.pickFile')}</p>
                <p className="ant-upload-hint">{t('tools.import.pickFileHint')}</p>
              </Upload.Dragger>
            </Spin>
            {fileError && (
              <Alert type="error" showIcon style={{ marginTop: 12, whiteSpace: 'pre-line' }} title={fileError} data-testid="import-file-error" />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              <ReadOutlined /> {t('tools.import.noWriteNote')}
            </Typography.Paragraph>
          </div>
        )}

        {step === 2 && kind && upload && preview && (
          <CheckStep
            preview={preview}
            fileName={upload.fileName}
            busy={busy}
            onSheet={(sheet) => void runPreview(upload, kind, { sheet })}
            onMapping={(field, column) => {
              overrides.current[field] = column === null ? null : preview.columns.find((c) => c.index === column)?.header ?? null;
              void runPreview(upload, kind, { sheet: preview.sheet, mapping: { ...preview.mapping, [field]: column } });
            }}
            onBack={() => setStep(1)}
            onConfirm={commit}
            onDownloadSkipped={() => void downloadSkipped()}
          />
        )}

        {step === 3 && done && kind && (
          <div className="jw-panel" data-testid="import-done">
            <Result
              status="success"
              title={t('tools.import.doneTitle')}
              subTitle={t('tools.import.doneDetail', { ...done })}
              extra={[
                <Button type="primary" key="list" href={`#/${kind}`}>{t('tools.import.goToList', { kind: kindName })}</Button>,
                <Button key="more" onClick={restart}>{t('tools.import.importMore')}</Button>,
              ]}
            />
          </div>
        )}
      </div>
    </Page>
  );
}

function CheckStep({ preview, fileName, busy, onSheet, onMapping, onBack, onConfirm, onDownloadSkipped }: {
  preview: ImportPreview;
  fileName: string;
  busy: boolean;
  onSheet: (sheet: string) => void;
  onMapping: (field: string, column: number | null) => void;
  onBack: () => void;
  onConfirm: () => void;
  onDownloadSkipped: () => void;
}) {
  const { t } = useTranslation();
  const c = preview.counts;
  // Only problems of the file itself block the import; rows with errors are skipped and can be downloaded.
  const blocked = c.fileErrors > 0;
  const empty = c.insert + c.update === 0;
  const why = blocked ? t('tools.import.confirmBlocked', { count: c.fileErrors }) : empty ? t('tools.import.confirmEmpty')
    : c.skip > 0 ? t('tools.import.confirmReadySkip', { insert: c.insert, update: c.update, skip: c.skip })
      : t('tools.import.confirmReady', { insert: c.insert, update: c.update });

  return (
    <Spin spinning={busy}>
      <div className="jw-import-check">
        <Alert type="info" showIcon title={t('tools.import.noWriteDetail')} data-testid="import-no-write" />

        <div className="jw-panel jw-import-filebar">
          <Space size={14} wrap>
            <span><Typography.Text type="secondary">{t('tools.import.file')}{t('tools.common.colon')}</Typography.Text><Typography.Text strong>{fileName}</Typography.Text></span>
            {preview.sheets.length > 1 ? (
              <span>
                <Typography.Text type="secondary">{t('tools.import.sheet')}{t('tools.common.colon')}</Typography.Text>
                <Select
                  size="small"
                  data-testid="import-sheet"
                  style={{ minWidth: 140 }}
                  value={preview.sheet}
                  options={preview.sheets.map((s) => ({ value: s, label: s }))}
                  onChange={onSheet}
                />
              </span>
            ) : (
              preview.sheet && <span><Typography.Text type="secondary">{t('tools.import.sheet')}{t('tools.common.colon')}</Typography.Text>{preview.sheet}</span>
            )}
            <span>
              <Typography.Text type="secondary">{t('tools.import.encoding')}{t('tools.common.colon')}</Typography.Text>
              <Tag data-testid="import-encoding">{t(`tools.import.encodings.${preview.encoding}`)}</Tag>
            </span>
            <Typography.Text type="secondary">{t('tools.import.headerRow', { row: preview.headerRow })}</Typography.Text>
          </Space>
          <Button size="small" onClick={onBack} data-testid="import-change-file">{t('tools.import.changeFile')}</Button>
        </div>

        <div className="jw-panel jw-import-confirmbar">
          <div>
            <div className="jw-import-summary" data-testid="import-summary">
              {t('tools.import.summary', { total: c.total, insert: c.insert, update: c.update, skip: c.skip, warnings: c.warnings })}
            </div>
            <div className="jw-import-counts">
              <Tag color="green">{t('tools.import.counts.insert')} {c.insert}</Tag>
              <Tag color="blue">{t('tools.import.counts.update')} {c.update}</Tag>
              {c.skip > 0 && <Tag>{t('tools.import.counts.skip')} {c.skip}</Tag>}
              <Tag color={c.errors ? 'red' : 'default'}>{t('tools.import.counts.errors')} {c.errors}</Tag>
              <Tag color={c.warnings ? 'orange' : 'default'}>{t('tools.import.counts.warnings')} {c.warnings}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('tools.import.noWriteNote')}</Typography.Text>
            </div>
          </div>
          <div className="jw-import-confirm">
            <Typography.Text type={blocked ? 'danger' : 'secondary'} data-testid="import-confirm-reason">{why}</Typography.Text>
            {c.skip > 0 && !blocked && (
              <Button onClick={onDownloadSkipped} disabled={busy} data-testid="import-download-skipped">{t('tools.import.downloadSkipped')}</Button>
            )}
            <Button type="primary" size="large" disabled={blocked || empty || busy} onClick={onConfirm} data-testid="import-confirm">
              {c.skip > 0 && !blocked ? t('tools.import.confirmWithSkip', { count: c.insert + c.update, skip: c.skip }) : t('tools.import.confirm')}
            </Button>
          </div>
        </div>


        <Row gutter={12}>
          <Col span={9}>
            <div className="jw-panel jw-import-box">
              <div className="jw-import-box-head">
                <Typography.Text strong>{t('tools.import.mapping')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tools.import.mappingHint')}</Typography.Text>
              </div>
              <MappingTable preview={preview} busy={busy} onChange={onMapping} />
            </div>
          </Col>
          <Col span={15}>
            <div className="jw-panel jw-import-box">
              <div className="jw-import-box-head">
                <Typography.Text strong>{t('tools.import.issues')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tools.import.issuesCount', { count: preview.issues.length })}</Typography.Text>
              </div>
              <IssuesTable preview={preview} />
            </div>
          </Col>
        </Row>

        <div className="jw-panel">
          <div className="jw-import-box-head">
            <Typography.Text strong>{t('tools.import.preview')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tools.import.previewHint')}</Typography.Text>
          </div>
          <PreviewGrid preview={preview} />
        </div>
      </div>
    </Spin>
  );
}
