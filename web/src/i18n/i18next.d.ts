// Types i18next's t() by the zh-CN resource, so a missing or misspelt key fails the build.
import 'i18next';
import type { Translation } from './zh-cn';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
