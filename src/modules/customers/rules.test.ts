import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, phoneVariants } from './rules.js';

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mainland mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
  it('keeps the country code visible and hides the middle of longer numbers', () => {
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
  });
  it('hides all but the last two digits of short numbers', () => {
    expect(maskPhone('5551234')).toBe('*****34');
    expect(maskPhone('12')).toBe('**');
  });
});

describe('phone matching and e-mail masking', () => {
  it('writes one mainland number the ways a PBX or a customer may', () => {
    expect(phoneVariants('+86 138-1234-5678')).toEqual(
      expect.arrayContaining(['13812345678', '+8613812345678']),
    );
    expect(phoneVariants('13812345678')).toEqual(expect.arrayContaining(['8613812345678', '+8613812345678']));
  });
  it('keeps the first letter and the domain of an e-mail', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
  });
});
