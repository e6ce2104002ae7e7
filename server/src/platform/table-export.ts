// Table exports for the lists (CSV for Excel and xlsx), one implementation for every module.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportColumn<T> = { header: string; value: (row: T) => string | number };

/**
 * A CSV cell: quoted, and a text starting with = + - @ neutralised so a spreadsheet never runs it as a
 * formula. Numbers are written as they are (a negative number, e.g. a difference, stays a number).
 */
export const csvCell = (v: string | number) => {
  let s = String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
};

/** UTF-8 with a BOM (so Excel reads Japanese), CRLF lines, a header row. */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function sendCsv<T>(reply: FastifyReply, filename: string, columns: readonly ExportColumn<T>[], rows: readonly T[]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(toCsv(columns, rows));
}

/** One worksheet: a bold, frozen header row and the rows. */
export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  width = 18,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, width }));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(buf);
}
