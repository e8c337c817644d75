import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Rubric } from '../rubric/index.ts';
import { cellText, findColumn, placeOf, type SheetSpec, type Table } from '../spreadsheet/index.ts';
import type { Assessment } from './assessment-schema.ts';
import { RESPONSE_COLUMNS } from './table-source.ts';

/** One candidate's practical assessment. */
export interface PracticalScore {
  id: string;
  /** Score 1–5 per rubric dimension, in rubric order. */
  levels: number[];
  /** Weighted total out of 100: Σ level ÷ 5 × weight (as the printed score sheet says). */
  score: number;
  /** Red lines the candidate crossed (fails the practical part whatever the score). */
  redLines: string[];
}

const HIT = new Set(['√', '✓', '✔', 'Y', 'YES', 'X', '×', '是', '有', '1', 'TRUE']);
const CLEAR = new Set(['', '否', '无', 'N', 'NO', '0', 'FALSE']);

/** Returns the practical score sheet template: 工号, 姓名, one column per dimension (1–5), one per red line (√ if crossed). */
export function practicalTemplate(rubric: Rubric, plan: Assessment, candidates: readonly { id: string; name: string }[]): SheetSpec {
  const dims = rubric.dimensions.map((d) => ({ header: `${d.name}（${d.weight}%）`, width: 14, choices: ['1', '2', '3', '4', '5'], note: '1–5 分' }));
  const lines = plan.red_lines.map((l) => ({ header: `红线：${l}`, width: 16, choices: ['√'], note: '触犯填 √，否则留空' }));
  return {
    name: '实操',
    columns: [{ header: RESPONSE_COLUMNS.id, width: 12 }, { header: RESPONSE_COLUMNS.name, width: 10 }, ...dims, ...lines],
    rows: candidates.map((c) => [c.id, c.name, ...dims.map(() => ''), ...lines.map(() => '')]),
    spareRows: candidates.length ? 10 : 200,
  };
}

/**
 * Returns the practical scores in a sheet, or every problem located at its cell: levels outside
 * 1–5, a missing dimension or red-line column, a duplicate or unknown 工号.
 */
export function practicalFromTable(table: Table, rubric: Rubric, plan: Assessment, knownIds: ReadonlySet<string>): { scores?: Map<string, PracticalScore>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = table.file;
  const headerCell = { cell: `A${table.headerRow}` };
  const idColumn = findColumn(table, RESPONSE_COLUMNS.id, 'id');
  if (idColumn === undefined) diagnostics.push(createError(file, headerCell, 'practical/missing-column', `Missing column \`${RESPONSE_COLUMNS.id}\``, 'add a column headed `工号`'));
  // Dimension headers may carry the weight: `沟通能力（30%）`.
  const columnOf = (name: string, prefix = '') => {
    const index = table.header.findIndex((h) => h.normalize('NFKC').replace(/\s+/g, '').replace(/\(.*\)$/, '') === `${prefix}${name}`.normalize('NFKC').replace(/\s+/g, ''));
    return index < 0 ? undefined : index;
  };
  const dimensionColumns = rubric.dimensions.map((d) => {
    const column = columnOf(d.name);
    if (column === undefined) diagnostics.push(createError(file, headerCell, 'practical/missing-column', `Missing column for dimension \`${d.name}\``, 'start from the template `npm run mark -- <run> --template`'));
    return column;
  });
  const redLineColumns = plan.red_lines.map((line) => {
    const column = columnOf(line, '红线:') ?? columnOf(line);
    if (column === undefined) diagnostics.push(createError(file, headerCell, 'practical/missing-column', `Missing column for red line \`${line}\``, `add a column headed \`红线：${line}\``));
    return column;
  });
  if (diagnostics.length) return { diagnostics };

  const scores = new Map<string, PracticalScore>();
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const at = (c: number) => placeOf(table, c, row.number);
    const id = cellText(row, idColumn);
    if (!id) {
      diagnostics.push(createError(file, at(idColumn!), 'practical/missing-id', 'Missing 工号', 'enter the candidate’s 工号, or delete the row'));
      continue;
    }
    if (firstRow.has(id)) {
      diagnostics.push({ ...createError(file, at(idColumn!), 'practical/duplicate-id', `Duplicate 工号 \`${id}\``, 'keep one row per candidate'), cause: { file, place: placeOf(table, idColumn!, firstRow.get(id)!), reason: 'first row of this 工号' } });
      continue;
    }
    firstRow.set(id, row.number);
    if (!knownIds.has(id)) diagnostics.push(createError(file, at(idColumn!), 'practical/unknown-candidate', `Unexpected 工号 \`${id}\`, not among the theory paper's candidates`, 'check the 工号 against responses.xlsx'));
    const levels = dimensionColumns.map((column, d) => {
      const text = cellText(row, column).normalize('NFKC');
      const level = Number(text);
      if (text === '' || !Number.isFinite(level) || level < 1 || level > 5) {
        diagnostics.push(createError(file, at(column!), 'practical/invalid-level', `Unexpected ${text ? `\`${text}\`` : 'empty cell'} for \`${rubric.dimensions[d]!.name}\`, expected a score from 1 to 5`, 'enter the level the examiner circled on the score sheet'));
        return 0;
      }
      return level;
    });
    const redLines = plan.red_lines.filter((line, l) => {
      const text = cellText(row, redLineColumns[l]).normalize('NFKC').toUpperCase();
      if (HIT.has(text)) return true;
      if (!CLEAR.has(text)) diagnostics.push(createError(file, at(redLineColumns[l]!), 'practical/invalid-red-line', `Unexpected \`${text}\` for red line \`${line}\`, expected \`√\` or an empty cell`, 'enter `√` when the candidate crossed the red line, otherwise leave it empty'));
      return false;
    });
    const score = rubric.dimensions.reduce((sum, d, i) => sum + (levels[i]! / 5) * d.weight, 0);
    scores.set(id, { id, levels, score: Math.round(score * 100) / 100, redLines });
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { scores, diagnostics };
}
