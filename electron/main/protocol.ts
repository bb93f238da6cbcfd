/**
 * app://jiaowu/ serves the built renderer (dist/renderer) with a strict CSP header. Registered as a
 * privileged standard scheme before 'ready' so it gets an origin, fetch and localStorage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_CSP, APP_HOST, APP_SCHEME, mimeOf, resolveInside } from './app-url';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function respond(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': APP_CSP },
  });
}

/** Serves files from rendererDir; unknown paths without an extension fall back to index.html (SPA routes). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    let file = resolveInside(rendererDir, url.pathname);
    if (!file) return respond(403, 'Forbidden');
    let stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile() && !path.extname(file)) {
      file = path.join(rendererDir, 'index.html');
      stat = await fs.promises.stat(file).catch(() => null);
    }
    if (!stat?.isFile()) return respond(404, 'Not found');
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeOf(file),
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}
