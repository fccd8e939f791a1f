// A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM): text goes in chunk
// by chunk and whole records come out, so a large file is never held in memory at once.

export class CsvReader {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** Just saw a quote inside a quoted field: either the field ends or it is a doubled quote. */
  private quotePending = false;
  private started = false;
  private lastWasCr = false;

  /** Feeds the next piece of text; returns the records it completed. */
  push(text: string): string[][] {
    const records: string[][] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const char = text[i]!;
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (char === '\n') continue;
      }
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (char === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
          // falls through: the character after the closing quote is read as unquoted
        } else if (char === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += char;
          continue;
        }
      }
      if (char === '"' && this.field.length === 0) {
        this.quoted = true;
      } else if (char === ',') {
        this.record.push(this.field);
        this.field = '';
      } else if (char === '\n' || char === '\r') {
        this.lastWasCr = char === '\r';
        records.push(this.finishRecord());
      } else {
        this.field += char;
      }
    }
    return records;
  }

  /** Ends the input: the last record when the file does not end with a newline. */
  end(): string[][] {
    if (this.quotePending) {
      this.quotePending = false;
      this.quoted = false;
    }
    if (this.field.length === 0 && this.record.length === 0) return [];
    return [this.finishRecord()];
  }

  private finishRecord(): string[] {
    this.record.push(this.field);
    const done = this.record;
    this.record = [];
    this.field = '';
    return done;
  }
}

/** Whether a record is an empty line (skipped, not counted). */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

/** One CSV cell; text that a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
