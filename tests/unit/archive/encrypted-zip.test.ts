/**
 * The encrypted archive: an AES-256 zip that 7-Zip (Debian's 7zip, `7zz`) opens with the password, with the
 * Chinese names intact and the bytes identical, and refuses without it; the app's own reader says a wrong
 * password on the password field; a weak password is refused and the strength hint grades it.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { passwordStrength, readEncryptedZip, writeEncryptedZip } from '../../../electron/core/platform/archive/encrypted-zip';
import { toolsOk } from '../../helpers/system-tools';

const canRun7zip = toolsOk('tests/unit/archive/encrypted-zip.test.ts', ['7zz'], 'the zip is written and read back by our reader, the 7-Zip checks are skipped');

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-zip-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'Jiaowu-2026-档案';

it('7-Zip opens it with the password, names and bytes intact, and refuses it without', async () => {
  const big = path.join(dir, 'scan.bin');
  fs.writeFileSync(big, crypto.randomBytes(2 * 1024 * 1024 + 3));
  const zip = path.join(dir, '迎检资料 2026.zip');
  const r = await writeEncryptedZip(zip, [
    { path: '指标7 课程开齐开足/课程开设情况统计表.pdf', source: Buffer.from('%PDF-1.4 报表') },
    { path: '原始材料/课表 七年级(1)班.bin', source: big },
  ], PASSWORD);
  expect(r.files).toBe(2);
  expect(fs.existsSync(`${zip}.part`)).toBe(false);
  if (canRun7zip) check7zip(zip, big);
  await expect(readEncryptedZip(zip, 'wrong-password')).rejects.toMatchObject({ key: 'archiveBadPassword' });
  const read = await readEncryptedZip(zip, PASSWORD);
  expect([...read.keys()]).toEqual(['指标7 课程开齐开足/课程开设情况统计表.pdf', '原始材料/课表 七年级(1)班.bin']);
  expect(read.get('原始材料/课表 七年级(1)班.bin')).toBe(crypto.createHash('sha256').update(fs.readFileSync(big)).digest('hex'));
}, 60_000);

/** 7-Zip extracts it with the password (names and bytes intact), names AES-256, and refuses a wrong password. */
function check7zip(zip: string, big: string): void {
  const out = path.join(dir, 'out');
  const ok = spawnSync('7zz', ['x', `-p${PASSWORD}`, `-o${out}`, zip], { encoding: 'utf8' });
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  expect(fs.readFileSync(path.join(out, '指标7 课程开齐开足', '课程开设情况统计表.pdf'), 'utf8')).toBe('%PDF-1.4 报表');
  expect(fs.readFileSync(path.join(out, '原始材料', '课表 七年级(1)班.bin')).equals(fs.readFileSync(big))).toBe(true);
  // 7-Zip says the method: AES-256.
  const list = spawnSync('7zz', ['l', '-slt', `-p${PASSWORD}`, zip], { encoding: 'utf8' });
  expect(list.stdout).toMatch(/Method = .*AES-256/);
  const wrong = spawnSync('7zz', ['t', '-pwrong-password', zip], { encoding: 'utf8' });
  expect(wrong.status).not.toBe(0);
}

it('refuses a short password and grades the strength', async () => {
  await expect(writeEncryptedZip(path.join(dir, 'a.zip'), [{ path: 'a.txt', source: Buffer.from('x') }], '1234567')).rejects.toMatchObject({ key: 'archivePasswordShort' });
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(['12345678', 'abcd1234', 'Abcd-1234-xyz'].map(passwordStrength)).toEqual(['weak', 'fair', 'strong']);
});
