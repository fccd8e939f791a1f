// The 中文 / English switch shown in the header and on the login page.
import { GlobalOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@shared/locales.js';
import { toApiError } from '../api/client';
import { useLocale } from '../hooks/use-locale';
import { localeLabelKey } from '../i18n/labels';

export function LangSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale, changeLocale } = useLocale();

  const onChange = (next: Locale) => {
    changeLocale(next).catch((error: unknown) => {
      void message.warning(t('language.saveFailed', { message: toApiError(error).message }));
    });
  };

  return (
    <Select<Locale>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      prefix={<GlobalOutlined />}
      value={locale}
      onChange={onChange}
      popupMatchSelectWidth={false}
      style={{ width: 130 }}
      options={locales.map((value) => ({ value, label: t(localeLabelKey(value)) }))}
    />
  );
}
