/**
 * The programs outside Node that tests use to read what the app wrote, as a user's reader would: poppler
 * (pdftotext, pdfinfo, pdftoppm), LibreOffice (soffice), FET (fet-cl and its example files), 7-Zip (7zz),
 * python3 (the BagIt reference validator) and unzip. On Debian they come from scripts/system-packages.txt.
 *
 * On Linux they are required: `toolsOk` answers true whether or not they are there, so a missing tool fails its
 * test loudly (CI must never pass by skipping). Elsewhere (the Windows workflow) a missing tool makes the parts
 * that need it skip, with one `[skip]` line per test file naming the tools and the package that brings them.
 * Chromium is not listed: PDFs are printed by the Chromium port, which finds Chrome or Edge on Windows.
 *
 * JIAOWU_ALLOW_TOOL_SKIP=1 allows skipping on Linux too. JIAOWU_PRETEND_MISSING_TOOLS=pdftotext,soffice treats
 * the listed tools as missing, only to try the skip path on a machine that has them (on Linux together with
 * JIAOWU_ALLOW_TOOL_SKIP=1, else the tests still run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const FET_EXAMPLES = '/usr/share/doc/fet-data/examples';

const PACKAGES = {
  pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils', pdftoppm: 'poppler-utils',
  soffice: 'LibreOffice', 'fet-cl': 'fet', 'fet-data': 'fet-data', '7zz': '7zip', python3: 'python3', unzip: 'unzip',
} as const;
export type SystemTool = keyof typeof PACKAGES;

const found = new Map<SystemTool, boolean>();

function pretendMissing(): Set<string> {
  return new Set((process.env.JIAOWU_PRETEND_MISSING_TOOLS ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/** Whether the tool is installed (answered from PATH; the FET examples from their folder). */
export function hasTool(tool: SystemTool): boolean {
  if (pretendMissing().has(tool)) return false;
  let yes = found.get(tool);
  if (yes === undefined) {
    if (tool === 'fet-data') yes = fs.existsSync(FET_EXAMPLES);
    // `where python3` can find the Microsoft Store's stand-in, which only opens the Store: ask for a version.
    else if (process.platform === 'win32' && tool === 'python3') yes = spawnSync('python3', ['--version'], { stdio: 'ignore', windowsHide: true }).status === 0;
    else if (process.platform === 'win32') yes = spawnSync('where', [tool], { stdio: 'ignore', windowsHide: true }).status === 0;
    else yes = spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    found.set(tool, yes);
  }
  return yes;
}

/** Per test file, the missing tools and what skips for them, printed as one line once the file has asked. */
const pending = new Map<string, { tools: Set<SystemTool>; what: Set<string> }>();
const told = new Set<string>();

function tell(file: string): void {
  const p = pending.get(file);
  if (!p || told.has(file)) return;
  told.add(file);
  const tools = [...p.tools];
  const pkgs = [...new Set(tools.map((t) => PACKAGES[t]))].join(', ');
  console.log(`[skip] ${file}: needs ${tools.join(', ')} (${pkgs}), not found on ${process.platform}: ${[...p.what].join('; ')}`);
}

/**
 * True when the parts of `testFile` that need `tools` can run. False only off Linux (or with
 * JIAOWU_ALLOW_TOOL_SKIP=1) when some are missing; the file then prints one line for all its calls:
 * `[skip] tests/unit/x.test.ts: needs pdftotext, soffice (poppler-utils, LibreOffice), not found on win32: …`.
 * `what` says which parts skip (default: the checks that read files back with them).
 */
export function toolsOk(testFile: string, tools: SystemTool[], what = 'the checks that use them are skipped'): boolean {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) return true;
  const mayFail = process.platform === 'linux' && process.env.JIAOWU_ALLOW_TOOL_SKIP !== '1';
  if (mayFail) return true; // let the test run and fail: Linux machines install these (scripts/ensure-deps.mjs)
  // Playwright loads each spec in its runner and again in a worker (TEST_WORKER_INDEX set): the runner says it.
  if (process.env.TEST_WORKER_INDEX !== undefined) return false;
  const file = path.relative(process.cwd(), testFile).split(path.sep).join('/');
  let p = pending.get(file);
  if (!p) {
    pending.set(file, (p = { tools: new Set(), what: new Set() }));
    queueMicrotask(() => tell(file)); // after the file's other calls at its top level
  }
  for (const t of missing) p.tools.add(t);
  p.what.add(what);
  return false;
}
