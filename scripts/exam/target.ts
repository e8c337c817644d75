import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../cli.ts';

/** Returns the `.yaml` files of a folder, sorted; none when it does not exist. */
export async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
}

/** Returns `new-hire-theory`, `blueprints/new-hire-theory` or a path to a file resolved, with its kind. */
export async function resolveTarget(target: string, bankDir: string): Promise<{ file: string; kind: 'blueprint' | 'rubric' }> {
  const candidates = [path.resolve(target), path.join(bankDir, 'blueprints', `${target}.yaml`), path.join(bankDir, 'rubrics', `${target}.yaml`), path.join(bankDir, `${target}.yaml`)];
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    // A rubric has dimensions, a blueprint has sections: the file's content decides, not its path.
    return { file, kind: /^dimensions:/m.test(text) && !/^sections:/m.test(text) ? 'rubric' : 'blueprint' };
  }
  const names = [...(await listYaml(path.join(bankDir, 'blueprints'))), ...(await listYaml(path.join(bankDir, 'rubrics')))].map((f) => f.replace(/\.ya?ml$/, ''));
  throw new UsageError(`no blueprint or rubric \`${target}\`; available: ${names.map((n) => `\`${n}\``).join(', ') || 'none'}`);
}

/** Prints the blueprints and rubrics of the bank. */
export async function printList(bankDir: string): Promise<void> {
  for (const [folder, label] of [['blueprints', 'Blueprints'], ['rubrics', 'Rubrics (practical assessment sets)']] as const) {
    console.log(`${label}:`);
    for (const file of await listYaml(path.join(bankDir, folder))) console.log(`  ${file.replace(/\.ya?ml$/, '')}`);
  }
}
