/**
 * The one narrow object the Electron preload exposes as `window.jiaowu`, and the IPC channel names behind it.
 * The renderer's api client uses this type; browser mode has no bridge (HTTP instead).
 */
import type { AppErrorShape } from '../errors';
import type { FilePayload, Input, Method, Output } from './index';

/** What a contract call returns over IPC (the same shape browser mode's HTTP API returns). */
export type BridgeResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

export interface PrintHtmlOptions { paper: 'A4' | 'A3'; landscape: boolean }

/** Commands the application menu sends to the renderer (e.g. 文件 > 打印… while a preview is open). */
export const MENU_COMMANDS = ['print', 'backupNow'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface JiaowuBridge {
  isElectron: true;
  /** A contract call; unknown methods are refused before anything crosses the bridge. */
  call<M extends Method>(method: M, input: Input<M>): Promise<BridgeResult<Output<M>>>;
  /** Save dialog, then writes the file. The chosen path, or null if cancelled. */
  saveFile(file: Pick<FilePayload, 'fileName' | 'dataBase64'> & { mime?: string }): Promise<string | null>;
  /** Folder picker (e.g. for a manual backup). The chosen folder, or null if cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Prints an HTML document (a report preview) through the system print dialog. False if cancelled/failed. */
  printHtml(html: string, opts: PrintHtmlOptions): Promise<boolean>;
  /** Opens a folder, or a document (PDF, Excel, Word, CSV, text), with the operating system. */
  openPath(p: string): Promise<boolean>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}

/** IPC channel names shared by electron/main and electron/preload. */
export const BRIDGE_CHANNELS = {
  call: 'jiaowu:call',
  saveFile: 'jiaowu:saveFile',
  chooseFolder: 'jiaowu:chooseFolder',
  printHtml: 'jiaowu:printHtml',
  openPath: 'jiaowu:openPath',
  menu: 'jiaowu:menu',
} as const;
