/**
 * The shell: sidebar of modules, a header with the school (and a sample-school tag), the current term every
 * page works within, the operator and the language switch.
 */
import { CalendarOutlined, UserOutlined } from '@ant-design/icons';
import { Layout as AntLayout, Button, Input, Menu, Modal, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TermLockBanner } from '../features/school-years';
import { useAppState } from './AppState';
import { ROUTES, useHashRoute } from './routes';
import { useApiError } from './useApiError';

function OperatorButton() {
  const { t } = useTranslation();
  const { status, refresh } = useAppState();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(status.operator ?? '');
  return (
    <>
      <Tooltip title={t('shell.changeOperator')}>
        <Button type="text" icon={<UserOutlined />} onClick={() => { setName(status.operator ?? ''); setOpen(true); }} data-testid="operator">
          {status.operator}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('shell.changeOperator')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await api.call('app/setOperator', { name });
            await refresh();
            setOpen(false);
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('welcome.operatorHint')}</Typography.Paragraph>
        <Input value={name} maxLength={30} onChange={(e) => setName(e.target.value)} />
      </Modal>
    </>
  );
}

function TermSelect() {
  const { t } = useTranslation();
  const { terms, currentTerm, setCurrentTerm } = useAppState();
  const showError = useApiError();
  return (
    <Space size={6}>
      <CalendarOutlined style={{ color: '#8c8c8c' }} />
      <Select
        data-testid="term-select"
        style={{ width: 'auto', minWidth: 230 }}
        popupMatchSelectWidth={false}
        value={currentTerm?.id}
        placeholder={t('shell.noTerm')}
        options={terms.map((x) => ({ value: x.id, label: x.name }))}
        onChange={(id: number) => setCurrentTerm(id).catch(showError)}
        notFoundContent={t('shell.noTermHint')}
      />
    </Space>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { status } = useAppState();
  const [route, navigate] = useHashRoute();
  const [schoolName, setSchoolName] = useState('');
  const current = ROUTES.find((r) => r.path === route) ?? ROUTES[0];
  const Page = current.component;

  // The school name is not part of the status; read it again whenever the status is refreshed (profile saved).
  useEffect(() => {
    let live = true;
    api.call('school/getProfile', {}).then((p) => live && setSchoolName(p?.name ?? ''), () => undefined);
    return () => {
      live = false;
    };
  }, [status]);

  const menuItems = [
    { type: 'group' as const, key: 'g-setup', label: t('nav.setup'), children: ROUTES.filter((r) => r.section === 'setup').map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) },
    { type: 'group' as const, key: 'g-timetable', label: t('nav.timetableSection'), children: ROUTES.filter((r) => r.section === 'timetable').map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) },
    { type: 'group' as const, key: 'g-routine', label: t('nav.routineSection'), children: ROUTES.filter((r) => r.section === 'routine').map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) },
    { type: 'group' as const, key: 'g-quality', label: t('nav.qualitySection'), children: ROUTES.filter((r) => r.section === 'quality').map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) },
    { type: 'group' as const, key: 'g-tools', label: t('nav.tools'), children: ROUTES.filter((r) => r.section === 'tools').map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) },
  ];

  return (
    <AntLayout className="jw-shell">
      <AntLayout.Sider width={184} theme="dark" className="jw-sider">
        <div className="jw-brand">
          <span className="jw-brand-mark">教</span>
          <span className="jw-brand-name">{t('app.name')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current.path]}
          items={menuItems}
          onClick={(e) => navigate(e.key)}
          data-testid="nav"
        />
      </AntLayout.Sider>
      <AntLayout>
        <AntLayout.Header className="jw-header">
          <Space size={10} className="jw-header-school">
            <Typography.Text strong ellipsis style={{ maxWidth: 320, fontSize: 16 }} data-testid="school-name">
              {schoolName}
            </Typography.Text>
            {status.isSample && (
              <Tooltip title={t('shell.sampleHint')}>
                <Tag color="orange" data-testid="sample-tag">{t('shell.sample')}</Tag>
              </Tooltip>
            )}
          </Space>
          <Space size={16}>
            <TermSelect />
            <OperatorButton />
            <LanguageSwitch />
          </Space>
        </AntLayout.Header>
        <TermLockBanner />
        <AntLayout.Content className="jw-content">
          <Suspense fallback={<div className="jw-center"><Spin /></div>}>
            <Page key={current.path} />
          </Suspense>
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}
