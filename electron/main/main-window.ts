/**
 * The one main window: secure webPreferences, the remembered size/position/maximized state, app:// entry.
 */
import path from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, saveWindowState, usableBounds, windowStateFile } from './window-state';

export function createMainWindow(opts: { preloadFile: string; iconFile?: string }): BrowserWindow {
  const stateFile = windowStateFile(app.getPath('userData'));
  const saved = loadWindowState(stateFile);
  const bounds = usableBounds(saved.bounds, screen.getAllDisplays().map((d) => d.workArea));

  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: '教务台账',
    icon: opts.iconFile,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: opts.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });

  // Remember the normal (un-maximized) bounds so a maximized window restores to the right size next time.
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  let timer: NodeJS.Timeout | undefined;
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** dist-electron/ holds main.cjs and preload.cjs; dist/renderer is its sibling's child in dev and packaged. */
export function shellPaths(): { preloadFile: string; rendererDir: string; iconFile?: string } {
  const appRoot = app.getAppPath();
  return {
    preloadFile: path.join(__dirname, 'preload.cjs'),
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    iconFile: app.isPackaged ? undefined : path.join(appRoot, 'resources', 'icon.png'),
  };
}
