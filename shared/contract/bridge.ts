/** The one narrow object the Electron preload exposes as window.jiaowu (placeholder; the shell engineer owns it). */
import type { FilePayload } from './index';

export interface JiaowuBridge {
  isElectron: true;
  call(method: string, input: unknown): Promise<unknown>;
  saveFile(file: FilePayload): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  printHtml(html: string, opts: { paper: 'A4' | 'A3'; landscape: boolean }): Promise<boolean>;
  openPath(p: string): Promise<void>;
}
