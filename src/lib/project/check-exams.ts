import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { TrainbookConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { readTextFile } from '../encoding/index.ts';
import { checkBlueprint, parseBlueprint } from '../exam/index.ts';
import type { QuestionBank } from '../questions/index.ts';
import { parseRubric } from '../rubric/index.ts';

/** Returns the YAML files of a folder, sorted; none when it does not exist. */
async function listYaml(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/**
 * Returns every problem of the blueprints and rubrics in the bank, without drawing or printing:
 * fields, fixed ids, pools that cannot be filled for some seed, points, pass marks and weights.
 * With `bankHasErrors`, blueprints are only parsed: their questions may be missing because of
 * those errors, and the real cause is reported already.
 */
export async function checkExamFiles(config: TrainbookConfig, bank: QuestionBank, { bankHasErrors = false }: { bankHasErrors?: boolean } = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const read = async (file: string) => {
    const relative = path.relative(config.rootDir, file).split(path.sep).join('/');
    const read = await readTextFile(file, relative);
    if (!read.ok) diagnostics.push(read.diagnostic);
    return { relative, text: read.ok ? read.text : undefined };
  };
  for (const file of await listYaml(path.join(config.bankDir, 'blueprints'))) {
    const { relative, text } = await read(file);
    if (text === undefined) continue;
    const { parsed, diagnostics: problems } = parseBlueprint(text, relative);
    diagnostics.push(...problems);
    if (parsed && !bankHasErrors) diagnostics.push(...checkBlueprint(bank, parsed).diagnostics);
  }
  for (const file of await listYaml(path.join(config.bankDir, 'rubrics'))) {
    const { relative, text } = await read(file);
    if (text !== undefined) diagnostics.push(...parseRubric(text, relative).diagnostics);
  }
  return diagnostics;
}
