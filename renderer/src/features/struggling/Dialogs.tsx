/** The roster printout (masked by default) and the retention purge of files of students who left. */
import { DeleteOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Space, Switch, Table, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/contract';
import type { PurgeCandidate } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { printPdf } from './common';

export function RosterPrintModal({ open, term, onClose }: { open: boolean; term: Term; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (open) setFull(false); }, [open]); // masked again every time the dialog opens

  const print = async () => {
    setBusy(true);
    try {
      if (await printPdf('struggling-roster', { termId: term.id, showFullNames: full })) void message.success(t('struggling.printed'));
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open} title={t('struggling.roster.title')} onCancel={onClose} onOk={print} confirmLoading={busy}
      okText={<><PrinterOutlined /> {t('struggling.roster.savePdf')}</>}
      okButtonProps={{ 'data-testid': 'sf-roster-pdf' } as ButtonProps}
    >
      <p>{t('struggling.roster.intro', { term: term.name })}</p>
      <Space>
        <Switch checked={full} onChange={setFull} data-testid="sf-roster-full" />
        {t('struggling.roster.showFull')}
      </Space>
      {full
        ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('struggling.roster.fullWarning')} data-testid="sf-roster-warning" />
        : <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('struggling.roster.masked')} />}
    </Modal>
  );
}

export function PurgeModal({ open, onClose, onPurged }: { open: boolean; onClose: () => void; onPurged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [rows, setRows] = useState<PurgeCandidate[] | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setRows(null);
    setUnderstood(false);
    api.call('struggling/purgePreview', {}).then(setRows, (e) => { setRows([]); showError(e); });
  }, [open, showError]);

  const purge = async () => {
    if (!rows?.length) return;
    setBusy(true);
    try {
      const r = await api.call('struggling/purge', { ids: rows.map((x) => x.fileId), confirm: true });
      void message.success(t('struggling.purge.done', { count: r.deleted }));
      onPurged();
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open} width={760} title={t('struggling.purge.title')} onCancel={onClose}
      footer={(
        <Space>
          <Button onClick={onClose}>{t('struggling.cancel')}</Button>
          <Button danger type="primary" icon={<DeleteOutlined />} disabled={!rows?.length || !understood} loading={busy} onClick={purge} data-testid="sf-purge-confirm">
            {t('struggling.purge.confirm', { count: rows?.length ?? 0 })}
          </Button>
        </Space>
      )}
    >
      <Alert type="error" showIcon title={t('struggling.purge.warning')} style={{ marginBottom: 12 }} />
      <Table<PurgeCandidate>
        size="small" rowKey="fileId" loading={rows === null} dataSource={rows ?? []} pagination={false} scroll={{ y: 300 }}
        locale={{ emptyText: t('struggling.purge.none') }} data-testid="sf-purge-list"
        columns={[
          { key: 'name', title: t('struggling.col.studentName'), dataIndex: 'studentName' },
          { key: 'class', title: t('struggling.col.className'), dataIndex: 'className' },
          { key: 'studentStatus', title: t('struggling.purge.studentStatus'), dataIndex: 'studentStatus' },
          { key: 'leftOn', title: t('struggling.purge.leftOn'), dataIndex: 'leftOn' },
          { key: 'from', title: t('struggling.purge.purgeableFrom'), dataIndex: 'purgeableFrom' },
        ]}
      />
      {!!rows?.length && (
        <Checkbox style={{ marginTop: 12 }} checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="sf-purge-understood">
          {t('struggling.purge.understood', { count: rows.length })}
        </Checkbox>
      )}
    </Modal>
  );
}
