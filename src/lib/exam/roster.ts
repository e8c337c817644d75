import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { cellText, findColumn, placeOf, type Table } from '../spreadsheet/index.ts';
import type { RunCandidate } from './run-files.ts';

/** A person on a roster, before a variant is assigned. */
export type RosterEntry = Omit<RunCandidate, 'variant'>;

const COLUMNS = {
  id: ['工号', '员工编号', 'id', 'staff id', 'employee id'],
  name: ['姓名', 'name'],
  department: ['部门', 'department', 'dept'],
} as const;

/**
 * Returns the candidates of a roster sheet (columns 工号, 姓名, 部门; 部门 may be empty), or
 * diagnostics at the cells that are wrong: a missing column, an empty 工号 or 姓名, a 工号 given
 * twice (with the first place as the cause). The 工号 stays text as written (`0123`).
 */
export function rosterFromTable(table: Table): { candidates: RosterEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const columns = { id: findColumn(table, ...COLUMNS.id), name: findColumn(table, ...COLUMNS.name), department: findColumn(table, ...COLUMNS.department) };
  for (const key of ['id', 'name'] as const) {
    if (columns[key] !== undefined) continue;
    diagnostics.push(createError(table.file, placeOf(table, 0, table.headerRow), 'roster/missing-column', `Unexpected header ${table.header.length ? table.header.map((h) => `\`${h}\``).join(', ') : '(empty)'}, expected a \`${COLUMNS[key][0]}\` column`, 'the first row names the columns: 工号, 姓名, 部门.'));
  }
  if (diagnostics.length) return { candidates: [], diagnostics };
  const seen = new Map<string, number>();
  const candidates: RosterEntry[] = [];
  for (const row of table.rows) {
    const id = cellText(row, columns.id);
    const name = cellText(row, columns.name);
    const department = cellText(row, columns.department);
    if (!id) diagnostics.push(createError(table.file, placeOf(table, columns.id!, row.number), 'roster/missing-id', `Unexpected empty 工号 for \`${name || '?'}\`, expected the candidate's staff id`, 'fill in the 工号, or delete the row.'));
    if (!name) diagnostics.push(createError(table.file, placeOf(table, columns.name!, row.number), 'roster/missing-name', `Unexpected empty 姓名 for 工号 \`${id || '?'}\`, expected the candidate's name`, 'fill in the name, or delete the row.'));
    if (id && /[;\s]/.test(id)) diagnostics.push(createError(table.file, placeOf(table, columns.id!, row.number), 'roster/bad-id', `Unexpected 工号 \`${id}\`, expected no spaces or \`;\``, 'write the 工号 as one word, e.g. `00012345`.'));
    if (id && seen.has(id)) {
      const error = createError(table.file, placeOf(table, columns.id!, row.number), 'roster/duplicate-id', `Unexpected 工号 \`${id}\` a second time, expected each candidate once`, 'remove the duplicate row or correct the 工号.');
      diagnostics.push({ ...error, cause: { file: table.file, place: placeOf(table, columns.id!, seen.get(id)!), reason: 'first listed here' } });
    }
    if (id) seen.set(id, seen.get(id) ?? row.number);
    if (id && name) candidates.push({ id, name, department });
  }
  if (!table.rows.length) diagnostics.push(createError(table.file, undefined, 'roster/empty', 'Unexpected roster without candidates, expected one row per candidate', 'add rows under the header 工号, 姓名, 部门.'));
  return { candidates, diagnostics };
}

/** Returns the candidates with variants assigned round-robin in roster order: A, B, C, A, B, … */
export function assignVariants(entries: readonly RosterEntry[], labels: readonly string[]): RunCandidate[] {
  return entries.map((entry, i) => ({ ...entry, variant: labels[i % labels.length]! }));
}
