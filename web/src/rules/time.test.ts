import { describe, expect, it } from 'vitest';
import { fromZonedParts, toZonedParts } from '@shared/zoned-time.js';
import { formatElapsed } from './time';

describe('shop wall time', () => {
  it('09:00 in Shanghai is 01:00 UTC', () => {
    const instant = fromZonedParts(
      { year: 2026, month: 11, day: 23, hour: 9, minute: 0, second: 0 },
      'Asia/Shanghai',
    );
    expect(new Date(instant).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(toZonedParts(instant, 'Asia/Shanghai')).toMatchObject({ day: 23, hour: 9, minute: 0 });
  });

  it('follows daylight saving time in zones that have it', () => {
    const summer = fromZonedParts(
      { year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 },
      'Europe/Berlin',
    );
    expect(new Date(summer).toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  it('clocks read m:ss, then h:mm:ss', () => {
    expect(formatElapsed(5)).toBe('0:05');
    expect(formatElapsed(61)).toBe('1:01');
    expect(formatElapsed(3725)).toBe('1:02:05');
  });
});
