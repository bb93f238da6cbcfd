/**
 * Electron main entry: single instance, security rules, app:// protocol, the core on the school's data
 * folder, IPC, the Chinese menu and the main window. Each concern lives in its own small module.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { APP_VERSION, Core } from '../core/app';
import { toAppError } from '../core/platform/errors';
import { resolveDataDir } from './args';
import { registerIpc } from './ipc';
import { createMainWindow, shellPaths } from './main-window';
import { buildAppMenu } from './menu';
import { createElectronPdfPort } from './pdf-electron';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, installSecurityRules } from './security';

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, app.getPath('appData'));
  const paths = shellPaths();
  hardenSession();
  handleAppProtocol(paths.rendererDir);

  try {
    core = await Core.open({ dataDir, pdf: createElectronPdfPort() });
  } catch (e) {
    const err = toAppError(e);
    if (err.code === 'DB_LOCKED') {
      dialog.showErrorBox(
        '教务台账已在使用这个数据文件夹',
        `数据文件夹“${dataDir}”正被另一个教务台账（或浏览器模式）使用。\n请先关闭另一个窗口，再重新打开教务台账。`,
      );
    } else {
      dialog.showErrorBox('教务台账无法启动', `打开数据文件夹“${dataDir}”时出错：\n${err.message}`);
    }
    app.exit(1);
    return;
  }

  registerIpc(core);
  Menu.setApplicationMenu(buildAppMenu({ dataDir, appVersion: APP_VERSION, mainWindow: () => mainWindow }));
  mainWindow = createMainWindow(paths);
  mainWindow.on('closed', () => { mainWindow = null; });
}

// Close the core (checkpoint the WAL, release the folder lock) before the process ends.
let closing = false;
function closeCoreThenQuit(event: Electron.Event): void {
  if (!core || closing) return;
  event.preventDefault();
  closing = true;
  const c = core;
  core = null;
  void c.close().catch((e) => console.error('[main] closing the core failed:', e)).finally(() => app.quit());
}

registerAppScheme(); // before 'ready'
if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance gets 'second-instance' and comes to the front
} else {
  if (process.platform === 'win32') app.setAppUserModelId('cn.jiaowudesk.app');
  installSecurityRules();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit()); // one window: closing it ends the app, on macOS too
  app.on('will-quit', closeCoreThenQuit);
  app.whenReady().then(start).catch((e) => {
    dialog.showErrorBox('教务台账无法启动', String((e as Error)?.stack ?? e));
    app.exit(1);
  });
}
