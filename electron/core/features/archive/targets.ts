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

function windowsDrives(): Promise<ArchiveTarget[]> {
  const script = 'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress';
  return new Promise((resolve) => {
    execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeout: 8000, windowsHide: true }, (err, stdout) => {
      if (err || !stdout.trim()) return resolve([]);
      try {
        const raw = JSON.parse(stdout) as unknown;
        const list = (Array.isArray(raw) ? raw : [raw]) as { DeviceID: string; VolumeName: string | null; FreeSpace: number | null; Size: number | null }[];
        resolve(list.filter((d) => d.Size).map((d) => ({
          path: `${d.DeviceID}\\`, label: d.VolumeName || 'U 盘', freeBytes: Number(d.FreeSpace ?? 0), totalBytes: Number(d.Size ?? 0), removable: true,
        })));
      } catch {
        resolve([]);
      }
    });
  });
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
