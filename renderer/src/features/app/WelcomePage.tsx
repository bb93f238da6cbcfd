/**
 * First run: who is using this computer (every change is logged under that name), then a school: the sample
 * school to look around, or a blank school with its profile.
 */
import { ExperimentOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolProfileInput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formFieldErrors, useApiError } from '../../app/useApiError';
import { SchoolForm } from '../../components/SchoolForm';

function OperatorStep() {
  const { t } = useTranslation();
  const { refresh } = useAppState();
  const showError = useApiError();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return;
    setBusy(true);
    try {
      await api.call('app/setOperator', { name: name.trim() });
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={4}>{t('welcome.operatorTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('welcome.operatorHint')}</Typography.Paragraph>
      <div className="jw-welcome-row">
        <Input
          size="large"
          autoFocus
          maxLength={30}
          value={name}
          placeholder={t('welcome.operatorPlaceholder')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={submit}
          data-testid="welcome-operator-input"
        />
        <Button size="large" type="primary" onClick={submit} loading={busy} disabled={!name.trim()} data-testid="welcome-operator-submit">
          {t('common.next')}
        </Button>
      </div>
    </>
  );
}

function SchoolStep() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAppState();
  const showError = useApiError();
  const [form] = Form.useForm<SchoolProfileInput>();
  const [mode, setMode] = useState<'choose' | 'create'>('choose');
  const [busy, setBusy] = useState<'sample' | 'create' | null>(null);

  const loadSample = async () => {
    setBusy('sample');
    try {
      await api.call('app/loadSample', {});
      void message.success(t('welcome.sampleLoaded'));
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const create = async () => {
    const values = await form.validateFields();
    setBusy('create');
    try {
      await api.call('app/createSchool', values);
      window.location.hash = '#/school';
      await refresh();
    } catch (e) {
      form.setFields(formFieldErrors(t, e) as never);
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  if (mode === 'create') {
    return (
      <>
        <Typography.Title level={4}>{t('welcome.createTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('welcome.createHint')}</Typography.Paragraph>
        <SchoolForm form={form} compact />
        <div className="jw-welcome-actions">
          <Button onClick={() => setMode('choose')}>{t('common.back')}</Button>
          <Button type="primary" onClick={create} loading={busy === 'create'} data-testid="welcome-create-submit">
            {t('welcome.createSubmit')}
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <Typography.Title level={4}>{t('welcome.schoolTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('welcome.schoolHint')}</Typography.Paragraph>
      <div className="jw-welcome-choices">
        <button type="button" className="jw-choice" onClick={loadSample} disabled={busy !== null} data-testid="welcome-load-sample">
          <ExperimentOutlined className="jw-choice-icon" style={{ color: '#fa8c16' }} />
          <span className="jw-choice-title">{busy === 'sample' ? t('welcome.loadingSample') : t('welcome.loadSample')}</span>
          <span className="jw-choice-text">{t('welcome.loadSampleHint')}</span>
        </button>
        <button type="button" className="jw-choice" onClick={() => setMode('create')} disabled={busy !== null} data-testid="welcome-create-empty">
          <FileAddOutlined className="jw-choice-icon" style={{ color: '#1677ff' }} />
          <span className="jw-choice-title">{t('welcome.createEmpty')}</span>
          <span className="jw-choice-text">{t('welcome.createEmptyHint')}</span>
        </button>
      </div>
    </>
  );
}

export default function WelcomePage() {
  const { t } = useTranslation();
  const { status } = useAppState();
  const step = status.operator ? 1 : 0;
  return (
    <div className="jw-welcome">
      <div className="jw-welcome-lang"><LanguageSwitch /></div>
      <Card className="jw-welcome-card">
        <div className="jw-welcome-brand">
          <span className="jw-brand-mark">教</span>
          <div>
            <div className="jw-welcome-name">{t('app.name')}</div>
            <div className="jw-muted">{t('app.tagline')}</div>
          </div>
        </div>
        <Steps size="small" current={step} items={[{ title: t('welcome.stepOperator') }, { title: t('welcome.stepSchool') }]} style={{ margin: '20px 0 24px' }} />
        {step === 0 ? <OperatorStep /> : <SchoolStep />}
      </Card>
      <div className="jw-welcome-foot jw-muted">{t('welcome.localNote', { dir: status.dataDir })}</div>
    </div>
  );
}
