import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ColumnKind, ExportCell, ExportTable } from './export-table';
import { shanghaiWallClock, yuanOf } from './export-table';

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  yuan: '#,##0.00"元"',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  decimal: '0.00',
  integer: '0',
};

function cellOf(kind: ColumnKind, value: ExportCell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'yuan':
      return yuanOf(Number(value));
    case 'date':
      return new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
    case 'datetime':
      return shanghaiWallClock(String(value));
    case 'integer':
    case 'decimal':
      return Number(value);
    default:
      return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  }
}

/**
 * Streams the table as an .xlsx workbook (ExcelJS's WorkbookWriter): each row is committed to the zip
 * as it comes, so a large selection is never held whole in memory. Frozen, bold header row; money as
 * numbers formatted in 元, dates as dates. ExcelJS is loaded on the first export, not at boot (two thirds of
 * a second of module loading).
 */
export async function writeXlsx(table: ExportTable, stream: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '湖南省人工智能+评选系统';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(10, column.header.length * 2 + 2),
    ...(NUMBER_FORMATS[column.kind] ? { style: { numFmt: NUMBER_FORMATS[column.kind] } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const row of table.rows()) {
    sheet.addRow(row.map((value, index) => cellOf(table.columns[index].kind, value))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
