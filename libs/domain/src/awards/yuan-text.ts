import { Fen } from '../shared/money';

/** ¥1,234,567.89 from 123456789 fen, by integer arithmetic (no float rounding). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const yuan = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(absolute % 100).padStart(2, '0')}`;
}
