// The interface language: i18next set up with zh-CN first and English second, remembered in localStorage.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, pickLocale, type Locale } from '@shared/locales.js';
import { en } from './en';
import { zhCN } from './zh-cn';

const storageKey = 'kefu.locale';

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return stored && (locales as readonly string[]).includes(stored) ? (stored as Locale) : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: readStoredLocale() ?? defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes every text node already
});

/** Date pickers name months and weekdays in the interface language too. */
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

document.documentElement.lang = i18n.language;
dayjs.locale(dayjsLocales[pickLocale(i18n.language)]);
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocales[pickLocale(language)]);
});

/** The language the interface speaks right now. */
export function currentLocale(): Locale {
  return pickLocale(i18n.language);
}

/** Switches the interface language at once and remembers it for the next visit. */
export async function applyLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };
