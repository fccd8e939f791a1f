import { describe, expect, it } from 'vitest';
import { auditChangeLines } from './audit';

const format = { timeZone: 'Asia/Shanghai', locale: 'zh-CN' as const };

describe('audit change lines', () => {
  it('shows the epoch-millisecond instants of a created entry in the shop time zone', () => {
    const lines = auditChangeLines(
      {
        action: 'agent.created',
        changes: { login: 'presale4', createdAt: Date.parse('2026-11-23T01:02:03Z') },
      },
      format,
    );
    expect(lines).toEqual(['login: presale4', 'createdAt: 2026/11/23 09:02:03']);
  });

  it('formats ISO instants of …At fields but leaves other numbers alone', () => {
    const lines = auditChangeLines(
      {
        action: 'auto_reply.updated',
        changes: { endsAt: ['2026-11-23T01:00:00.000Z', null], maxConcurrentChats: [8, 10] },
      },
      format,
    );
    expect(lines).toEqual(['endsAt: 2026/11/23 09:00:00 → ∅', 'maxConcurrentChats: 8 → 10']);
  });
});
