/**
 * 从上学期复制: copies another term's timetable into the current term (timetable/copyFromTerm) after a confirm,
 * then lists what was copied and what could not be (no matching assignment this term).
 */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Select, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../../shared/contract';
import { api } from '../../../api/client';
import { translateErrorKey, useApiError } from '../../../app/useApiError';
import type { T } from '../../../app/formatError';

export function CopyFromTerm({ terms, current, cls, onCopied }: {
  terms: Term[]; current: Term; cls: { id: number; name: string } | null; onCopied: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const showError = useApiError();
  const others = terms.filter((x) => x.id !== current.id).sort((a, b) => b.startDate.localeCompare(a.startDate));
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<number | undefined>();
  const [running, setRunning] = useState(false);
  const [onlyClass, setOnlyClass] = useState(false);

  const openDialog = () => {
    // Default: the latest term that started before this one.
    setFrom(others.find((x) => x.startDate < current.startDate)?.id ?? others[0]?.id);
    setOpen(true);
  };

  const run = async () => {
    if (!from) return;
    setRunning(true);
    try {
      const r = await api.call('timetable/copyFromTerm', { fromTermId: from, toTermId: current.id, classIds: onlyClass && cls ? [cls.id] : undefined });
      setOpen(false);
      onCopied();
      modal.info({
        title: t('timetable.copy.done', { count: r.copied }),
        width: 520,
        content: r.skipped.length === 0 ? t('timetable.copy.noneSkipped') : (
          <div data-testid="tt-copy-skipped">
            <Typography.Paragraph>{t('timetable.copy.skipped', { count: r.skipped.length })}</Typography.Paragraph>
            <ul style={{ maxHeight: 260, overflow: 'auto', paddingLeft: 18 }}>
              {r.skipped.slice(0, 200).map((s, i) => (
                <li key={i}>{s.className} · {s.subjectName}: {translateErrorKey(t as T, s.key)}</li>
              ))}
            </ul>
          </div>
        ),
      });
    } catch (e) {
      showError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button icon={<CopyOutlined />} onClick={openDialog} disabled={others.length === 0} data-testid="tt-copy-term">
        {t('timetable.copy.button')}
      </Button>
      <Modal
        open={open}
        title={t('timetable.copy.title')}
        okText={t('timetable.copy.confirm')}
        okButtonProps={{ danger: true, disabled: !from, loading: running, 'data-testid': 'tt-copy-confirm' } as ButtonProps}
        onOk={run}
        onCancel={() => setOpen(false)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{t('timetable.copy.from')}</span>
          <Select style={{ width: '100%' }} value={from} onChange={setFrom} options={others.map((x) => ({ value: x.id, label: x.name }))} data-testid="tt-copy-from" />
          {cls && <Checkbox checked={onlyClass} onChange={(e) => setOnlyClass(e.target.checked)}>{t('timetable.copy.onlyClass', { cls: cls.name })}</Checkbox>}
          <Alert type="info" showIcon title={t('timetable.copy.warning', { term: current.name })} />
        </Space>
      </Modal>
    </>
  );
}
