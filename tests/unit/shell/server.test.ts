import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/server/cli';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { tempDir } from '../../helpers/core';

const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function start(dataDir: string): Promise<RunningServer> {
  const s = await startServer({ dataDir, pdf: null, noDailyBackup: true, rendererDir: tempDir() });
  running.push(s);
  return s;
}

async function post(s: RunningServer, method: string, body: unknown, token: string | null = s.token) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-jiaowu-token': token }) },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON, checked field by field below
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a random token and refuses API calls without it', async () => {
    const s = await start(tempDir());
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect((await post(s, 'app/status', {}, null)).status).toBe(401);
    expect((await post(s, 'app/status', {}, 'wrong-token-'.padEnd(48, 'x'))).status).toBe(401);
    const ok = await post(s, 'app/status', {});
    expect(ok.status).toBe(200);
    expect(ok.json.data.state).toBe('ok');
    const s2 = await start(tempDir());
    expect(s2.token).not.toBe(s.token);
  });

  it('answers unknown methods and bad input with typed errors', async () => {
    const s = await start(tempDir());
    expect((await post(s, 'no/such', {})).json.error.key).toBe('unknownMethod');
    const bad = await post(s, 'app/setOperator', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['name'], key: 'required' }] });
  });

  it('works end to end in a data folder whose path has Chinese characters and spaces', async () => {
    const dir = path.join(tempDir(), '教务 数据');
    const s = await start(dir);
    await post(s, 'app/setOperator', { name: '教务干事' });
    const st = await post(s, 'app/createSchool', { name: '城关镇中心小学', type: '小学' });
    expect(st.json.data.hasSchool).toBe(true);
    const t = await post(s, 'teachers/save', { name: '陈老师' });
    expect(t.json.ok).toBe(true);
    const b = await post(s, 'backup/create', {});
    expect(b.json.ok).toBe(true);
    expect(fs.existsSync(path.join(dir, 'jiaowu.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'backups', b.json.data.file))).toBe(true);
    await s.close();
    running.pop();
    const s2 = await start(dir);
    expect((await post(s2, 'teachers/list', {})).json.data.map((x: { name: string }) => x.name)).toEqual(['陈老师']);
  });

  it('parses the command line', () => {
    expect(parseArgs(['--data-dir', '/tmp/x', '--port', '4000', '--demo'])).toEqual({ dataDir: path.resolve('/tmp/x'), port: 4000, demo: true });
    expect(() => parseArgs(['--port', 'abc'])).toThrow();
    expect(() => parseArgs(['--bogus'])).toThrow();
  });
});
