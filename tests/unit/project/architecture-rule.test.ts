/**
 * The layer rules of eslint.config.mjs can fail: ESLint itself lints small sources placed (virtually) at the
 * paths the rules are about.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function messages(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return r.messages.filter((m) => m.ruleId === 'architecture/feature-boundaries' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('feature boundaries', () => {
  it('lets a core feature use another only through its service.ts', async () => {
    expect(await messages('electron/core/features/workload/x.ts', "import { taught } from '../timetable/service';\nvoid taught;\n")).toEqual([]);
    const bad = await messages('electron/core/features/workload/x.ts', "import { taught } from '../timetable/handlers';\nvoid taught;\n");
    expect(bad).toEqual([expect.stringMatching(/timetable feature through its service\.ts/)]);
  });

  it('keeps the platform and shared code below every feature', async () => {
    expect(await messages('electron/core/platform/x.ts', "import { taught } from '../features/timetable/service';\nvoid taught;\n"))
      .toEqual([expect.stringMatching(/below the features/)]);
    expect(await messages('shared/domain/x.ts', "import { x } from '../../electron/core/app';\nvoid x;\n"))
      .toEqual([expect.stringMatching(/shared\/ is below both shells/)]);
  });

  it('lets a renderer feature use another only through its index.ts, and the app shell reach any page', async () => {
    expect(await messages('renderer/src/features/observations/x.ts', "import { ResearchTab } from '../research';\nvoid ResearchTab;\n")).toEqual([]);
    expect(await messages('renderer/src/features/observations/x.ts', "import { ResearchTab } from '../research/ResearchTab';\nvoid ResearchTab;\n"))
      .toEqual([expect.stringMatching(/research feature through its index\.ts/)]);
    expect(await messages('renderer/src/app/x.ts', "import P from '../features/exams/ExamsPage';\nvoid P;\n")).toEqual([]);
    expect(await messages('renderer/src/components/x.ts', "import P from '../features/exams/ExamsPage';\nvoid P;\n"))
      .toEqual([expect.stringMatching(/below the features/)]);
  });
});

describe('no double casts in the core', () => {
  it('refuses `as unknown as` in electron/core and allows it in tests', async () => {
    const code = 'export const n = ("1" as unknown as number);\n';
    expect(await messages('electron/core/features/audit/x.ts', code)).toEqual([expect.stringMatching(/No `as unknown as` in the core/)]);
    expect(await messages('tests/unit/x.test.ts', code)).toEqual([]);
  });
});
