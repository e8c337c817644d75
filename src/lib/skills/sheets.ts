import { createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { cellText, findColumn, placeOf, type SheetSpec, type Table } from '../spreadsheet/index.ts';
import type { Person, RatingForm } from './score.ts';
import { RATER_KINDS, RATER_LABELS, type RaterKind, type SkillModel } from './schema.ts';

/** Header names of the ratings sheet's fixed columns; indicator columns follow, headed `<id> <text>`. */
export const RATINGS_COLUMNS = { id: '工号', name: '姓名', department: '部门', role: '岗位', kind: '评价人类型', rater: '评价人' } as const;

/** Cells that mean "this indicator does not apply to this person" in the template. */
const NOT_APPLICABLE = new Set(['—', '-', '–', '/', 'n/a', 'N/A', '不适用']);

/** Returns the role id a roster or sheet cell names, by id or by printed name. */
export function roleIdFor(model: SkillModel, text: string): string | undefined {
  return model.roles.find((role) => role.id === text || role.name === text)?.id;
}

function kindFor(text: string): RaterKind | undefined {
  return RATER_KINDS.find((kind) => kind === text || RATER_LABELS[kind] === text || `${RATER_LABELS[kind]}评价` === text);
}

const roleList = (model: SkillModel) => model.roles.map((r) => `\`${r.name}\` (\`${r.id}\`)`).join(', ');

/**
 * Returns the people of a roster sheet (columns 工号, 姓名, 岗位, optional 部门), or diagnostics
 * naming the cell: missing columns, empty ids, duplicate ids, unknown roles.
 */
export function readRoster(model: SkillModel, table: Table): { people: Person[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const columns = { id: findColumn(table, '工号', 'id'), name: findColumn(table, '姓名', 'name'), department: findColumn(table, '部门', 'department'), role: findColumn(table, '岗位', 'role') };
  for (const [key, header] of [['id', '工号'], ['name', '姓名'], ['role', '岗位']] as const) {
    if (columns[key] === undefined) diagnostics.push(createError(table.file, placeOf(table, 0, table.headerRow), 'skills/missing-column', `Missing column \`${header}\` in the roster's header row`, `add a column headed \`${header}\`${key === 'role' ? `; values: ${roleList(model)}` : ''}.`));
  }
  if (diagnostics.length) return { people: [], diagnostics };
  const people: Person[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = cellText(row, columns.id);
    if (!id) {
      diagnostics.push(createError(table.file, placeOf(table, columns.id!, row.number), 'skills/missing-id', 'Missing 工号, expected an id on every roster row', 'fill in the 工号 or delete the row.'));
      continue;
    }
    if (seen.has(id)) {
      diagnostics.push(createError(table.file, placeOf(table, columns.id!, row.number), 'skills/duplicate-person', `Unexpected duplicate 工号 \`${id}\`, first on row ${seen.get(id)}`, 'list each person once.'));
      continue;
    }
    seen.set(id, row.number);
    const roleText = cellText(row, columns.role);
    const role = roleIdFor(model, roleText);
    if (!role) {
      diagnostics.push(createError(table.file, placeOf(table, columns.role!, row.number), 'skills/unknown-role', `Unexpected 岗位 \`${roleText}\`, expected one of ${roleList(model)}`, 'write the role’s name or id as the skill model lists it.'));
      continue;
    }
    people.push({ id, name: cellText(row, columns.name), department: cellText(row, columns.department), role });
  }
  return { people, diagnostics };
}

/**
 * Returns the ratings template: one sheet `评分`, one row per person × rater form, one column per
 * indicator of the model. Rows are pre-filled for each person (自评, 上级, two 同事, 客户, 实操);
 * indicators outside the person's role show `—`.
 */
export function ratingsTemplate(model: SkillModel, people: readonly Person[]): SheetSpec {
  const indicators = model.dimensions.flatMap((d) => d.indicators.map((i) => ({ dimension: d, indicator: i })));
  const plan: RaterKind[] = ['self', 'supervisor', 'peer', 'peer', 'customer', 'practical'];
  const rows = people.flatMap((person) => {
    const role = model.roles.find((r) => r.id === person.role)!;
    return plan.map((kind) => [
      person.id,
      person.name,
      person.department,
      role.name,
      RATER_LABELS[kind],
      kind === 'self' ? person.name : kind === 'customer' ? '客户评价汇总' : '',
      ...indicators.map(({ dimension }) => (role.dimensions.includes(dimension.id) ? '' : '—')),
    ]);
  });
  return {
    name: '评分',
    columns: [
      { header: RATINGS_COLUMNS.id, width: 10 },
      { header: RATINGS_COLUMNS.name, width: 10 },
      { header: RATINGS_COLUMNS.department, width: 12 },
      { header: RATINGS_COLUMNS.role, width: 14, choices: model.roles.map((r) => r.name) },
      { header: RATINGS_COLUMNS.kind, width: 12, choices: RATER_KINDS.map((k) => RATER_LABELS[k]), note: '自评 / 上级 / 同事 / 客户 / 实操；同一类可有多行（如两位同事），取平均' },
      { header: RATINGS_COLUMNS.rater, width: 12 },
      ...indicators.map(({ dimension, indicator }) => ({ header: `${indicator.id} ${indicator.text}`, width: 14, note: `${dimension.name}：1–5 分（可含小数，如客户评价汇总）；空白 = 未评；— = 不适用` })),
    ],
    rows,
    spareRows: 20,
  };
}

/** Ratings read from a sheet: forms, the people named in it, and the cells that were wrong. */
export interface RatingsSheet {
  forms: RatingForm[];
  people: Person[];
  diagnostics: Diagnostic[];
}

/**
 * Returns the rating forms of a ratings sheet in the template's layout. Every problem names its
 * cell: unknown rater kinds and roles, scores outside 1–5, two self-assessments for one person,
 * a person listed with two roles. Scores for indicators outside the person's role are ignored with a warning.
 */
export function readRatings(model: SkillModel, table: Table): RatingsSheet {
  const diagnostics: Diagnostic[] = [];
  const at = (column: number, row: number) => placeOf(table, column, row, true);
  const columns = {
    id: findColumn(table, RATINGS_COLUMNS.id, 'id'),
    name: findColumn(table, RATINGS_COLUMNS.name, 'name'),
    department: findColumn(table, RATINGS_COLUMNS.department, 'department'),
    role: findColumn(table, RATINGS_COLUMNS.role, 'role'),
    kind: findColumn(table, RATINGS_COLUMNS.kind, 'rater kind', 'kind'),
    rater: findColumn(table, RATINGS_COLUMNS.rater, 'rater'),
  };
  for (const key of ['id', 'role', 'kind'] as const) {
    if (columns[key] === undefined) diagnostics.push(createError(table.file, at(0, table.headerRow), 'skills/missing-column', `Missing column \`${RATINGS_COLUMNS[key]}\` in the ratings sheet's header row`, 'start from `npm run skills -- <model> --template` and keep its header row.'));
  }
  const known = new Map(model.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, d.id] as const)));
  const indicatorColumns = new Map<number, string>();
  const fixed = new Set(Object.values(columns));
  table.header.forEach((header, c) => {
    if (fixed.has(c) || !header) return;
    const id = header.split(/\s+/)[0]!;
    if (known.has(id)) indicatorColumns.set(c, id);
    else diagnostics.push(createWarning(table.file, at(c, table.headerRow), 'skills/unknown-indicator', `Unexpected column \`${header}\`, expected an indicator id of the model at the start of the header`, 'the column is ignored; check the id against the skill model or start from a fresh template.'));
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { forms: [], people: [], diagnostics };

  const people = new Map<string, Person & { row: number }>();
  const selfRows = new Map<string, number>();
  const forms: RatingForm[] = [];
  for (const row of table.rows) {
    const id = cellText(row, columns.id);
    if (!id) {
      diagnostics.push(createError(table.file, at(columns.id!, row.number), 'skills/missing-id', 'Missing 工号, expected the person rated on every row', 'fill in the 工号 or delete the row.'));
      continue;
    }
    const roleText = cellText(row, columns.role);
    const role = roleIdFor(model, roleText);
    if (!role) {
      diagnostics.push(createError(table.file, at(columns.role!, row.number), 'skills/unknown-role', `Unexpected 岗位 \`${roleText}\`, expected one of ${roleList(model)}`, 'write the role’s name or id as the skill model lists it.'));
      continue;
    }
    const person = people.get(id);
    if (person && person.role !== role) {
      diagnostics.push(createError(table.file, at(columns.role!, row.number), 'skills/role-mismatch', `Unexpected 岗位 \`${roleText}\` for \`${id}\`, expected the same role as on row ${person.row}`, 'a person is evaluated in one role per sheet; correct the 岗位.'));
      continue;
    }
    if (!person) people.set(id, { id, name: cellText(row, columns.name), department: cellText(row, columns.department), role, row: row.number });
    const kindText = cellText(row, columns.kind);
    const kind = kindFor(kindText);
    if (!kind) {
      diagnostics.push(createError(table.file, at(columns.kind!, row.number), 'skills/unknown-rater-kind', `Unexpected 评价人类型 \`${kindText}\`, expected one of ${RATER_KINDS.map((k) => `\`${RATER_LABELS[k]}\``).join(', ')}`, 'choose the rater kind from the drop-down.'));
      continue;
    }
    const dimensions = new Set(model.roles.find((r) => r.id === role)!.dimensions);
    const scores = new Map<string, number>();
    let ignored = 0;
    for (const [c, indicator] of indicatorColumns) {
      const text = cellText(row, c);
      if (!text || NOT_APPLICABLE.has(text)) continue;
      const value = Number(text);
      if (!Number.isFinite(value) || value < 1 || value > 5) {
        diagnostics.push(createError(table.file, at(c, row.number), 'skills/invalid-score', `Unexpected score \`${text}\`, expected a number from 1 to 5`, 'write 1, 2, 3, 4 or 5 (a summary of customer ratings may have decimals); leave the cell empty if not rated.'));
        continue;
      }
      if (!dimensions.has(known.get(indicator)!)) {
        ignored++;
        continue;
      }
      scores.set(indicator, value);
    }
    if (ignored) diagnostics.push(createWarning(table.file, at(columns.role!, row.number), 'skills/indicator-outside-role', `Unexpected ${ignored} score(s) for indicators the role \`${roleText}\` does not take`, 'they are ignored; check the 岗位 or clear those cells.'));
    if (kind === 'self' && scores.size) {
      if (selfRows.has(id)) {
        diagnostics.push(createError(table.file, at(columns.kind!, row.number), 'skills/duplicate-self', `Unexpected second 自评 for \`${id}\`, first on row ${selfRows.get(id)}`, 'keep one self-assessment per person.'));
        continue;
      }
      selfRows.set(id, row.number);
    }
    forms.push({ person: id, kind, rater: cellText(row, columns.rater), scores });
  }
  return { forms, people: [...people.values()].map(({ row: _row, ...person }) => person), diagnostics };
}

