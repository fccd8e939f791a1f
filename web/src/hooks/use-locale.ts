// The interface language and how to change it: at once on screen, in localStorage and, when signed in, on the account.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale, type Locale } from '@shared/locales.js';
import { updatePreferences } from '../api/auth-api';
import { applyLocale } from '../i18n';
import { useSession } from './use-session';

export function useLocale(): { locale: Locale; changeLocale: (next: Locale) => Promise<void> } {
  const { i18n } = useTranslation();
  const { state, replace } = useSession();
  const signedIn = state.status === 'authenticated';

  const changeLocale = useCallback(
    async (next: Locale) => {
      await applyLocale(next);
      if (signedIn) replace(await updatePreferences({ locale: next }));
    },
    [signedIn, replace],
  );

  return { locale: pickLocale(i18n.language), changeLocale };
}
