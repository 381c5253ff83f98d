import { safeNext } from './login-pages.controller';
import { beijingTime } from './portal-views';
import { scoreStripSvg } from './score-strip';

describe('portal helpers', () => {
  it('follows `next` only to a path on this site', () => {
    expect(safeNext('/expert/tasks')).toBe('/expert/tasks');
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example')).toBeUndefined();
  });

  it('shows instants as Beijing time', () => {
    expect(beijingTime('2026-04-10T01:00:00.000Z')).toBe('2026-04-10 09:00');
  });

  it('draws one dot per expert total on the score strip, red when the experts disagree', () => {
    const svg = scoreStripSvg([60, 70, 95], 75, 70, true, '项目<甲>');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain('#a4001c');
    expect(svg).toContain('aria-label="项目&lt;甲&gt;');
  });
});
