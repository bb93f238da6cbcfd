/**
 * The one API client of the renderer. Two transports with one interface: the Electron preload bridge
 * (window.jiaowu) or HTTP to browser mode's loopback server with the per-run token. Pages never know which.
 */
import type { FilePayload, Input, Method, Output } from '../../../shared/contract';
import type { JiaowuBridge } from '../../../shared/contract/bridge';
import type { AppErrorShape, ErrorCode, FieldIssue } from '../../../shared/errors';

declare global {
  interface Window { jiaowu?: JiaowuBridge }
}

/** An error from the core, with a message key the UI translates (errors.<key>). */
export class ApiError extends Error implements AppErrorShape {
  code: ErrorCode;
  key: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  constructor(e: AppErrorShape) {
    super(e.key);
    this.code = e.code;
    this.key = e.key;
    this.params = e.params;
    this.issues = e.issues;
  }
}

type Wire<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

const TOKEN_KEY = 'jiaowu.token';
function token(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // Keep the token out of the address bar, history and screenshots: this tab keeps it in sessionStorage.
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', window.location.pathname + (rest ? `?${rest}` : '') + window.location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function httpCall<T>(method: string, input: unknown): Promise<Wire<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jiaowu-token': token() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'IO', key: 'serverUnreachable' } };
  }
  try {
    return (await res.json()) as Wire<T>;
  } catch {
    return { ok: false, error: { code: res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', key: res.status === 401 ? 'unauthorized' : 'internal' } };
  }
}

export const isElectron = typeof window !== 'undefined' && !!window.jiaowu?.isElectron;

export const api = {
  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = (isElectron ? await window.jiaowu!.call(method, input) : await httpCall<Output<M>>(method, input)) as Wire<Output<M>>;
    if (!r.ok) throw new ApiError(r.error);
    return r.data;
  },
};

/** Saves an exported file: a save dialog in Electron, a download in the browser. Returns false if cancelled. */
export async function saveFile(file: FilePayload): Promise<boolean> {
  if (isElectron) return (await window.jiaowu!.saveFile(file)) !== null;
  const bin = atob(file.dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Reads a File the user picked into the upload shape of the contract. */
export async function readUpload(f: File): Promise<{ fileName: string; dataBase64: string }> {
  const buf = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { fileName: f.name, dataBase64: btoa(bin) };
}

// Browser mode: take the token out of the address bar as soon as the app loads, before any call.
if (typeof window !== 'undefined' && !window.jiaowu?.isElectron) token();
