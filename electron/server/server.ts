/**
 * Browser mode: the same handler registry as the Electron app, served over HTTP on 127.0.0.1 only, with a
 * random per-run token that every API request must carry. It also serves the built renderer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contract, type Method } from '../../shared/contract';
import { AppError, httpStatusOf } from '../../shared/errors';
import { Core } from '../core/app';
import { toAppError } from '../core/platform/errors';
import { CONTENT_SECURITY_POLICY, mimeOf } from '../core/platform/serving';
import type { PdfPort } from '../core/platform/report/pdf-port';
import { createChromiumPdfPort } from './pdf-chromium';

export interface ServerOptions {
  dataDir: string;
  port?: number;
  demo?: boolean;
  rendererDir?: string;
  /** PDF engine; by default Chromium through playwright-core. Pass null for none. */
  pdf?: PdfPort | null;
  noDailyBackup?: boolean;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  core: Core;
  close(): Promise<void>;
}

const MAX_BODY = 100 * 1024 * 1024;
/** The same CSP and file types as the Electron app (core/platform/serving.ts). */
export const CSP = CONTENT_SECURITY_POLICY;

/** Sent with every response: no token leaks through a Referer, no MIME sniffing, no framing by others. */
const BASE_HEADERS = { 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' } as const;

class HttpError extends Error {
  constructor(readonly status: number, readonly key: string) { super(key); }
}

export function defaultRendererDir(): string {
  const candidates = [path.resolve(__dirname, '../../dist/renderer'), path.resolve(__dirname, '../dist/renderer'), path.resolve(process.cwd(), 'dist/renderer')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[0];
}

async function defaultPdfPort(): Promise<PdfPort | null> {
  try {
    return createChromiumPdfPort(); // launches Chromium lazily, on the first PDF
  } catch (e) {
    console.warn('[server] PDF engine unavailable:', (e as Error).message);
    return null;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'fileTooLarge'));
        req.resume(); // drain quietly; the answer goes out before the rest arrives
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenOk(req: http.IncomingMessage, url: URL, token: string): boolean {
  const given = (req.headers['x-jiaowu-token'] as string | undefined) ?? url.searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function serveStatic(rendererDir: string, url: URL, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    throw new HttpError(400, 'badUrl'); // '/%', '/%c0%ae'...: not a path at all
  }
  if (rel.includes('\0')) throw new HttpError(400, 'badUrl');
  const full = path.resolve(rendererDir, '.' + rel);
  if (!full.startsWith(path.resolve(rendererDir) + path.sep)) throw new HttpError(403, 'forbidden');
  const file = fs.existsSync(full) && fs.statSync(full).isFile() ? full : path.join(rendererDir, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build:renderer / renderer not built');
    return;
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': mimeOf(file),
    'content-security-policy': CSP,
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * DNS rebinding: a page on another site whose name resolves to 127.0.0.1 reaches us with its own Host.
 * Only our own address and port are served; API calls that carry an Origin must come from our own page.
 */
function checkHostAndOrigin(req: http.IncomingMessage, port: number, isApi: boolean): void {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowed.includes(host)) throw new HttpError(403, 'forbiddenHost');
  const origin = req.headers.origin;
  if (isApi && origin !== undefined && !allowed.some((a) => origin.toLowerCase() === `http://${a}`)) throw new HttpError(403, 'forbiddenOrigin');
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const pdf = opts.pdf === undefined ? await defaultPdfPort() : opts.pdf;
  const core = await Core.open({ dataDir: opts.dataDir, pdf, noDailyBackup: opts.noDailyBackup });
  if (opts.demo && core.status().state === 'ok' && !core.status().hasSchool) await core.call('app/loadSample', {});
  const token = crypto.randomBytes(24).toString('hex');
  const rendererDir = opts.rendererDir ?? defaultRendererDir();

  let port = 0;
  const server = http.createServer((req, res) => {
    // No request may end the process: whatever a handler throws becomes an HTTP answer.
    handle(req, res).catch((e) => {
      if (res.headersSent) { res.destroy(); return; }
      if (e instanceof HttpError) return sendJson(res, e.status, { ok: false, error: { code: 'VALIDATION', key: e.key } });
      const err = toAppError(e);
      sendJson(res, httpStatusOf[err.code] ?? 500, { ok: false, error: err.toJSON() });
    });
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      throw new HttpError(400, 'badUrl');
    }
    const isApi = url.pathname.startsWith('/api/');
    checkHostAndOrigin(req, port, isApi);
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', key: 'invalid' } });
      return serveStatic(rendererDir, url, res);
    }
    if (!tokenOk(req, url, token)) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', key: 'unauthorized' } });
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', key: 'invalid' } });
    const method = url.pathname.slice('/api/'.length) as Method;
    if (!Object.prototype.hasOwnProperty.call(contract, method)) {
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', key: 'unknownMethod', params: { method } } });
    }
    try {
      const raw = await readBody(req);
      let input: unknown = {};
      try {
        input = raw ? JSON.parse(raw) : {};
      } catch {
        throw new AppError('VALIDATION', 'invalidJson');
      }
      const data = await core.call(method, input);
      sendJson(res, 200, { ok: true, data });
    } catch (e) {
      if (e instanceof HttpError) throw e;
      const err = toAppError(e);
      sendJson(res, httpStatusOf[err.code], { ok: false, error: err.toJSON() });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    core,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
      await core.close();
    },
  };
}
