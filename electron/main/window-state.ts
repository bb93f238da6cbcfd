/**
 * The main window's size, position and maximized flag, kept in window-state.json in userData.
 * Plain Node (no 'electron' import): the shell passes the displays' work areas in.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds?: Rect; maximized: boolean }

export const DEFAULT_SIZE = { width: 1366, height: 860 };
export const MIN_SIZE = { width: 1024, height: 640 };

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

function isRect(r: unknown): r is Rect {
  const o = r as Rect;
  return !!o && [o.x, o.y, o.width, o.height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Reads the saved state; anything missing or unreadable gives the default (centred, not maximized). */
export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
    return { bounds: isRect(raw.bounds) ? raw.bounds : undefined, maximized: raw.maximized === true };
  } catch {
    return { maximized: false };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(state, null, 2));
  } catch {
    /* not worth failing the app over */
  }
}

/**
 * The bounds to open with: the saved ones if they are big enough and at least 100x50 px of the title area
 * lies on a present display (a monitor may have been unplugged), else undefined (default size, centred).
 */
export function usableBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect | undefined {
  if (!saved) return undefined;
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  const titleBar: Rect = { x: saved.x, y: saved.y, width, height: 50 };
  const visible = workAreas.some((a) => {
    const w = Math.min(titleBar.x + titleBar.width, a.x + a.width) - Math.max(titleBar.x, a.x);
    const h = Math.min(titleBar.y + titleBar.height, a.y + a.height) - Math.max(titleBar.y, a.y);
    return w >= 100 && h >= 20;
  });
  return visible ? { x: saved.x, y: saved.y, width, height } : undefined;
}
