import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Returns a fresh temporary folder beside `target` (same file system, so the final rename is atomic).
 * Leftovers of interrupted earlier runs (`<target>.tmp-*`, `<target>.old-*`) are removed first.
 */
export async function prepareStagingDir(target: string): Promise<string> {
  const staging = `${target}.tmp-${process.pid}`;
  await mkdir(path.dirname(staging), { recursive: true });
  const base = path.basename(target);
  for (const name of await readdir(path.dirname(staging))) {
    if (name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`)) await rm(path.join(path.dirname(staging), name), { recursive: true, force: true });
  }
  return staging;
}

/**
 * Replaces `target` with the finished `staging` folder. The old output stays in place
 * until the new one is complete, so a failed build never leaves a half-written site.
 */
export async function commitStagingDir(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await rm(old, { recursive: true, force: true });
  let hadOld = true;
  try {
    await rename(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
