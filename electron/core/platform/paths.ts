import os from 'node:os';
import path from 'node:path';

/** The default data folder: %APPDATA%\JiaowuDesk on Windows, ~/.config/JiaowuDesk (or XDG) elsewhere. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'JiaowuDesk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'JiaowuDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'JiaowuDesk');
}
