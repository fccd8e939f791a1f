import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales.js';

describe('pickLocale', () => {
  it('answers in Chinese unless the caller prefers English', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('zh-TW,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('fr-FR', 'en')).toBe('en');
    expect(pickLocale('fr-FR,de')).toBe('zh-CN');
  });
});
