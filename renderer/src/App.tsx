/**
 * The root: antd in the user's language, the app state, then one of three screens: recovery (damaged or
 * newer database), first-run welcome (no operator or no school yet), or the normal shell.
 */
import { App as AntdApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppStateProvider, useAppState } from './app/AppState';
import { Layout } from './app/Layout';
import { describeApiError } from './app/useApiError';
import WelcomePage from './features/app/WelcomePage';

const RecoveryPage = lazy(() => import('./features/app/RecoveryPage'));

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", system-ui, sans-serif';

function Loading() {
  return (
    <div className="jw-center">
      <Spin size="large" />
    </div>
  );
}

function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return <Loading />;
  const f = describeApiError(t, error);
  return (
    <div className="jw-center">
      <Result
        status="error"
        title={t('app.startFailed')}
        subTitle={f.message}
        extra={<Button type="primary" onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
      />
    </div>
  );
}

function Root() {
  const { status } = useAppState();
  if (status.state === 'damaged' || status.state === 'newer') {
    return (
      <Suspense fallback={<Loading />}>
        <RecoveryPage />
      </Suspense>
    );
  }
  if (!status.operator || !status.hasSchool) return <WelcomePage />;
  return <Layout />;
}

export default function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 4, fontFamily: FONT, fontSize: 14 } }}
    >
      <AntdApp className="jw-app">
        <AppStateProvider fallback={(error) => <StartupError error={error} />}>
          <Root />
        </AppStateProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
