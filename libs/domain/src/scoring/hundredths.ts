/**
 * Scores are published with two decimals. Working in whole hundredths keeps sums exact, so an
 * aggregate never depends on the order scores arrived in.
 */
export function toHundredths(value: number): number {
  const scaled = value * 100;
  // A relative nudge so that a value written 84.125 but stored as 84.12499999999999 rounds up as written.
  return Math.round(scaled + Math.abs(scaled) * 1e-12);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

export function roundToHundredths(value: number): number {
  return fromHundredths(toHundredths(value));
}
