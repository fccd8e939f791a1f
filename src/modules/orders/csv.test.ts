import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, csvCell, isBlankRecord } from './csv.js';

function readAll(chunks: readonly string[]): string[][] {
  const reader = new CsvReader();
  const records = chunks.flatMap((chunk) => reader.push(chunk));
  return [...records, ...reader.end()].filter((record) => !isBlankRecord(record));
}

describe('streaming CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\r\n"multi\nline",,z\n';
    expect(readAll([text])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['multi\nline', '', 'z'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '中', ' ') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
        const text = rows
          .map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(','))
          .join('\r\n');
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length]
          .slice(1)
          .map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
        expect(readAll(chunks)).toEqual(readAll([text]));
        expect(readAll([text])).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('writes cells that a spreadsheet cannot run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(12)).toBe('12');
  });
});
