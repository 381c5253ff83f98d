/**
 * "1,999,999.99 元" from 199999999 fen. Split into yuan and fen with BigInt so no amount is ever
 * divided as a float; the input must be a whole, non-negative, safe number of fen.
 */
export function formatFenAsYuan(fen: number): string {
  return formatBigFen(toBigFen(fen));
}

/** The sum of whole-fen amounts as "N.NN 元", exact even when the sum passes 2^53. */
export function formatFenTotalAsYuan(amounts: readonly number[]): string {
  return formatBigFen(amounts.reduce((sum, fen) => sum + toBigFen(fen), 0n));
}

function toBigFen(fen: number): bigint {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`an amount must be a non-negative whole number of fen, got ${fen}`);
  }
  return BigInt(fen);
}

function formatBigFen(fen: bigint): string {
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (fen % 100n).toString().padStart(2, '0');
  return `${yuan}.${cents} 元`;
}
