import { describe, expect, it } from 'vitest';
import { activeReplies, autoReplyState, type AutoReplyRule } from './rules.js';
import { renderTemplate } from '../../shared/templates.js';

const at = (iso: string) => Date.parse(iso);
const promotion = (overrides: Partial<AutoReplyRule> = {}): AutoReplyRule => ({
  kind: 'promotion',
  text: '双11 全场满300减50',
  enabled: true,
  startsAt: at('2026-11-01T00:00:00+08:00'),
  endsAt: at('2026-11-12T00:00:00+08:00'),
  ...overrides,
});

describe('auto-reply rules', () => {
  it('sends a promotion only inside its period, and it switches itself off at the end', () => {
    const reply = promotion();
    expect(autoReplyState(reply, at('2026-10-31T23:59:59+08:00'))).toBe('scheduled');
    expect(autoReplyState(reply, at('2026-11-01T00:00:00+08:00'))).toBe('active');
    expect(autoReplyState(reply, at('2026-11-11T23:59:59+08:00'))).toBe('active');
    expect(autoReplyState(reply, at('2026-11-12T00:00:00+08:00'))).toBe('expired');
    expect(activeReplies([reply], 'promotion', at('2026-11-12T00:00:00+08:00'))).toEqual([]);
  });

  it('a switched-off reply is never sent, and an expired promotion reads as expired even when left on', () => {
    expect(autoReplyState(promotion({ enabled: false }), at('2026-11-05T00:00:00Z'))).toBe('disabled');
    expect(autoReplyState(promotion({ enabled: false }), at('2026-12-05T00:00:00Z'))).toBe('expired');
    const greeting: AutoReplyRule = {
      kind: 'greeting',
      text: 'hi',
      enabled: false,
      startsAt: null,
      endsAt: null,
    };
    expect(activeReplies([greeting], 'greeting', 0)).toEqual([]);
    expect(activeReplies([{ ...greeting, enabled: true }], 'greeting', 0)).toHaveLength(1);
  });

  it('picks only replies of the kind asked for', () => {
    const greeting: AutoReplyRule = {
      kind: 'greeting',
      text: 'hi',
      enabled: true,
      startsAt: null,
      endsAt: null,
    };
    const now = at('2026-11-05T00:00:00Z');
    expect(activeReplies([greeting, promotion()], 'promotion', now).map((r) => r.kind)).toEqual([
      'promotion',
    ]);
  });
});

describe('templates', () => {
  it('fills known variables, empties missing values and leaves unknown names as typed', () => {
    expect(
      renderTemplate('{customerName} 您好，订单 {orderNumber} 已发货 {unknown}', { customerName: '张三' }),
    ).toBe('张三 您好，订单  已发货 {unknown}');
    expect(renderTemplate('前面还有 {position} 位', { position: 3 })).toBe('前面还有 3 位');
  });
});
