/**
 * Browser mode against hostile requests (issue 8, item 2): nothing ends the process, DNS-rebinding Hosts and
 * foreign Origins are refused, and every answer carries Referrer-Policy: no-referrer.
 */
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { tempDir } from '../../helpers/core';

let s: RunningServer;
beforeAll(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>教务台账</title>');
  s = await startServer({ dataDir: tempDir(), pdf: null, noDailyBackup: true, rendererDir });
});
afterAll(async () => { await s.close(); });

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Sends raw bytes (what an HTTP client library would refuse to send) and returns the status line. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.connect(s.port, '127.0.0.1', () => sock.write(bytes));
    let got = '';
    sock.on('data', (d) => { got += d; });
    sock.on('close', () => resolve(got.split('\r\n')[0]));
    sock.on('error', () => resolve(got.split('\r\n')[0]));
    setTimeout(() => sock.destroy(), 2000);
  });
}

const api = (method: string, headers: Record<string, string> = {}, body = '{}') => request({
  path: `/api/${method}`, method: 'POST', body, headers: { 'content-type': 'application/json', 'x-jiaowu-token': s.token, ...headers },
});

async function stillServing() {
  const r = await api('app/status');
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body).data.state).toBe('ok');
}

describe('hostile requests', () => {
  it('malformed URLs get 400 and the server keeps answering', async () => {
    for (const p of ['/%', '/%c0%ae%c0%ae/', '/%u002e', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/a%00b']) {
      const r = await request({ path: p });
      expect([400, 403, 200], p).toContain(r.status);
      if (p === '/%' || p === '/%u002e' || p === '/a%00b') expect(r.status, p).toBe(400);
      await stillServing();
    }
    expect(await raw(`GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('path traversal never leaves the renderer folder', async () => {
    const r = await request({ path: '/..%2f..%2f..%2fetc%2fpasswd' });
    expect(r.body).not.toContain('root:');
    expect(r.status).toBe(403);
  });

  it('bad JSON is a typed 400, a huge body a 413', async () => {
    const bad = await api('app/status', {}, '{"x": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.key).toBe('invalidJson');
    const huge = await api('app/status', {}, 'x'.repeat(101 * 1024 * 1024)).catch(() => ({ status: 413, headers: {}, body: '' }));
    expect(huge.status).toBe(413);
    await stillServing();
  }, 30_000);

  it('refuses other Host headers (DNS rebinding) and foreign Origins', async () => {
    expect((await request({ path: '/', headers: { host: 'evil.example:' + s.port } })).status).toBe(403);
    expect((await request({ path: '/', headers: { host: '127.0.0.1:1' } })).status).toBe(403);
    expect((await api('app/status', { host: 'attacker.test' })).status).toBe(403);
    expect((await api('app/status', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app/status', { origin: `http://localhost:${s.port}` })).status).toBe(200);
    expect((await api('app/status', { origin: `http://127.0.0.1:${s.port}`, host: `localhost:${s.port}` })).status).toBe(200);
  });

  it('sends Referrer-Policy: no-referrer and a CSP that forbids framing by others', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect((await api('app/status')).headers['referrer-policy']).toBe('no-referrer');
  });
});
