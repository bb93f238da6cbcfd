/**
 * The draft of a generation: its scores and why the search ended, the conflict engine's count, what changes
 * against the current timetable (per class and per teacher), one class's draft timetable, and accept (undoable),
 * discard and the change notices.
 */
import { CheckOutlined, CloseOutlined, FilePdfOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, Rule, RuleNames, TimetableSettings } from '../../../../shared/contract';
import { schoolDateTime } from '../../../../shared/domain/dates';
import { api, saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { TimetableGrid } from '../../components/timetable';
import { seconds, type T } from './text';

export function DraftView({ termId, draft, names, rules, settings, onChanged }: {
  termId: number; draft: Draft; names: RuleNames; rules: Rule[]; settings: TimetableSettings | null; onChanged: () => void;
}) {
  const { t: tt } = useTranslation();
  const t = tt as T;
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState<string | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const s = draft.summary;
  const ref = { termId, draftId: draft.id };

  const classIds = useMemo(() => new Set(draft.lessons.map((l) => l.classId)), [draft.lessons]);
  const classes = useMemo(() => names.classes.filter((c) => classIds.has(c.id)), [names.classes, classIds]);
  const classId = picked && classIds.has(picked) ? picked : draft.diff.byClass[0]?.classId ?? classes[0]?.id ?? null;
  const cls = classes.find((c) => c.id === classId);
  const cells = useMemo(() => {
    const m = new Map<string, Draft['lessons']>();
    for (const l of draft.lessons) if (l.classId === classId) m.set(`${l.day}:${l.period}`, [...(m.get(`${l.day}:${l.period}`) ?? []), l]);
    return m;
  }, [draft.lessons, classId]);
  // Fixed events of the whole school or the class's grade (班会...), shown where they hold the class.
  const events = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of rules) {
      if (r.kind !== 'fixedEvent' || !r.enabled || !(r.scope === 'school' || (r.scope === 'grade' && r.scopeId === cls?.grade))) continue;
      for (const p of r.params.periods ?? []) m.set(`${r.params.day}:${p}`, r.params.name ?? '');
    }
    return m;
  }, [rules, cls?.grade]);
  const moved = useMemo(() => new Set(draft.diff.changes.filter((c) => c.classId === classId && c.to).map((c) => `${c.to!.day}:${c.to!.period}`)), [draft.diff.changes, classId]);

  const run = async (key: string, fn: () => Promise<void>) => {
    setBusy(key);
    try { await fn(); } catch (e) { showError(e); } finally { setBusy(null); }
  };
  const accept = () => modal.confirm({
    title: t('scheduling.draft.acceptTitle'),
    // A draft that still breaks hard rules can be accepted (to finish by hand in the editor), but not unawares.
    content: [t('scheduling.draft.acceptConfirm', { moved: draft.diff.moved, total: draft.diff.total }),
      ...(s.hard > 0 || draft.conflicts.length ? [t('scheduling.draft.acceptWithConflicts', { hard: s.hard, conflicts: draft.conflicts.length })] : [])].join(' '),
    okButtonProps: { 'data-testid': 'sch-accept-ok' } as Record<`data-${string}`, string>,
    onOk: () => run('accept', async () => { const r = await api.call('scheduling/accept', ref); void message.success(t('scheduling.draft.accepted', { lessons: r.lessons })); onChanged(); }),
  });
  const discard = () => modal.confirm({
    title: t('scheduling.draft.discard'), content: t('scheduling.draft.discardConfirm'), okButtonProps: { danger: true },
    onOk: () => run('discard', async () => { await api.call('scheduling/discard', ref); void message.info(t('scheduling.draft.discarded')); onChanged(); }),
  });
  const undo = () => modal.confirm({
    title: t('scheduling.draft.undo'), content: t('scheduling.draft.undoConfirm'), okButtonProps: { danger: true },
    onOk: () => run('undo', async () => { const r = await api.call('scheduling/undoAccept', ref); void message.success(t('scheduling.draft.undone', { lessons: r.lessons })); onChanged(); }),
  });
  const notices = () => run('notices', async () => {
    const f = await api.call('scheduling/changeNotices', { ...ref, format: 'pdf' });
    if (await saveFile(f)) void message.success(t('scheduling.draft.noticesSaved', { file: f.fileName }));
  });

  const nonZero = (o: object, prefix: string) => (Object.entries(o) as [string, number][]).filter(([, v]) => v > 0)
    .map(([k, v]) => <Tag key={k}>{t(`${prefix}.${k}`)} {v}</Tag>);
  const open = draft.state === 'draft';

  return (
    <>
      <Card size="small" className="sch-card" data-testid="sch-draft-summary"
        title={<Space wrap size={6}>{t('scheduling.draft.title')}<Tag color="blue">{t(`scheduling.gen.modes.${draft.mode}`)}</Tag><Tag color={open ? 'orange' : 'green'} data-testid="sch-draft-state">{t(`scheduling.draft.states.${draft.state}`)}</Tag><Typography.Text type="secondary" className="sch-small">{t('scheduling.draft.createdAt', { at: schoolDateTime(draft.createdAt) })}</Typography.Text></Space>}
        extra={(
          <Space wrap size={6}>
            {open && <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accept'} disabled={!!busy} onClick={accept} data-testid="sch-accept">{t('scheduling.draft.accept')}</Button>}
            {open && <Button icon={<CloseOutlined />} loading={busy === 'discard'} disabled={!!busy} onClick={discard} data-testid="sch-discard">{t('scheduling.draft.discard')}</Button>}
            {draft.state === 'accepted' && <Button icon={<RollbackOutlined />} loading={busy === 'undo'} disabled={!!busy} onClick={undo} data-testid="sch-undo">{t('scheduling.draft.undo')}</Button>}
            <Button icon={<FilePdfOutlined />} loading={busy === 'notices'} disabled={!!busy || draft.diff.moved === 0} onClick={() => void notices()} data-testid="sch-notices">{t('scheduling.draft.notices')}</Button>
          </Space>
        )}>
        <div className="sch-summary">
          <div><span className="sch-k">{t('scheduling.draft.hard')}</span><b className={s.hard > 0 ? 'sch-bad' : 'sch-good'} data-testid="sch-draft-hard">{s.hard}</b>{nonZero(s.hardBreakdown, 'scheduling.hardKinds')}</div>
          <div><span className="sch-k">{t('scheduling.draft.soft')}</span><b>{s.soft}</b>{nonZero(s.softBreakdown, 'scheduling.softKinds')}</div>
          <div><span className="sch-k">{t('scheduling.draft.conflicts')}</span><b className={draft.conflicts.length ? 'sch-bad' : 'sch-good'} data-testid="sch-draft-conflicts">{t('scheduling.draft.conflictsCount', { count: draft.conflicts.length })}</b></div>
          <div><span className="sch-k">{t('scheduling.draft.moved')}</span><b data-testid="sch-draft-moved">{t('scheduling.draft.movedOf', { moved: draft.diff.moved, total: draft.diff.total })}</b></div>
          <div><span className="sch-k">{t('scheduling.draft.time')}</span>{t('scheduling.draft.seconds', { s: seconds(s.ms) })}</div>
          <div><span className="sch-k">{t('scheduling.draft.stopReason')}</span>{t(`scheduling.stopped.${s.stopped}`, { defaultValue: s.stopped })}</div>
          <div><span className="sch-k">{t('scheduling.draft.iterations')}</span>{s.iterations.toLocaleString()}</div>
          <div><span className="sch-k">{t('scheduling.draft.seed')}</span>{s.seed}</div>
        </div>
      </Card>
      <div className="sch-draft-body">
        <Card size="small" className="sch-card sch-preview" title={t('scheduling.draft.preview')}
          extra={<Select size="small" style={{ width: 150 }} value={classId ?? undefined} placeholder={t('scheduling.draft.pickClass')} onChange={setPicked} showSearch={{ optionFilterProp: 'label' }}
            options={classes.map((c) => ({ value: c.id, label: c.name }))} data-testid="sch-preview-class" />}>
          {settings && classId != null && (
            <TimetableGrid settings={settings} compact hideTimes gradeLevel={cls?.grade} data-testid="sch-preview"
              cellProps={(d, p) => ({ className: moved.has(`${d}:${p}`) ? 'sch-cell-moved' : undefined })}
              renderCell={(d, p) => {
                const list = cells.get(`${d}:${p}`) ?? [];
                if (!list.length && events.has(`${d}:${p}`)) return <div className="sch-cell sch-event">{events.get(`${d}:${p}`)}</div>;
                return list.map((l, i) => <div key={i} className="sch-cell"><b>{l.subjectShort}</b><span>{l.teacherName}</span></div>);
              }} />
          )}
        </Card>
        <div className="sch-diff">
          <Card size="small" className="sch-card" title={t('scheduling.draft.byClass')}>
            <Table size="small" rowKey="classId" pagination={false} scroll={{ y: 200 }} dataSource={draft.diff.byClass} locale={{ emptyText: t('scheduling.draft.noChanges') }}
              onRow={(r) => ({ onClick: () => setPicked(r.classId), className: r.classId === classId ? 'sch-row-picked' : undefined })} data-testid="sch-diff-class"
              columns={[{ title: t('scheduling.draft.colClass'), dataIndex: 'name' }, { title: t('scheduling.draft.colMoved'), dataIndex: 'moved', width: 80, align: 'right' }]} />
          </Card>
          <Card size="small" className="sch-card" title={t('scheduling.draft.byTeacher')}>
            <Table size="small" rowKey="teacherId" pagination={false} scroll={{ y: 200 }} dataSource={draft.diff.byTeacher} locale={{ emptyText: t('scheduling.draft.noChanges') }} data-testid="sch-diff-teacher"
              columns={[{ title: t('scheduling.draft.colTeacher'), dataIndex: 'name' }, { title: t('scheduling.draft.colMoved'), dataIndex: 'moved', width: 80, align: 'right' }]} />
          </Card>
        </div>
      </div>
    </>
  );
}
