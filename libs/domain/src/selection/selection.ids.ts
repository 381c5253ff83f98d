import type { ProgrammeCode } from '../programmes';

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** demo-scenario-2026, or innovation-platform-2025-1 for a programme selected in batches. */
export function selectionIdOf(programme: ProgrammeCode, year: number, batch?: number | null): string {
  return batch ? `${programme}-${year}-${batch}` : `${programme}-${year}`;
}

export function selectionStreamOf(selectionId: string): string {
  return `selection-${selectionId}`;
}

/** 首批, 第二批, ... 第二十批, as the plan names batches (附件4 is 首批). */
export function batchLabel(batch: number): string {
  if (batch === 1) return '首批';
  const tens = Math.floor(batch / 10);
  const units = batch % 10;
  const numeral =
    batch <= 10
      ? CHINESE_NUMERALS[batch]
      : `${tens > 1 ? CHINESE_NUMERALS[tens] : ''}十${units > 0 ? CHINESE_NUMERALS[units] : ''}`;
  return `第${numeral}批`;
}
