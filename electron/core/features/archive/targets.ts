/**
 * Where an archive can go. On Windows: the drive letters of removable drives (USB sticks), with label and
 * free space, read through PowerShell (wmic is gone from Windows 11). Elsewhere: the usual mount folders of
 * removable media; the page also takes any folder the user chooses.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveTarget, ArchiveTargets } from '../../../../shared/contract';

/** Win32_LogicalDisk.DriveType: 2 removable (USB sticks, card readers), 3 local fixed disk. */
export type WindowsDriveType = 2 | 3;

/**
 * PowerShell's JSON of Win32_LogicalDisk rows as targets: one row comes as an object, several as an array;
 * drives without a medium (an empty card reader) have no size and are left out. Anything unreadable: none.
 */
export function parseWindowsDrives(stdout: string): ArchiveTarget[] {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (!text) return [];
  try {
    const raw = JSON.parse(text) as unknown;
    const list = (Array.isArray(raw) ? raw : [raw]) as { DeviceID?: string; VolumeName?: string | null; FreeSpace?: number | null; Size?: number | null }[];
    return list.filter((d) => d && typeof d.DeviceID === 'string' && d.Size).map((d) => ({
      path: `${d.DeviceID}\\`, label: d.VolumeName || 'U 盘', freeBytes: Number(d.FreeSpace ?? 0), totalBytes: Number(d.Size ?? 0), removable: true,
    }));
  } catch {
    return [];
  }
}

/**
 * Runs a PowerShell command and returns what it printed, '' if it failed. Windows PowerShell writes to a pipe in
 * the console's code page (GBK on a Chinese PC), so a volume named 教务资料 would arrive garbled: UTF-8 is asked
 * for first.
 */
export function powerShell(command: string, timeoutMs = 8000): Promise<string> {
  // UTF-8 without a byte-order mark (.NET's Encoding.UTF8 would put one before the output).
  const script = `[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; ${command}`;
  return new Promise((resolve) => {
    execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' }, (err, stdout) => {
      resolve(err ? '' : stdout.replace(/^\uFEFF/, ''));
    });
  });
}

/** The drives of one type, read through PowerShell (wmic is gone from Windows 11); [] if that fails. */
export async function windowsDrives(driveType: WindowsDriveType = 2): Promise<ArchiveTarget[]> {
  const out = await powerShell(`Get-CimInstance Win32_LogicalDisk -Filter "DriveType=${driveType}" | Select-Object DeviceID,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress`);
  return parseWindowsDrives(out).map((d) => ({ ...d, removable: driveType === 2 }));
}

function mountedFolders(): ArchiveTarget[] {
  const user = os.userInfo().username;
  const roots = process.platform === 'darwin' ? ['/Volumes'] : [`/media/${user}`, `/run/media/${user}`, '/media'];
  const out: ArchiveTarget[] = [];
  for (const root of roots) {
    let names: string[] = [];
    try { names = fs.readdirSync(root); } catch { continue; }
    for (const n of names) {
      const p = path.join(root, n);
      try {
        if (!fs.statSync(p).isDirectory() || out.some((t) => t.path === p)) continue;
        const s = fs.statfsSync(p);
        out.push({ path: p, label: n, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize, removable: true });
      } catch { /* not mounted or not readable */ }
    }
  }
  return out;
}

export async function archiveTargets(): Promise<ArchiveTargets> {
  return { platform: process.platform, drives: process.platform === 'win32' ? await windowsDrives() : mountedFolders() };
}
