import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeOutputMarker } from './marker.ts';

// Staging and retired folders are named `<target>.tmp-<pid>-<random>` and `<target>.old-<pid>-<random>`.
const LEFTOVER = /^\.(tmp|old)-(\d+)-[0-9a-f]+$/;

/** True when a process with this id is running (or exists but belongs to another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging and retired folders of `target` left by runs whose process is gone. */
async function removeStaleLeftovers(target: string): Promise<void> {
  const base = path.basename(target);
  const parent = path.dirname(target);
  for (const name of await readdir(parent)) {
    if (!name.startsWith(base)) continue;
    const match = LEFTOVER.exec(name.slice(base.length));
    // Another run that is still going owns its folders; only a dead process's are stale.
    if (match && Number(match[2]) !== process.pid && !isAlive(Number(match[2]))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

const uniqueSuffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Returns a fresh, empty temporary folder beside `target` (same file system, so the final rename is
 * atomic). Leftovers of interrupted earlier runs are removed first; a concurrent run's are kept.
 */
export async function prepareStagingDir(target: string): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  await removeStaleLeftovers(target);
  const staging = `${target}.tmp-${uniqueSuffix()}`;
  await mkdir(staging);
  return staging;
}

/**
 * Replaces `target` with the finished `staging` folder and marks it as trainbook's. The old
 * output stays in place until the new one is complete, so a failed run never leaves half a folder.
 */
export async function commitStagingDir(staging: string, target: string): Promise<void> {
  await writeOutputMarker(staging);
  const old = `${target}.old-${uniqueSuffix()}`;
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
