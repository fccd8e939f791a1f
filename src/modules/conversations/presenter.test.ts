// The line conversation lists show for a message: one line, at most 80 characters (code points, not UTF-16 units).
import { describe, expect, it } from 'vitest';
import { messagePreview } from './presenter.js';

describe('message preview', () => {
  it('keeps a short line as it is', () => {
    expect(messagePreview('text', '您好，请问有现货吗？')).toBe('您好，请问有现货吗？');
  });

  it('folds runs of white space, full-width included, into one space and trims', () => {
    expect(messagePreview('text', '  第一行\n\n第二行\t　第三行 ')).toBe('第一行 第二行 第三行');
  });

  it('cuts after 80 characters without splitting an emoji', () => {
    const long = '😀'.repeat(100);
    expect([...messagePreview('text', long)]).toHaveLength(80);
    expect(messagePreview('text', long)).toBe('😀'.repeat(80));
    expect(messagePreview('text', 'a'.repeat(80))).toBe('a'.repeat(80));
    expect(messagePreview('text', 'a'.repeat(81))).toBe('a'.repeat(80));
  });

  it('shows an image as 🖼 and its caption', () => {
    expect(messagePreview('image', '')).toBe('🖼');
    expect(messagePreview('image', '尺码 表')).toBe('🖼 尺码 表');
  });
});
