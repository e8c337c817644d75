import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { roleIdFor, type SkillModel } from '../skills/index.ts';
import { cellText, findColumn, placeOf, type Table } from '../spreadsheet/index.ts';
import type { Trainee } from './layout-forms.ts';

/**
 * Returns the trainees of a roster sheet: columns 工号 and 姓名, optional 部门 and 岗位 (a role of
 * `model`, by id or name). Problems name their cell.
 */
export function readTrainees(table: Table, model?: SkillModel): { trainees: Trainee[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const id = findColumn(table, '工号', 'id');
  const name = findColumn(table, '姓名', 'name');
  const department = findColumn(table, '部门', 'department');
  const role = findColumn(table, '岗位', 'role');
  if (id === undefined || name === undefined) {
    return { trainees: [], diagnostics: [createError(table.file, placeOf(table, 0, table.headerRow), 'training/missing-column', `Missing column \`${id === undefined ? '工号' : '姓名'}\` in the roster's header row`, 'give the roster the columns 工号 and 姓名 (部门 and 岗位 are optional).')] };
  }
  const trainees: Trainee[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const key = cellText(row, id);
    if (!key) {
      diagnostics.push(createError(table.file, placeOf(table, id, row.number), 'training/missing-id', 'Missing 工号, expected an id on every roster row', 'fill in the 工号 or delete the row.'));
      continue;
    }
    if (seen.has(key)) {
      diagnostics.push(createError(table.file, placeOf(table, id, row.number), 'training/duplicate-person', `Unexpected duplicate 工号 \`${key}\`, first on row ${seen.get(key)}`, 'list each trainee once.'));
      continue;
    }
    seen.set(key, row.number);
    const roleText = cellText(row, role);
    const roleId = roleText && model ? roleIdFor(model, roleText) : undefined;
    if (roleText && model && !roleId) {
      diagnostics.push(createError(table.file, placeOf(table, role!, row.number), 'training/unknown-role', `Unexpected 岗位 \`${roleText}\`, expected one of ${model.roles.map((r) => `\`${r.name}\``).join(', ')}`, 'write a role of the course’s skill model, or leave it empty for the course’s role.'));
      continue;
    }
    trainees.push({ id: key, name: cellText(row, name), department: cellText(row, department), ...(roleId ? { role: roleId } : {}) });
  }
  return { trainees, diagnostics };
}
