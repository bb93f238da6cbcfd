/**
 * Command-line handling for the Electron shell. Plain Node (no 'electron' import) so it can be unit-tested.
 */
import path from 'node:path';

export const DATA_FOLDER_NAME = 'JiaowuDesk';

/**
 * The value of `--data-dir DIR` or `--data-dir=DIR` anywhere in argv, resolved to an absolute path; null if
 * absent. Electron puts its own arguments ('.', Chromium switches) in argv too, so unknown ones are ignored.
 */
export function dataDirArg(argv: readonly string[], cwd = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--data-dir=')) return path.resolve(cwd, a.slice('--data-dir='.length));
    if (a === '--data-dir' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) return path.resolve(cwd, argv[i + 1]);
  }
  return null;
}

/** The school's data folder: --data-dir if given, else <appData>/JiaowuDesk (%APPDATA%\JiaowuDesk on Windows). */
export function resolveDataDir(argv: readonly string[], appDataDir: string, cwd = process.cwd()): string {
  return dataDirArg(argv, cwd) ?? path.join(appDataDir, DATA_FOLDER_NAME);
}
