import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ColumnKind, ExportCell, ExportTable } from './export-table';
import { shanghaiText } from './export-table';

function textOf(kind: ColumnKind, value: ExportCell): string {
  if (value === null) return '';
  switch (kind) {
    case 'yuan':
      return (Number(value) / 100).toFixed(2);
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return shanghaiText(String(value));
    default:
      return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  }
}

async function* linesOf(table: ExportTable): AsyncGenerator<string[]> {
  yield table.columns.map((column) => column.header);
  for await (const row of table.rows()) yield row.map((value, index) => textOf(table.columns[index].kind, value));
}

/**
 * The same table as RFC 4180 CSV for machines (csv-stringify): UTF-8 with a byte-order mark, so Excel
 * opens the Chinese headers correctly; money in 元 with two decimals, dates as YYYY-MM-DD, times in
 * Asia/Shanghai.
 */
export async function writeCsv(table: ExportTable, stream: Writable): Promise<void> {
  stream.write('\ufeff');
  await pipeline(Readable.from(linesOf(table)), stringify({ record_delimiter: 'windows' }), stream);
}
