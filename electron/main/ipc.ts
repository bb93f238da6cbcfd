/**
 * The IPC surface: one handler for every contract call plus a few narrow shell services (save, choose a
 * folder, print, open). Every handler first checks that the sender is our app:// page; every input is
 * validated with zod before use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { BRIDGE_CHANNELS } from '../../shared/contract/bridge';
import { AppError } from '../../shared/errors';
import { isAppUrl } from './app-url';
import { dispatchCall, type CallTarget } from './dispatch';
import { printHtml } from './print-window';
import { isOpenablePath, safeFileName, saveFilters } from './shell-files';

const SaveFileInput = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(80_000_000),
  mime: z.string().optional(),
});
const PrintInput = z.object({ paper: z.enum(['A4', 'A3']), landscape: z.boolean() });
const HtmlInput = z.string().max(60_000_000);
const PathInput = z.string().min(1).max(4096);

function trusted(e: IpcMainInvokeEvent): boolean {
  return isAppUrl(e.senderFrame?.url);
}

function ownerWindow(e: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(e.sender);
}

/** Wraps a shell handler: untrusted senders and invalid input are refused with an error. */
function handle(channel: string, fn: (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
  ipcMain.handle(channel, async (e, ...args: unknown[]) => {
    if (!trusted(e)) throw new Error('refused: not the app page');
    return fn(e, ...args);
  });
}

export function registerIpc(core: CallTarget): void {
  ipcMain.handle(BRIDGE_CHANNELS.call, async (e, method: unknown, input: unknown) => {
    if (!trusted(e)) return { ok: false, error: new AppError('UNAUTHORIZED', 'unauthorized').toJSON() };
    return dispatchCall(core, method, input);
  });

  let lastSaveDir = app.getPath('documents');
  handle(BRIDGE_CHANNELS.saveFile, async (e, raw) => {
    const file = SaveFileInput.parse(raw);
    const name = safeFileName(file.fileName);
    const win = ownerWindow(e);
    const options = { title: '保存文件', defaultPath: path.join(lastSaveDir, name), filters: saveFilters(name) };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return null;
    await fs.promises.writeFile(r.filePath, Buffer.from(file.dataBase64, 'base64'));
    lastSaveDir = path.dirname(r.filePath);
    return r.filePath;
  });

  handle(BRIDGE_CHANNELS.chooseFolder, async (e) => {
    const win = ownerWindow(e);
    const options = { title: '选择文件夹', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  });

  handle(BRIDGE_CHANNELS.printHtml, async (_e, html, opts) => printHtml(HtmlInput.parse(html), PrintInput.parse(opts)));

  handle(BRIDGE_CHANNELS.openPath, async (_e, raw) => {
    const p = PathInput.parse(raw);
    if (!isOpenablePath(p)) return false;
    return (await shell.openPath(p)) === ''; // openPath resolves to an error message, '' on success
  });
}
