/**
 * Shown instead of the app when the database cannot be opened: 'damaged' (it failed quick_check, is empty,
 * is not SQLite, is missing beside backups, or was replaced while open: offer the backups that passed their
 * own check, or an empty database with the old file kept aside) or 'newer' (made by a newer version: nothing to do here but say so).
 */
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { App, Button, Card, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { translateErrorKey, useApiError } from '../../app/useApiError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatSize, formatTime, labelFor } from '../../components/format';

export default function RecoveryPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const { status, refresh } = useAppState();
  const [busy, setBusy] = useState<string | null>(null);
  const detail = status.problemKey ? translateErrorKey(t, status.problemKey, status.problemParams) : null;

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: t('tools.recovery.restoreThis'),
      content: t('tools.recovery.restoreConfirm', { time: formatTime(b.createdAt) }),
      okText: t('tools.recovery.restoreThis'),
      cancelText: t('tools.common.cancel'),
      onOk: async () => {
        setBusy(b.file);
        try {
          await api.call('app/restoreDamaged', { file: b.file });
          void message.success(t('tools.recovery.restored'));
          await refresh();
        } catch (e) {
          showError(e);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const startEmpty = () => {
    modal.confirm({
      title: t('tools.recovery.startEmpty'),
      content: t('tools.recovery.startEmptyConfirm'),
      okText: t('tools.recovery.startEmpty'),
      cancelText: t('tools.common.cancel'),
      onOk: async () => {
        setBusy('startEmpty');
        try {
          await api.call('app/startEmpty', {});
          await refresh();
        } catch (e) {
          showError(e);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const dataDir = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
      {t('tools.backups.dataDir')}{t('tools.common.colon')}
      <Typography.Text code copyable>{status.dataDir}</Typography.Text>
    </Typography.Paragraph>
  );

  return (
    <div className="jw-welcome" data-testid={`recovery-${status.state}`}>
      <div className="jw-welcome-lang"><LanguageSwitch /></div>
      {status.state === 'newer' ? (
        <Card style={{ width: 640, maxWidth: '100%' }}>
          <Result
            icon={<WarningFilled style={{ color: '#faad14' }} />}
            title={t('tools.recovery.newerTitle')}
            subTitle={t('tools.recovery.newerBody', { version: status.appVersion })}
            extra={<Button onClick={() => void refresh()}>{t('tools.common.reload')}</Button>}
          >
            {detail && <Typography.Paragraph type="secondary">{t('tools.recovery.technical', { detail })}</Typography.Paragraph>}
            {dataDir}
          </Result>
        </Card>
      ) : (
        <Card style={{ width: 760, maxWidth: '100%' }}>
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
            <ExclamationCircleFilled style={{ color: '#ff4d4f', fontSize: 32, marginTop: 4 }} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Title level={4} style={{ marginTop: 0 }}>{t('tools.recovery.damagedTitle')}</Typography.Title>
              <Typography.Paragraph>{t('tools.recovery.damagedBody')}</Typography.Paragraph>
              {detail && <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('tools.recovery.technical', { detail })}</Typography.Paragraph>}
              {dataDir}
            </div>
          </div>
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('tools.recovery.goodBackups')}</Typography.Title>
          {status.goodBackups && status.goodBackups.length > 0 ? (
            <Table<BackupInfo>
              data-testid="recovery-backups"
              size="small"
              rowKey="file"
              pagination={false}
              scroll={{ y: 300 }}
              dataSource={status.goodBackups}
              columns={[
                { title: t('tools.backups.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, true) },
                { title: t('tools.backups.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{labelFor(t, 'tools.backups.kinds', k)}</Tag> },
                { title: t('tools.backups.size'), dataIndex: 'size', align: 'right', render: (n: number) => formatSize(t, n) },
                {
                  title: '', key: 'restore', align: 'right',
                  render: (_: unknown, b) => (
                    <Button type="primary" size="small" loading={busy === b.file} disabled={!!busy && busy !== b.file} onClick={() => restore(b)} data-testid={`recovery-restore-${b.file}`}>
                      {t('tools.recovery.restoreThis')}
                    </Button>
                  ),
                },
              ]}
            />
          ) : (
            <Typography.Text type="danger">{t('tools.recovery.noBackups')}</Typography.Text>
          )}
          <div style={{ marginTop: 16, textAlign: 'right' }}>
            <Button danger disabled={!!busy} loading={busy === 'startEmpty'} onClick={startEmpty} data-testid="recovery-start-empty">
              {t('tools.recovery.startEmpty')}
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}
