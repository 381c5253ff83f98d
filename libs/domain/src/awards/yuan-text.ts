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

/** "1,234,567.89 元", as the award list and the annexes print amounts (libs/documents formatFenAsYuan). */
export function yuanText(fen: Fen): string {
  return `${formatYuan(fen).replace('¥', '')} 元`;
}
