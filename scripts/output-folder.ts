import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commitStagingDir, prepareStagingDir } from './atomic-dir.ts';
import { UsageError } from './cli.ts';

/** The file that marks a folder as written by trainbook, so a later run may replace it. */
export const OUTPUT_MARKER = '.trainbook-output';

const exists = (file: string) => access(file).then(() => true, () => false);

/**
 * Writes `files` into `folder` atomically (a staging folder renamed into place). Refuses to
 * replace an existing folder that trainbook did not write, so `--out ~/Documents` is never lost.
 */
export async function writeOutputFolder(folder: string, files: { name: string; bytes: Uint8Array | string }[]): Promise<void> {
  if ((await exists(folder)) && !(await exists(path.join(folder, OUTPUT_MARKER)))) {
    throw new UsageError(`\`${folder}\` exists and was not written by trainbook; choose another \`--out\` or move the folder away`);
  }
  const staging = await prepareStagingDir(folder);
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, OUTPUT_MARKER), 'Written by trainbook; the next run replaces this folder.\n');
  for (const file of files) {
    await mkdir(path.dirname(path.join(staging, file.name)), { recursive: true });
    await writeFile(path.join(staging, file.name), file.bytes);
  }
  await commitStagingDir(staging, folder);
}
