import { roundToHundredths, toHundredths } from './hundredths';

describe('hundredths of a point', () => {
  it('rounds halves up as they are written, despite binary floating point', () => {
    expect(roundToHundredths(84.125)).toBe(84.13);
    expect(roundToHundredths(1.005)).toBe(1.01);
    expect(roundToHundredths(0.1 + 0.2)).toBe(0.3);
    expect(roundToHundredths(66.66666)).toBe(66.67);
  });

  it('turns points into whole hundredths', () => {
    expect(toHundredths(72.5)).toBe(7250);
    expect(toHundredths(0)).toBe(0);
    expect(toHundredths(100)).toBe(10_000);
  });
});