/**
 * Returns practical-test scores (0–100) by 工号 from a course results sheet, e.g. the
 * `results.csv` that marking writes: a `工号` column and a `课程成绩` column (also accepted:
 * `总评`, `综合成绩`, `course`, `course_score`).
 */
export function readCourseResults(table: Table): { scores: Map<string, number>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const id = findColumn(table, '工号', 'id', 'candidate');
  const score = findColumn(table, '课程成绩', '总评', '综合成绩', 'course', 'course_score', 'course score');
  if (id === undefined || score === undefined) {
    diagnostics.push(createError(table.file, placeOf(table, 0, table.headerRow), 'skills/missing-column', `Missing column \`${id === undefined ? '工号' : '课程成绩'}\` in the course results`, 'give a sheet with the columns `工号` and `课程成绩` (0–100), such as marking’s results.csv.'));
    return { scores: new Map(), diagnostics };
  }
  const scores = new Map<string, number>();
  for (const row of table.rows) {
    const key = cellText(row, id);
    const text = cellText(row, score);
    if (!key || !text) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      diagnostics.push(createError(table.file, placeOf(table, score, row.number), 'skills/invalid-course-score', `Unexpected course score \`${text}\`, expected a number from 0 to 100`, 'correct the score or leave it empty.'));
      continue;
    }
    scores.set(key, value);
  }
  return { scores, diagnostics };
}
