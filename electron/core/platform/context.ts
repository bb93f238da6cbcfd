/** What every handler gets: the open database, the data folder, the clock, the audit writer and the ports. */
import type Database from 'better-sqlite3';
import type { AppStatus, ReportInfo } from '../../../shared/contract';
import type { AuditWriter } from './audit';
import type { PdfOptions, PdfPort } from './report/pdf-port';

export interface CoreContext {
  db: Database.Database;
  dataDir: string;
  now: () => Date;
  /** Operator name for the audit log ('未署名' until the user gives one). */
  operator: () => string;
  audit: AuditWriter;
  pdf: PdfPort | null;
  /** Every feature's printouts (folded from the features list). */
  reports: Reports;
  /** Setting table access (operator, current term, ...). */
  getSetting(key: string): string | null;
  setSetting(key: string, value: string | null): void;
  /** The app status as 'app/status' returns it (after a change that affects it). */
  status(): AppStatus;
  /** Takes an automatic backup of the given kind (used before imports and restores). */
  backup(kind: 'pre-import' | 'pre-restore' | 'pre-rollover' | 'daily' | 'pre-migration'): Promise<string>;
}

/**
 * The report catalogue as a handler sees it (implemented by report/catalogue.ts ReportCatalogue, folded from
 * the features): list, render to HTML, print to PDF.
 */
export interface Reports {
  list(): ReportInfo[];
  find(id: string): { info: ReportInfo };
  /** The HTML, with its page setup and file name (a dossier prints it without the footer; an archive names the file). */
  render(ctx: CoreContext, id: string, params: unknown): { html: string; title: string; pdf: PdfOptions; fileBase: string };
  pdf(ctx: CoreContext, id: string, params: unknown): Promise<{ bytes: Uint8Array; pages: number; fileName: string; title: string }>;
}

