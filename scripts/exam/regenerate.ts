import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createError } from '../../src/lib/diagnostics/index.ts';
import { readTextFile } from '../../src/lib/encoding/index.ts';
import { BLUEPRINT_NAME_PATTERN, examFromManifest, parseBlueprint, parseManifest, runFolderName } from '../../src/lib/exam/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { formatDuration, UsageError } from '../cli.ts';
import { PROJECT_ROOT, type loadProjectConfig } from '../project-config.ts';
import { writeExamRun } from './exam-run.ts';
import { fail, relative } from './output.ts';

/** `--manifest`: rebuilds a past run from its manifest, or refuses and says what changed; returns the exit code. */
export async function regenerate(manifestPath: string, outRoot: string, config: ReturnType<typeof loadProjectConfig>, started: number): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.resolve(manifestPath), 'utf8');
  } catch {
    throw new UsageError(`cannot read \`${manifestPath}\`: give the manifest.json of a run folder`);
  }
  const file = relative(path.resolve(manifestPath));
  const { manifest, diagnostics } = parseManifest(text, file);
  if (!manifest) return fail(diagnostics, 'cannot regenerate');
  // The blueprint is named relative to the project and must stay inside it.
  const blueprintFile = path.resolve(PROJECT_ROOT, manifest.blueprint.file);
  const name = path.basename(manifest.blueprint.file).replace(/\.ya?ml$/, '');
  const inside = !path.isAbsolute(manifest.blueprint.file) && !path.relative(PROJECT_ROOT, blueprintFile).startsWith('..');
  if (!inside || !BLUEPRINT_NAME_PATTERN.test(name)) {
    return fail([createError(file, undefined, 'manifest/blueprint-outside', `Unexpected blueprint \`${manifest.blueprint.file}\`, expected a .yaml file inside the project`, 'use the manifest.json the run wrote, unedited.')], 'cannot regenerate');
  }
  const expectedId = runFolderName(name, manifest.bank.version, manifest.seed);
  if (manifest.runId !== undefined && manifest.runId !== expectedId) {
    return fail([createError(file, undefined, 'manifest/run-id', `Unexpected runId \`${manifest.runId}\`, expected \`${expectedId}\` (blueprint, bank version and seed)`, 'use the manifest.json the run wrote, unedited.')], 'cannot regenerate');
  }
  let source: string;
  try {
    const read = await readTextFile(blueprintFile, manifest.blueprint.file);
    if (!read.ok) return fail([read.diagnostic], 'cannot regenerate');
    source = read.text;
  } catch {
    console.error(`✖ cannot regenerate: the blueprint ${manifest.blueprint.file} no longer exists.`);
    return 1;
  }
  const project = await loadProject(config);
  const parsed = parseBlueprint(source, manifest.blueprint.file);
  if (!parsed.parsed) return fail(parsed.diagnostics, 'cannot regenerate');
  const { exam, problems } = examFromManifest(manifest, project.bank, parsed.parsed);
  if (!exam) {
    console.error(`✖ cannot regenerate ${manifest.title} (bank ${manifest.bank.version}, seed ${manifest.seed}) byte for byte; since then:\n${problems.map((p) => `  - ${p}`).join('\n')}\nMake a new run instead: \`npm run exam -- ${name} --seed ${manifest.seed}\`.`);
    return 1;
  }
  const folder = await writeExamRun(exam, { blueprintName: name, outRoot, bankDir: config.bankDir, lang: manifest.lang ?? 'zh-CN', candidates: manifest.candidates });
  if (!folder) return 1;
  console.log(`✓ regenerated ${exam.variants.length} variant${exam.variants.length === 1 ? '' : 's'} of bank ${exam.bankVersion}, seed ${exam.seed} in ${relative(folder)}/ in ${formatDuration(performance.now() - started)}`);
  return 0;
}
