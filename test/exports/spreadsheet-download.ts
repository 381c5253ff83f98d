import ExcelJS from 'exceljs';
import type request from 'supertest';

/** Collects a binary body (supertest buffers text only by default). */
export function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

export interface OpenedSheet {
  readonly sheet: ExcelJS.Worksheet;
  readonly headers: string[];
  /** Data rows (below the header), as cell values. */
  readonly rows: ExcelJS.CellValue[][];
}

/** Opens an .xlsx with the library that wrote it and returns its first sheet. */
export async function openXlsx(body: Buffer): Promise<OpenedSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const values = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);
  const headers = values(sheet.getRow(1)).map(String);
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(headers.map((_header, index) => row.getCell(index + 1).value));
  });
  return { sheet, headers, rows };
}

/** The values of one column by its header. */
export function column(opened: OpenedSheet, header: string): ExcelJS.CellValue[] {
  const index = opened.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}; the sheet has ${opened.headers.join(', ')}`);
  return opened.rows.map((row) => row[index]);
}
