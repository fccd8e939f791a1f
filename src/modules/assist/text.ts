// Turns Chinese and English text into index terms without a dictionary: Chinese runs become single characters and
// character bigrams (Chinese has no spaces, and bigrams carry most of a word's meaning), Latin runs become words,
// long digit runs (order numbers, phone numbers) one placeholder term.
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/u;
const run = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z]+|[0-9]+/gu;

/** Full-width letters and digits to half-width, lower case (NFKC does both widths). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Characters too common in customer messages to say anything on their own (bigrams with them still count). */
const weakCharacters = new Set('的了吗呢啊吧呀哦嗯么我你您是在有这那个就也都还要想请问下一好');

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const match of normalizeText(text).matchAll(run)) {
    const piece = match[0];
    if (cjk.test(piece[0] ?? '')) {
      const chars = Array.from(piece);
      chars.forEach((char, index) => {
        if (!weakCharacters.has(char)) out.push(char);
        const next = chars[index + 1];
        if (next) out.push(char + next);
      });
    } else if (/^[0-9]/.test(piece)) {
      out.push(piece.length >= 6 ? '#number' : piece);
    } else if (piece.length > 1 || piece === 'm' || piece === 's' || piece === 'l') {
      out.push(piece);
    }
  }
  return out;
}

/** Term → count. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
