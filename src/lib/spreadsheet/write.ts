/** One column of a sheet to write. */
export interface ColumnSpec {
  header: string;
  /** Width in characters; Chinese characters count double. Defaults from the header. */
  width?: number;
  /** Drop-down choices for the data cells (Excel list validation). */
  choices?: string[];
  /** A comment shown on the header cell, e.g. the maximum points. */
  note?: string;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: (string | number)[][];
  /** Rows below the data that still get the drop-downs, for people adding rows by hand. */
  spareRows?: number;
  /** Background colours of data cells as `RRGGBB`, by row and column index of `rows` (e.g. a heat map). */
  fills?: (string | undefined)[][];
}

/** Returns an .xlsx workbook: bold frozen header row, drop-downs, sensible widths. */
export async function workbookBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep reruns of the same data identical apart from the zip's own timestamps.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  workbook.creator = 'trainbook';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(8, displayWidth(c.header) + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    spec.fills?.forEach((colours, r) =>
      colours.forEach((colour, c) => {
        if (colour) sheet.getRow(r + 2).getCell(c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour}` } };
      }),
    );
    const lastRow = spec.rows.length + 1 + (spec.spareRows ?? 0);
    spec.columns.forEach((column, index) => {
      if (column.note) sheet.getRow(1).getCell(index + 1).note = column.note;
      if (!column.choices?.length) return;
      const formula = `"${column.choices.join(',')}"`;
      // Excel limits an inline list to 255 characters; longer lists are left to free typing.
      if (formula.length > 255) return;
      for (let r = 2; r <= lastRow; r++) {
        sheet.getRow(r).getCell(index + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true };
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Returns CSV text with a UTF-8 BOM so Excel on Chinese Windows opens it as UTF-8, with CRLF lines as Excel writes. */
export function csvBytes(header: string[], rows: (string | number)[][]): Buffer {
  const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');
  const text = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Width of text in Excel's character units: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}
