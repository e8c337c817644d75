import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostics, type Diagnostic } from '../../src/lib/diagnostics/index.ts';
import { commitStagingDir, prepareStagingDir } from '../atomic-dir.ts';
import { PROJECT_ROOT } from '../project-config.ts';

/** Returns a path relative to the project with forward slashes: printed into keys and manifests, it must not depend on the OS. */
export const relative = (p: string) => path.relative(PROJECT_ROOT, p).split(path.sep).join('/') || '.';

/** Returns the run folder `name` inside `outRoot`; throws if the name would lead anywhere else. */
export function runFolder(outRoot: string, name: string): string {
  const folder = path.resolve(outRoot, name);
  if (path.dirname(folder) !== path.resolve(outRoot) || name !== path.basename(folder)) throw new TypeError(`runFolder: \`${name}\` would leave ${outRoot}`);
  return folder;
}

/** Writes a run's files into a temporary folder beside `folder` and swaps it in when complete. */
export async function writeRun(folder: string, files: { name: string; bytes: Uint8Array | string }[]): Promise<void> {
  const staging = await prepareStagingDir(folder);
  await mkdir(staging, { recursive: true });
  for (const file of files) await writeFile(path.join(staging, file.name), file.bytes);
  await commitStagingDir(staging, folder);
}

/** Prints diagnostics and what did not happen; returns exit code 1. */
export function fail(diagnostics: Diagnostic[], what: string): number {
  console.error(formatDiagnostics(diagnostics));
  console.error(`\n✖ ${what}: fix the errors above; nothing was written.`);
  return 1;
}
