// Knowledge rules: an entry is used only inside its validity dates, and is overdue for review once its next
// review date has passed (seed 002 §3: templates and answers are reviewed and updated regularly).
export interface Dated {
  validFrom: number | null;
  validUntil: number | null;
  nextReviewAt: number | null;
}

export function isActive(entry: Dated, now: number): boolean {
  return (
    (entry.validFrom === null || entry.validFrom <= now) &&
    (entry.validUntil === null || now < entry.validUntil)
  );
}

export function isReviewOverdue(entry: Dated, now: number): boolean {
  return entry.nextReviewAt !== null && entry.nextReviewAt <= now;
}

/** Phrasings as stored (JSON), tolerant of a damaged value. */
export function parsePhrasings(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Duplicates and the title itself removed, order kept. */
export function cleanPhrasings(title: string, phrasings: readonly string[]): string[] {
  const seen = new Set([title.trim()]);
  const out: string[] = [];
  for (const phrasing of phrasings) {
    const text = phrasing.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}
