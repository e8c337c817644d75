import path from 'node:path';
import type { Diagnostic } from '../../src/lib/diagnostics/index.ts';
import { rosterFromTable, type RosterEntry } from '../../src/lib/exam/index.ts';
import { readSpreadsheet } from '../../src/lib/spreadsheet/index.ts';
import { relative } from './output.ts';

/** Reads a roster (.csv or .xlsx, columns 工号 姓名 部门) from its first sheet; problems are located diagnostics. */
export async function readRoster(file: string): Promise<{ entries: RosterEntry[]; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(file);
  const read = await readSpreadsheet(absolute, relative(absolute));
  if (read.diagnostics.length || !read.tables[0]) return { entries: [], diagnostics: read.diagnostics };
  const { candidates, diagnostics } = rosterFromTable(read.tables[0]);
  return { entries: candidates, diagnostics };
}
