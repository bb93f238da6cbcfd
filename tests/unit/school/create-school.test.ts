/**
 * A new school's current term follows the school's calendar day (Asia/Shanghai), not the machine's clock
 * zone: from 1 February the second term is current.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { closeTempCore, openTempCore } from '../../helpers/core';

let open: { core: Core; dir: string } | null = null;
afterEach(async () => { if (open) await closeTempCore(open.core, open.dir); open = null; });

async function currentTermAt(instant: string): Promise<{ name: string; startDate: string }> {
  open = await openTempCore({ now: () => new Date(instant) });
  await open.core.call('app/setOperator', { name: '测试员' });
  await open.core.call('app/createSchool', { name: '测试中学', type: '初中' });
  const terms = await open.core.call('school/listTerms', {});
  const t = terms.find((x) => x.isCurrent)!;
  return { name: t.name, startDate: t.startDate };
}

describe('a new school', () => {
  it('starts in the first term until 31 January ends in Beijing', async () => {
    // 23:30 on 31 January in Beijing is 15:30 UTC.
    expect(await currentTermAt('2026-01-31T15:30:00Z')).toEqual({ name: '2025-2026学年第一学期', startDate: '2025-09-01' });
  });

  it('starts in the second term from 1 February in Beijing', async () => {
    // 00:30 on 1 February in Beijing is still 31 January in UTC.
    expect(await currentTermAt('2026-01-31T16:30:00Z')).toEqual({ name: '2025-2026学年第二学期', startDate: '2026-02-23' });
  });
});
