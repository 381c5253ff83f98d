import { safeNext } from './login-pages.controller';
import { beijingTime } from './portal-views';
import { chineseDate, fileSize, wanOfFen, yuanOfFen } from './zh-format';
import { scoreStripSvg } from './score-strip';

describe('portal helpers', () => {
  it('follows `next` only to a path on this site', () => {
    expect(safeNext('/expert/tasks')).toBe('/expert/tasks');
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example')).toBeUndefined();
  });

  it('shows instants as Beijing time', () => {
    expect(beijingTime('2026-04-10T01:00:00.000Z')).toBe('2026年4月10日 09:00');
    expect(beijingTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30');
  });

  it('draws one dot per expert total on the score strip, red when the experts disagree', () => {
    const svg = scoreStripSvg([60, 70, 95], 75, 70, true, '项目<甲>');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain('#a4001c');
    expect(svg).toContain('aria-label="项目&lt;甲&gt;');
  });

  it('writes amounts, dates and sizes the Chinese way', () => {
    expect(yuanOfFen(1_200_000_000)).toBe('12,000,000.00 元');
    expect(yuanOfFen(5)).toBe('0.05 元');
    expect(wanOfFen(1_200_000_000)).toBe('1,200.00 万元');
    expect(wanOfFen(10_000_000_000)).toBe('10,000.00 万元');
    expect(wanOfFen(null)).toBe('—');
    expect(yuanOfFen(null)).toBe('—');
    expect(chineseDate('2027-01-30')).toBe('2027年1月30日');
    expect(fileSize(300)).toBe('300 字节');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(200 * 1024)).toBe('200 KB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(fileSize(50 * 1024 * 1024)).toBe('50 MB');
  });
});
