/** Packaging flips Electron's fuses (issue 8, item 2). Packaging itself needs Electron's binary and a network. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const require = createRequire(import.meta.url);
const afterPack = require('../../../scripts/after-pack.cjs');

describe('afterPack fuses', () => {
  it('is wired into electron-builder.yml', () => {
    expect(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
  });

  it('flips RunAsNode, NODE_OPTIONS and --inspect off and asar integrity/asar-only on, on the packed exe', async () => {
    const flipFuses = vi.fn(async () => 0);
    const context = { appOutDir: 'C:\\release\\win-unpacked', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'JiaowuDesk' } } };
    await afterPack(context, { flipFuses, FuseVersion, FuseV1Options });
    expect(flipFuses).toHaveBeenCalledTimes(1);
    const [exe, config] = flipFuses.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(exe).toBe(path.join('C:\\release\\win-unpacked', 'JiaowuDesk.exe'));
    expect(config).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});
