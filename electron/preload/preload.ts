/**
 * The preload (sandboxed, context-isolated): exposes exactly one narrow object, window.jiaowu.
 * No generic invoke(channel): each function maps to one fixed channel, and contract calls are checked
 * against the contract's method list before they cross the bridge (main checks again).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS } from '../../shared/contract';
import { BRIDGE_CHANNELS, MENU_COMMANDS, type BridgeResult, type JiaowuBridge, type MenuCommand } from '../../shared/contract/bridge';

const METHOD_SET: ReadonlySet<string> = new Set<string>(METHODS);
const MENU_SET: ReadonlySet<string> = new Set<string>(MENU_COMMANDS);

const bridge: JiaowuBridge = {
  isElectron: true,
  call(method, input) {
    if (typeof method !== 'string' || !METHOD_SET.has(method)) {
      const refused: BridgeResult<never> = { ok: false, error: { code: 'NOT_FOUND', key: 'unknownMethod', params: { method: String(method) } } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(BRIDGE_CHANNELS.call, method, input);
  },
  saveFile: (file) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, { fileName: file.fileName, dataBase64: file.dataBase64, mime: file.mime }),
  chooseFolder: () => ipcRenderer.invoke(BRIDGE_CHANNELS.chooseFolder),
  printHtml: (html, opts) => ipcRenderer.invoke(BRIDGE_CHANNELS.printHtml, html, { paper: opts.paper, landscape: opts.landscape }),
  openPath: (p) => ipcRenderer.invoke(BRIDGE_CHANNELS.openPath, p),
  onMenuCommand(listener) {
    // The listener never sees the IPC event (it would expose ipcRenderer's sender to the page).
    const wrapped = (_event: unknown, cmd: unknown) => {
      if (typeof cmd === 'string' && MENU_SET.has(cmd)) listener(cmd as MenuCommand);
    };
    ipcRenderer.on(BRIDGE_CHANNELS.menu, wrapped);
    return () => { ipcRenderer.removeListener(BRIDGE_CHANNELS.menu, wrapped); };
  },
};

contextBridge.exposeInMainWorld('jiaowu', bridge);
