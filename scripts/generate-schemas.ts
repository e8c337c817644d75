import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/output/index.ts';
import { createEditorJsonSchemas } from '../src/lib/project/index.ts';
import { parseCommandLine, runMain } from './cli.ts';
import { loadProjectConfig } from './project-config.ts';

const USAGE = `Usage: npm run schemas

Regenerates question-bank/schema/*.json (editor completion and checks in VS Code) from the Zod schemas.`;

/** Writes the JSON Schemas editors' VS Code uses; a test fails when they are out of date. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, { allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = path.join(loadProjectConfig().bankDir, 'schema');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(createEditorJsonSchemas())) {
    await writeFileAtomic(path.join(dir, name), text);
    console.log(`✓ wrote ${path.relative(process.cwd(), path.join(dir, name))}`);
  }
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
