/**
 * Analysis settings: pass / excellent / low lines and the struggling-candidate share per grade, and the
 * rank-list switch (off by default; when on, rank lists print "内部资料 不得公开").
 */
import { Alert, App, Button, InputNumber, Spin, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamSettings, ExamThreshold } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';

type Field = 'passPct' | 'excellentPct' | 'lowPct' | 'bottomPct';
const FIELDS: Field[] = ['passPct', 'excellentPct', 'lowPct', 'bottomPct'];

export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [settings, setSettings] = useState<ExamSettings | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('exams/getSettings', {}).then(setSettings).catch(showError);
  }, [showError]);

  if (!settings) return <Spin />;

  const setCell = (level: number, f: Field, v: number | null) =>
    setSettings({ ...settings, thresholds: settings.thresholds.map((x) => (x.gradeLevel === level ? { ...x, [f]: v ?? 0 } : x)) });

  const save = async () => {
    setBusy(true);
    try {
      setSettings(await api.call('exams/saveSettings', settings));
      void message.success(t('exams.settings.saved'));
    } catch (e) {
      showError(e, { fieldLabel: (f) => (FIELDS.includes(f as Field) ? t(`exams.settings.${f}`) : undefined) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ex-page">
      <div className="ex-panel">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('exams.settings.hint')}</Typography.Paragraph>
        <Table<ExamThreshold>
          size="small"
          rowKey="gradeLevel"
          pagination={false}
          dataSource={settings.thresholds}
          data-testid="exam-thresholds-table"
          columns={[
            { title: t('exams.settings.grade'), dataIndex: 'gradeLevel', width: 100, render: (l: number) => GRADE_NAMES[l] },
            ...FIELDS.map((f) => ({
              title: t(`exams.settings.${f}`), key: f,
              render: (_: unknown, r: ExamThreshold) => (
                <InputNumber size="small" min={0} max={100} value={r[f]} suffix="%" style={{ width: 110 }}
                  data-testid={`exam-threshold-${r.gradeLevel}-${f}`} onChange={(v) => setCell(r.gradeLevel, f, v)} />
              ),
            })),
          ]}
        />
      </div>
      <div className="ex-panel">
        <div className="ex-bar">
          <Switch checked={settings.allowRankLists} onChange={(v) => setSettings({ ...settings, allowRankLists: v })} data-testid="exam-allow-rank" />
          <Typography.Text strong>{t('exams.settings.allowRank')}</Typography.Text>
        </div>
        <Alert style={{ marginTop: 10 }} type={settings.allowRankLists ? 'warning' : 'info'} showIcon
          title={t(settings.allowRankLists ? 'exams.settings.rankOnWarning' : 'exams.settings.rankOff')} />
      </div>
      <div>
        <Button type="primary" loading={busy} onClick={save} data-testid="exam-settings-save">{t('exams.settings.save')}</Button>
      </div>
    </div>
  );
}
