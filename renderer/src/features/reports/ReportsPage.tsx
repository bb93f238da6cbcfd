/**
 * 打印报表: the report catalogue on the left; for the chosen report its parameters, a preview of the HTML
 * core renders (a sandboxed iframe at paper width, scaled to fit), 保存PDF and 打印.
 */
import { EyeOutlined, FilePdfOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportInfo, ReportParams } from '../../../../shared/contract';
import { api, isElectron, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { labelFor } from '../../components/format';
import { missingParams, ReportParamsForm } from './ReportParamsForm';
import './reports.css';

/** CSS pixels of the paper width at 96 dpi (210 mm, 297 mm). */
const PAPER_WIDTH_PX: Record<ReportInfo['paper'], number> = { A4: 794, A3: 1123 };
const PAPER_HEIGHT_PX: Record<ReportInfo['paper'], number> = { A4: 1123, A3: 1587 };

function pageWidth(r: ReportInfo): number {
  return r.landscape ? PAPER_HEIGHT_PX[r.paper] : PAPER_WIDTH_PX[r.paper];
}

function base64ToBlobUrl(dataBase64: string, mime: string): string {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** Width and height of an element, kept up to date; a callback ref because the element mounts later. */
function useSize<E extends HTMLElement>(): [(el: E | null) => void, { width: number; height: number }] {
  const [el, setEl] = useState<E | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, size];
}

/** Seconds since `running` turned true (0 when idle): long printouts say how long they have been working. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const t0 = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - t0) / 1000)), 500);
    return () => { clearInterval(timer); setSeconds(0); };
  }, [running]);
  return seconds;
}

export default function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [catalogue, setCatalogue] = useState<ReportInfo[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The values of the chosen report's declared parameters (pickers drawn by ReportParamsForm).
  const [values, setValues] = useState<ReportParams>({});
  const [html, setHtml] = useState<string | null>(null);
  const [rendering, setRendering] = useState(false);
  const [pdfBusy, setPdfBusy] = useState<'save' | 'print' | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const elapsed = useElapsedSeconds(!!pdfBusy);
  const iframeRef = useRef<HTMLIFrameElement | null>(null);
  const [boxRef, box] = useSize<HTMLDivElement>();
  const seq = useRef(0);

  useEffect(() => {
    api.call('reports/catalogue', {}).then((c) => {
      setCatalogue(c);
      if (c.length) setSelectedId((id) => id ?? c[0].id);
    }, (e) => { setCatalogue([]); showError(e); });
  }, [showError]);

  const report = catalogue?.find((r) => r.id === selectedId) ?? null;
  /** The report's title in the user's language; core's own (Chinese) title when there is no translation. */
  const title = (r: ReportInfo) => {
    const s = labelFor(t, 'tools.reports', r.id);
    return s === r.id ? r.title : s;
  };

  const params = useMemo<ReportParams>(() => {
    if (!report) return {};
    const p: ReportParams = {};
    for (const k of report.params) if (values[k] !== undefined) (p as Record<string, unknown>)[k] = values[k];
    if (report.params.includes('termId') && currentTerm) p.termId = currentTerm.id;
    return p;
  }, [report, currentTerm, values]);
  const missing = report ? missingParams(report, params) : [];

  const renderPreview = useCallback(async () => {
    if (!report) return;
    // Nothing to print yet: the page asks for the missing parameter instead of showing an error.
    if (missingParams(report, params).length) { setHtml(null); return; }
    const my = ++seq.current;
    setRendering(true);
    try {
      const r = await api.call('reports/html', { reportId: report.id, params });
      if (my === seq.current) setHtml(r.html);
    } catch (e) {
      if (my === seq.current) setHtml(null);
      showError(e);
    } finally {
      if (my === seq.current) setRendering(false);
    }
  }, [report, params, showError]);

  // The preview follows the chosen report and its parameters.
  useEffect(() => {
    setPages(null);
    void renderPreview();
  }, [renderPreview]);

  const savePdf = async () => {
    if (!report) return;
    setPdfBusy('save');
    try {
      const f = await api.call('reports/pdf', { reportId: report.id, params });
      setPages(f.pages);
      if (await saveFile(f)) void message.success(t('tools.reports.pdfSaved', { pages: f.pages }));
    } catch (e) {
      showError(e);
    } finally {
      setPdfBusy(null);
    }
  };

  const print = async () => {
    if (!report) return;
    setPdfBusy('print');
    try {
      if (isElectron) {
        const doc = html ?? (await api.call('reports/html', { reportId: report.id, params })).html;
        const ok = await window.jiaowu!.printHtml(doc, { paper: report.paper, landscape: report.landscape });
        if (!ok) void message.info(t('tools.reports.printFailed'));
        return;
      }
      // Browser mode: the PDF prints with the right paper and page numbers; open it in a new tab.
      const f = await api.call('reports/pdf', { reportId: report.id, params });
      setPages(f.pages);
      const url = base64ToBlobUrl(f.dataBase64, f.mime || 'application/pdf');
      const win = window.open(url, '_blank');
      if (!win) iframeRef.current?.contentWindow?.print(); // pop-up blocked: print the preview instead
      setTimeout(() => URL.revokeObjectURL(url), 120_000);
    } catch (e) {
      showError(e);
    } finally {
      setPdfBusy(null);
    }
  };

  const modules = useMemo(() => {
    const m = new Map<string, ReportInfo[]>();
    for (const r of catalogue ?? []) m.set(r.module, [...(m.get(r.module) ?? []), r]);
    return [...m];
  }, [catalogue]);

  const paperW = report ? pageWidth(report) : PAPER_WIDTH_PX.A4;
  // Leave room for the scroll bar and a margin around the sheet.
  const scale = box.width > 0 ? Math.min(1, (box.width - 32) / paperW) : 1;

  return (
    <Page title={t('tools.reports.title')} subtitle={t('tools.reports.subtitle')}>
      <div className="jw-reports">
        <div className="jw-panel jw-reports-list">
          <Typography.Text strong>{t('tools.reports.catalogue')}</Typography.Text>
          {catalogue === null ? (
            <div className="jw-center"><Spin /></div>
          ) : (
            modules.map(([mod, items]) => (
              <div key={mod} className="jw-reports-module">
                <div className="jw-reports-module-name">{labelFor(t, 'tools.reports.modules', mod)}</div>
                {items.map((r) => (
                  <button
                    type="button"
                    key={r.id}
                    data-testid={`report-item-${r.id}`}
                    className={r.id === selectedId ? 'jw-report-item jw-report-item-active' : 'jw-report-item'}
                    onClick={() => { setSelectedId(r.id); setValues({}); setHtml(null); }}
                  >
                    <FileTextOutlined />
                    <span className="jw-report-item-text">
                      <span className="jw-report-item-title">{title(r)}</span>
                      <span className="jw-report-item-paper">
                        {t('tools.reports.paper', { paper: r.paper, orientation: t(r.landscape ? 'tools.reports.landscape' : 'tools.reports.portrait') })}
                      </span>
                    </span>
                  </button>
                ))}
              </div>
            ))
          )}
        </div>

        <div className="jw-reports-main">
          {!report ? (
            <div className="jw-panel jw-center"><Empty description={t('tools.reports.pickReport')} /></div>
          ) : (
            <>
              <div className="jw-panel jw-reports-params">
                <ReportParamsForm report={report} values={values} onChange={setValues} />
                <Space wrap className="jw-reports-actions">
                  {pdfBusy && <Typography.Text type="secondary" data-testid="report-progress">{t('tools.reports.generating', { seconds: elapsed })}</Typography.Text>}
                  {!pdfBusy && pages !== null && <Typography.Text type="secondary" data-testid="report-pages">{t('tools.reports.pages', { pages })}</Typography.Text>}
                  <Button icon={<EyeOutlined />} onClick={() => void renderPreview()} loading={rendering} data-testid="report-preview-button">
                    {t('tools.reports.preview')}
                  </Button>
                  <Button icon={<FilePdfOutlined />} onClick={savePdf} loading={pdfBusy === 'save'} disabled={!!pdfBusy || missing.length > 0} data-testid="report-save-pdf">
                    {t('tools.reports.savePdf')}
                  </Button>
                  <Button type="primary" icon={<PrinterOutlined />} onClick={print} loading={pdfBusy === 'print'} disabled={!!pdfBusy || missing.length > 0} data-testid="report-print">
                    {t('tools.reports.print')}
                  </Button>
                </Space>
              </div>

              <div className="jw-reports-preview" ref={boxRef}>
                {html === null ? (
                  <div className="jw-center">{rendering ? <Spin description={t('tools.reports.rendering')} />
                    : <Empty description={missing.length ? t('tools.reports.needParams', { params: missing.map((k) => t(`tools.reports.param.${k}`)).join('、') }) : t('tools.reports.previewHint')} />}</div>
                ) : (
                  <div
                    className="jw-reports-sheet"
                    style={{ width: paperW * scale, height: Math.max(0, box.height - 24) }}
                  >
                    <iframe
                      ref={iframeRef}
                      title={title(report)}
                      data-testid="report-preview"
                      // No scripts: the report is static HTML. Same origin only so the browser fallback can print it.
                      sandbox="allow-same-origin allow-modals"
                      srcDoc={html}
                      style={{
                        width: paperW,
                        height: Math.max(0, box.height - 24) / scale,
                        transform: `scale(${scale})`,
                        transformOrigin: '0 0',
                        opacity: rendering ? 0.5 : 1,
                      }}
                    />
                  </div>
                )}
              </div>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
