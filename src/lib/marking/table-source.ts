import { createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import type { ItemKey } from '../exam/index.ts';
import { cellText, findColumn, placeOf, readSpreadsheet, type Table } from '../spreadsheet/index.ts';
import { parseAnswer } from './parse-answer.ts';
import type { CandidateResponses, ItemResponse, ResponseContext, ResponseSet, ResponseSource } from './responses.ts';

/** Headers of the fixed columns, as the template writes them. */
export const RESPONSE_COLUMNS = { id: '工号', name: '姓名', department: '部门', variant: '卷别' } as const;

/** Returns the item key a header names: `38(2)（满分 4）` → `38(2)`; undefined for other headers. */
export function itemKeyOfHeader(header: string): ItemKey | undefined {
  const match = /^(\d+)(?:\((\d+)\))?/.exec(header.normalize('NFKC').replace(/\s+/g, ''));
  if (!match) return undefined;
  return match[2] ? `${Number(match[1])}(${Number(match[2])})` : String(Number(match[1]));
}

/**
 * Returns the responses in a sheet filled from `responses.xlsx`/`.csv`, or every problem found,
 * each located at its cell: unknown 卷别, duplicate 工号, letters that are not options, points
 * above the maximum, missing columns.
 */
export function responsesFromTable(table: Table, { index, roster }: ResponseContext): { responses?: ResponseSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = table.file;
  const header = (c: number) => placeOf(table, c, table.headerRow);
  const idColumn = findColumn(table, RESPONSE_COLUMNS.id, 'id');
  const nameColumn = findColumn(table, RESPONSE_COLUMNS.name, 'name');
  const departmentColumn = findColumn(table, RESPONSE_COLUMNS.department, 'department');
  const variantColumn = findColumn(table, RESPONSE_COLUMNS.variant, 'variant');
  const labels = [...index.variants.keys()];
  for (const [column, name] of [[idColumn, RESPONSE_COLUMNS.id], [variantColumn, RESPONSE_COLUMNS.variant]] as const) {
    if (column === undefined) diagnostics.push(createError(file, { cell: `A${table.headerRow}` }, 'marking/missing-column', `Missing column \`${name}\`, expected the header row of \`npm run mark -- <run> --template\``, `add a column headed \`${name}\``));
  }

  const itemColumns = new Map<ItemKey, number>();
  table.header.forEach((text, c) => {
    const key = itemKeyOfHeader(text);
    if (key === undefined) return;
    if (itemColumns.has(key)) diagnostics.push(createError(file, header(c), 'marking/duplicate-column', `Duplicate column for question \`${key}\``, 'delete one of the two columns'));
    else itemColumns.set(key, c);
  });
  const allKeys = new Set([...index.variants.values()].flatMap((v) => [...v.keys()]));
  for (const key of allKeys) {
    if (!itemColumns.has(key)) diagnostics.push(createError(file, { cell: `A${table.headerRow}` }, 'marking/missing-column', `Missing column for question \`${key}\``, 'start from a fresh template (`--template`) and copy the answers across'));
  }
  for (const [key, c] of itemColumns) {
    if (!allKeys.has(key)) diagnostics.push(createError(file, header(c), 'marking/unknown-column', `Unexpected question \`${key}\`, the paper has questions ${[...allKeys].join(', ')}`, 'delete this column, or check it belongs to this run'));
  }
  if (idColumn === undefined || variantColumn === undefined) return { diagnostics };

  const rosterById = new Map(roster?.map((c) => [c.id, c]));
  const firstRow = new Map<string, number>();
  const candidates: CandidateResponses[] = [];
  for (const row of table.rows) {
    const id = cellText(row, idColumn);
    const variant = cellText(row, variantColumn).toUpperCase();
    const at = (c: number) => placeOf(table, c, row.number);
    if (!id) {
      diagnostics.push(createError(file, at(idColumn), 'marking/missing-id', 'Missing 工号', 'enter the candidate’s 工号, or delete the row'));
      continue;
    }
    const first = firstRow.get(id);
    if (first !== undefined) {
      diagnostics.push({ ...createError(file, at(idColumn), 'marking/duplicate-id', `Duplicate 工号 \`${id}\``, 'each candidate has one row: merge the two rows or correct the 工号'), cause: { file, place: placeOf(table, idColumn, first), reason: 'first row of this 工号' } });
      continue;
    }
    firstRow.set(id, row.number);
    const items = index.variants.get(variant);
    if (!items) {
      diagnostics.push(createError(file, at(variantColumn), 'marking/unknown-variant', `Unexpected 卷别 \`${variant || '(empty)'}\`, expected ${labels.map((l) => `\`${l}\``).join(', ')}`, 'enter the letter printed on the candidate’s paper'));
      continue;
    }
    const listed = rosterById.get(id);
    if (roster && !listed) diagnostics.push(createWarning(file, at(idColumn), 'marking/not-in-roster', `工号 \`${id}\` is not in the run's roster`, 'check the 工号; a walk-in candidate is marked all the same'));
    if (listed && listed.variant !== variant) diagnostics.push(createError(file, at(variantColumn), 'marking/wrong-variant', `Unexpected 卷别 \`${variant}\` for \`${id}\`, the roster printed variant \`${listed.variant}\``, `enter \`${listed.variant}\`, or the variant on the paper the candidate actually wrote`));

    const answers = new Map<ItemKey, ItemResponse>();
    let blank = true;
    for (const [key, { item }] of items) {
      const column = itemColumns.get(key);
      if (column === undefined) continue;
      const text = cellText(row, column);
      if (text) blank = false;
      const parsed = parseAnswer(text, item);
      if (parsed.reason) diagnostics.push(createError(file, at(column), 'marking/invalid-answer', parsed.reason, parsed.note));
      else if (parsed.response) answers.set(key, parsed.response);
    }
    // Cells of items another variant has but this one lacks must stay empty.
    for (const [key, column] of itemColumns) {
      if (!items.has(key) && allKeys.has(key) && cellText(row, column)) diagnostics.push(createError(file, at(column), 'marking/not-on-variant', `Variant ${variant} has no question \`${key}\``, 'clear the cell, or check the 卷别'));
    }
    candidates.push({
      id,
      name: cellText(row, nameColumn) || listed?.name || '',
      department: cellText(row, departmentColumn) || listed?.department || '',
      variant,
      absent: blank,
      answers,
    });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (candidates.length === 0) return { diagnostics: [...diagnostics, createError(file, undefined, 'marking/no-candidates', 'No candidate rows below the header', 'fill one row per candidate, starting from the template')] };
  return { responses: { source: file, candidates }, diagnostics };
}

/** Returns a response source reading an .xlsx or .csv file (GBK and UTF-16 CSV detected); `displayName` is how messages name it. */
export function spreadsheetSource(path: string, displayName = path): ResponseSource {
  return async (context) => {
    const read = await readSpreadsheet(path, displayName);
    if (read.diagnostics.length) return { diagnostics: read.diagnostics };
    const table = read.tables.find((t) => t.header.length > 0);
    if (!table) return { diagnostics: [createError(displayName, undefined, 'marking/empty-sheet', 'The file has no header row', 'start from `npm run mark -- <run> --template`')] };
    return responsesFromTable(table, context);
  };
}
