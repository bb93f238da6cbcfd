/**
 * The Chinese application menu: 文件 / 编辑 / 视图 / 窗口 / 帮助.
 * Commands the page must carry out (printing the open preview) are sent to the renderer.
 */
import path from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { BRIDGE_CHANNELS, type MenuCommand } from '../../shared/contract/bridge';

export interface MenuDeps {
  dataDir: string;
  appVersion: string;
  mainWindow(): BrowserWindow | null;
}

export function buildAppMenu(deps: MenuDeps): Menu {
  const send = (cmd: MenuCommand) => deps.mainWindow()?.webContents.send(BRIDGE_CHANNELS.menu, cmd);
  const dev = !app.isPackaged;
  const about = () => {
    const win = deps.mainWindow();
    const options = {
      type: 'info' as const,
      title: '关于教务台账',
      message: `教务台账 Jiaowu Desk ${deps.appVersion}`,
      detail: `中小学教务处的台账与报表工具。\n数据文件夹：${deps.dataDir}`,
      buttons: ['确定'],
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => send('print') },
        { label: '立即备份', click: () => send('backupNow') },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => void shell.openPath(deps.dataDir) },
        { label: '打开备份文件夹', click: () => void shell.openPath(path.join(deps.dataDir, 'backups')) },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(dev ? [{ type: 'separator' as const }, { label: '开发者工具', role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '窗口(&W)',
      submenu: [
        { label: '最小化', role: 'minimize' },
        { label: '最大化', click: () => { const w = deps.mainWindow(); if (w) { if (w.isMaximized()) w.unmaximize(); else w.maximize(); } } },
        { label: '关闭', role: 'close' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '数据存放位置', click: () => void shell.openPath(deps.dataDir) },
        { type: 'separator' },
        { label: '关于教务台账', click: about },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
