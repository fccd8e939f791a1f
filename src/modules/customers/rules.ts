// Masking of customer contact details for staff without the reveal permission (SPEC: security).

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.length >= 11) return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** Digits of a phone number as dialled, for matching: '+86 138-1234-5678' → '8613812345678'. */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}

/**
 * The ways one mainland number is commonly written, without spaces or dashes, so a PBX's caller id finds the number
 * a customer left: 13812345678, 8613812345678, +8613812345678.
 */
export function phoneVariants(phone: string): string[] {
  const digits = phoneDigits(phone);
  const national = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  return [...new Set([national, `86${national}`, `+86${national}`, digits, `+${digits}`])].filter(
    (variant) => variant.replace('+', '').length > 0,
  );
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskPhone(email);
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
