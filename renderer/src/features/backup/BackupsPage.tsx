/**
 * 备份与恢复: the data folder, 立即备份, a backup to a folder of the user's choice (a USB stick), and the list
 * of automatic and manual backups, newest first, each restorable after a confirmation. Restoring backs up the
 * current data first (core does that), then the whole app state is reloaded.
 */
import { CloudUploadOutlined, FolderOpenOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/contract';
import { api, isElectron } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatApiError, useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { formatSize, formatTime, labelFor } from '../../components/format';

const KIND_COLORS: Record<BackupInfo['kind'], string> = {
  daily: 'default', 'pre-migration': 'purple', 'pre-import': 'blue', 'pre-restore': 'orange', 'pre-rollover': 'cyan', manual: 'green',
};

export default function BackupsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const { status, refresh } = useAppState();
  const [rows, setRows] = useState<BackupInfo[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [folder, setFolder] = useState('');
  const [manualBusy, setManualBusy] = useState(false);
  const [manualError, setManualError] = useState<string | null>(null);
  const [manualDone, setManualDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await api.call('backup/list', {});
      setRows([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    } catch (e) {
      setRows([]);
      showError(e);
    }
  }, [showError]);

  useEffect(() => {
    void load();
  }, [load]);

  const backupNow = async () => {
    setCreating(true);
    try {
      const b = await api.call('backup/create', {});
      void message.success(t('tools.backups.backedUp', { file: b.file }));
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setCreating(false);
    }
  };

  const backupTo = async (dir: string) => {
    setManualBusy(true);
    setManualError(null);
    setManualDone(null);
    try {
      const r = await api.call('backup/createManual', { dir });
      setManualDone(t('tools.backups.manualDone', { file: r.file, size: formatSize(t, r.size) }));
    } catch (e) {
      // Shown inline and kept: "folder not writable" or "disk full" (the USB stick case) needs reading.
      setManualError(formatApiError(t, e));
    } finally {
      setManualBusy(false);
    }
  };

  const chooseAndBackup = async () => {
    const dir = await window.jiaowu!.chooseFolder();
    if (dir) await backupTo(dir);
  };

  const restore = (b: BackupInfo) => {
    const time = formatTime(b.createdAt);
    modal.confirm({
      title: t('tools.backups.restoreTitle'),
      content: t('tools.backups.restoreBody', { time }),
      okText: t('tools.backups.restoreOk'),
      cancelText: t('tools.common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'backup-restore-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await api.call('backup/restore', { file: b.file });
          void message.success(t('tools.backups.restored', { time }));
          // Every page's data changed: reload the app state, then this list.
          await refresh();
          await load();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  return (
    <Page
      title={t('tools.backups.title')}
      subtitle={t('tools.backups.subtitle')}
      fill={false}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={creating} onClick={backupNow} data-testid="backup-now">
          {t('tools.backups.backupNow')}
        </Button>
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <div className="jw-panel" style={{ padding: '12px 16px' }}>
          <Typography.Text type="secondary">{t('tools.backups.dataDir')}{t('tools.common.colon')}</Typography.Text>
          <Typography.Text copyable code data-testid="backup-data-dir">{status.dataDir}</Typography.Text>
        </div>

        <div className="jw-panel" style={{ padding: '14px 16px' }}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Space size={8}>
              <CloudUploadOutlined style={{ color: '#1677ff' }} />
              <Typography.Text strong>{t('tools.backups.toFolder')}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('tools.backups.toFolderHint')}</Typography.Text>
            </Space>
            {isElectron ? (
              <Button icon={<FolderOpenOutlined />} loading={manualBusy} onClick={chooseAndBackup} data-testid="backup-choose-folder">
                {t('tools.backups.chooseFolder')}
              </Button>
            ) : (
              <Space.Compact style={{ maxWidth: 640, width: '100%' }}>
                <Input
                  data-testid="backup-folder"
                  value={folder}
                  placeholder={t('tools.backups.folderPlaceholder')}
                  onChange={(e) => setFolder(e.target.value)}
                  onPressEnter={() => folder.trim() && void backupTo(folder.trim())}
                />
                <Button type="primary" loading={manualBusy} disabled={!folder.trim()} onClick={() => void backupTo(folder.trim())} data-testid="backup-to-folder">
                  {t('tools.backups.saveToFolder')}
                </Button>
              </Space.Compact>
            )}
            {manualError && <Alert type="error" showIcon title={manualError} data-testid="backup-manual-error" style={{ whiteSpace: 'pre-line' }} />}
            {manualDone && <Alert type="success" showIcon title={manualDone} data-testid="backup-manual-done" />}
          </Space>
        </div>

        <div className="jw-panel" style={{ padding: '12px 16px' }}>
          <Space size={8} style={{ marginBottom: 8 }}>
            <HistoryOutlined style={{ color: '#1677ff' }} />
            <Typography.Text strong>{t('tools.backups.list')}</Typography.Text>
            {rows && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('tools.backups.count', { count: rows.length })}</Typography.Text>}
          </Space>
          <Table<BackupInfo>
            data-testid="backup-list"
            size="small"
            rowKey="file"
            loading={rows === null}
            dataSource={rows ?? []}
            locale={{ emptyText: t('tools.backups.empty') }}
            pagination={rows && rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            columns={[
              { title: t('tools.backups.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v, true) },
              {
                title: t('tools.backups.kind'), dataIndex: 'kind', width: 120,
                render: (k: BackupInfo['kind']) => <Tag color={KIND_COLORS[k]}>{labelFor(t, 'tools.backups.kinds', k)}</Tag>,
              },
              { title: t('tools.backups.size'), dataIndex: 'size', width: 100, align: 'right', render: (n: number) => formatSize(t, n) },
              { title: t('tools.backups.file'), dataIndex: 'file', ellipsis: true, render: (f: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f}</Typography.Text> },
              {
                title: t('common.actions'), key: 'restore', width: 90, align: 'center',
                render: (_: unknown, b) => (
                  <Button size="small" onClick={() => restore(b)} data-testid={`backup-restore-${b.file}`}>{t('tools.backups.restore')}</Button>
                ),
              },
            ]}
          />
        </div>
      </div>
    </Page>
  );
}
