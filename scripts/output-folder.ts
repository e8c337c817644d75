import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertOutputTarget, commitStagingDir, listProtectedFolders, prepareStagingDir } from '../src/lib/output/index.ts';
import { loadProjectConfig } from './project-config.ts';

/**
 * Writes `files` into `folder` atomically (a staging folder renamed into place, marked as
 * trainbook's). The shared guard refuses source folders and folders trainbook did not write, so
 * `--out ~/Documents` or `--out content` is never lost.
 */
export async function writeOutputFolder(folder: string, files: { name: string; bytes: Uint8Array | string }[]): Promise<void> {
  await assertOutputTarget(folder, { protect: listProtectedFolders(loadProjectConfig()) });
  const staging = await prepareStagingDir(folder);
  for (const file of files) {
    await mkdir(path.dirname(path.join(staging, file.name)), { recursive: true });
    await writeFile(path.join(staging, file.name), file.bytes);
  }
  await commitStagingDir(staging, folder);
}
