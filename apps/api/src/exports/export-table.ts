/** How a column's values are written: money in 元 as numbers, dates as dates, in both formats. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'yuan' | 'date' | 'datetime';

export interface ExportColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Characters; Excel's column width. */
  readonly width?: number;
}

/** A cell before formatting: fen for `yuan`, an ISO instant or YYYY-MM-DD for the dates. */
export type ExportCell = string | number | boolean | null;

/** One sheet of an export: Chinese headers and rows produced lazily, so a large selection streams. */
export interface ExportTable {
  readonly sheetName: string;
  /** The file's name without extension, e.g. 申报材料-demo-scenario-2026. */
  readonly fileStem: string;
  readonly columns: readonly ExportColumn[];
  rows(): AsyncIterable<readonly ExportCell[]>;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as the wall-clock time in Changsha (Excel dates carry no zone). */
export function shanghaiWallClock(instant: string): Date {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS);
}

/** "2026-04-01 09:30" in Asia/Shanghai. */
export function shanghaiText(instant: string): string {
  return shanghaiWallClock(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** Fen as a number of 元 (two decimals). */
export const yuanOf = (fen: number): number => Math.round(fen) / 100;
