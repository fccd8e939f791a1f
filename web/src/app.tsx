// The providers around every page: antd in the interface language, the router and the session.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { pickLocale } from '@shared/locales.js';
import { AppRoutes } from './app-routes';
import { SessionProvider } from './hooks/use-session';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;

export function App() {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, locale]);

  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
