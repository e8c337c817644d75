import { readdir } from 'node:fs/promises';
import { readTextFile } from '../encoding/index.ts';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.ts';
import { parseSkillModel } from './parse.ts';
import type { SkillModel } from './schema.ts';

/** The folder of skill models inside the question bank. */
export const SKILLS_FOLDER = 'skills';

/** Returns the `.yaml` files of a folder, sorted; none when it does not exist. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return [];
  }
}

/**
 * Returns every skill model of `question-bank/skills/` by name (file name without `.yaml`),
 * the names of all model files (valid or not), and the diagnostics of those that are invalid. `lessons` checks the lesson links.
 */
export async function loadSkillModels(bankDir: string, rootDir: string, lessons?: ReadonlySet<string>): Promise<{ models: Map<string, SkillModel>; names: string[]; diagnostics: Diagnostic[] }> {
  const dir = path.join(bankDir, SKILLS_FOLDER);
  const models = new Map<string, SkillModel>();
  const diagnostics: Diagnostic[] = [];
  const files = await listYamlFiles(dir);
  for (const name of files) {
    const file = path.relative(rootDir, path.join(dir, name)).split(path.sep).join('/');
    const read = await readTextFile(path.join(dir, name), file);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseSkillModel(read.text, file, { lessons });
    diagnostics.push(...parsed.diagnostics);
    if (parsed.model) models.set(name.replace(/\.ya?ml$/, ''), parsed.model);
  }
  return { models, names: files.map((name) => name.replace(/\.ya?ml$/, '')), diagnostics };
}
