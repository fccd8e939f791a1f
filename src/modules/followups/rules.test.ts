import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar, type BusinessCalendar } from '../../shared/business-time.js';
import { checkAnswers } from '../csat/rules.js';
import {
  concernsProductUse,
  defaultRules,
  followUpDueAt,
  formComplete,
  ownerOf,
  wantsQuestionnaire,
} from './rules.js';

/** Shanghai, Monday–Friday 09:00–18:00, with the 2026 Mid-Autumn Festival (Fri 25 Sep) off. */
const calendar: BusinessCalendar = { ...defaultBusinessCalendar, holidays: ['2026-09-25'] };
const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2026, 8, day, hour - 8, minute);

describe('follow-up due times on the business calendar', () => {
  it('is due 2 workdays after a resolution, at the same working position', () => {
    expect(followUpDueAt(calendar, 'phone', shanghai(22, 15), 2)).toBe(shanghai(24, 15));
  });
  it('skips a holiday and the weekend in between', () => {
    expect(followUpDueAt(calendar, 'phone', shanghai(24, 15), 2)).toBe(shanghai(29, 15));
    expect(followUpDueAt(defaultBusinessCalendar, 'phone', shanghai(24, 15), 2)).toBe(shanghai(28, 15));
  });
  it('follows a consultation up by the end of the next workday (seed 003: 第二日必须跟踪)', () => {
    expect(followUpDueAt(calendar, 'consultation', shanghai(22, 20), 1)).toBe(shanghai(23, 18));
    expect(followUpDueAt(calendar, 'consultation', shanghai(24, 10), 1)).toBe(shanghai(28, 18));
  });
  it('gives a questionnaire two calendar weeks', () => {
    expect(followUpDueAt(calendar, 'questionnaire', shanghai(1, 9), 14)).toBe(shanghai(15, 9));
  });
});

describe('who and which', () => {
  it('gives the task to the handler unless the rule names someone', () => {
    expect(ownerOf(defaultRules.phone, 'agent-1')).toBe('agent-1');
    expect(ownerOf({ ...defaultRules.phone, ownerMode: 'user', ownerUserId: 'lead' }, 'agent-1')).toBe(
      'lead',
    );
  });
  it('sends an on-site visit when the problem concerns product use', () => {
    expect(
      concernsProductUse({ complaintCategory: null, title: '空气净化器不会安装', description: '' }),
    ).toBe(true);
    expect(
      concernsProductUse({ complaintCategory: 'product_quality', title: '外壳开裂', description: '' }),
    ).toBe(true);
    expect(concernsProductUse({ complaintCategory: 'logistics', title: '快递慢', description: '催件' })).toBe(
      false,
    );
  });
  it('asks important or repeat customers for a questionnaire, nobody else', () => {
    expect(wantsQuestionnaire(defaultRules.questionnaire, { vipLevel: 1, earlierContacts: 0 })).toBe(true);
    expect(wantsQuestionnaire(defaultRules.questionnaire, { vipLevel: 0, earlierContacts: 1 })).toBe(true);
    expect(wantsQuestionnaire(defaultRules.questionnaire, { vipLevel: 0, earlierContacts: 0 })).toBe(false);
  });
  it('counts a result form complete when a reached customer gave a level or an unreached attempt is noted', () => {
    const blank = { newProblems: '', suggestion: '', note: '' };
    expect(formComplete({ ...blank, reached: true, satisfaction: 'satisfied' })).toBe(true);
    expect(formComplete({ ...blank, reached: true, satisfaction: null })).toBe(false);
    expect(formComplete({ ...blank, reached: false, satisfaction: null })).toBe(false);
    expect(formComplete({ ...blank, reached: false, satisfaction: null, note: '两次未接通' })).toBe(true);
  });
});

describe('questionnaire answers', () => {
  const questions = [
    { id: 'overall', kind: 'scale' as const, text: '整体', max: 5, required: true },
    { id: 'speed', kind: 'single_choice' as const, text: '速度', options: ['快', '慢'], required: true },
    { id: 'words', kind: 'text' as const, text: '其他', required: false },
  ];
  it('accepts answers within range and options, optional text left out', () => {
    expect(checkAnswers(questions, { overall: 5, speed: '快' })).toBe(true);
  });
  it('refuses a missing required answer, a scale out of range, an unknown option or question', () => {
    expect(checkAnswers(questions, { overall: 5 })).toBe(false);
    expect(checkAnswers(questions, { overall: 6, speed: '快' })).toBe(false);
    expect(checkAnswers(questions, { overall: 3, speed: '一般' })).toBe(false);
    expect(checkAnswers(questions, { overall: 3, speed: '快', extra: 'x' })).toBe(false);
  });
});
