/** Money is an integer number of fen (分). Never a float: 1 CNY = 100 fen. */
export type Fen = number;

export const FEN_PER_YUAN = 100;

export function yuanToFen(yuan: number): Fen {
  const fen = Math.round(yuan * FEN_PER_YUAN);
  assertFen(fen);
  return fen;
}

export function assertFen(value: number, what = 'amount'): asserts value is Fen {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative whole number of fen, got ${value}`);
  }
}
