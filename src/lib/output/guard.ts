import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TrainbookConfig } from '../config.ts';
import { OUTPUT_MARKER } from './marker.ts';

/** An output folder trainbook must not write; the message says which rule and what to do instead. */
export class OutputTargetError extends Error {
  readonly code = 'EOUTPUT';
  constructor(message: string) {
    super(message);
    this.name = 'OutputTargetError';
  }
}

export interface OutputTargetOptions {
  /**
   * Folders that must survive any output: the first is the project root (outputs may go inside it,
   * never on it or above it); outputs may not be, contain or sit inside any of the others.
   */
  protect: string[];
  /**
   * Recognises a folder an older trainbook wrote before it left a marker (given the folder's
   * entry names), so upgrading does not lock users out of their own `dist/`.
   */
  isEarlierOutput?: (names: string[]) => boolean;
}

/** Folders that no output may replace: the project root, then the sources and the tools. */
export function listProtectedFolders(config: TrainbookConfig): string[] {
  const root = config.rootDir;
  // The default content folders stay protected when a config points elsewhere (tests, fixture courses).
  const fixed = ['content', 'question-bank', 'public', 'src', 'scripts', 'tests', '.git', 'node_modules'].map((name) => path.join(root, name));
  return [root, ...new Set([config.contentDir, config.bankDir, config.publicDir, ...fixed])];
}

/** Returns `file` with symbolic links resolved as far as it exists, so a link cannot smuggle a target past the checks. */
async function resolveReal(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(await realpath(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** True when `inner` is `outer` or lies inside it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Throws `OutputTargetError` unless trainbook may replace `target` whole: it must not be the project
 * root or above it, not be, hold or sit inside a protected folder, not be a file, and, if it exists
 * with files in it, carry trainbook's marker. Reads only; touches nothing.
 */
export async function assertOutputTarget(target: string, { protect, isEarlierOutput }: OutputTargetOptions): Promise<void> {
  const resolved = await resolveReal(target);
  const [root, ...sources] = await Promise.all(protect.map(resolveReal));
  // Named as the user would: relative to the project when inside it.
  const shown = root !== undefined && isWithin(resolved, root) ? path.relative(root, resolved) || '.' : path.resolve(target);
  if (root !== undefined && isWithin(root, resolved)) {
    throw new OutputTargetError(`refusing to write into \`${shown}\`: it is the project folder${resolved === root ? '' : ' or a folder above it'}, and the output would replace it. Choose a new folder such as \`dist\`.`);
  }
  for (const source of sources) {
    if (isWithin(resolved, source) || isWithin(source, resolved)) {
      const name = path.relative(root ?? path.dirname(source), source) || source;
      throw new OutputTargetError(`refusing to write into \`${shown}\`: it ${isWithin(source, resolved) && resolved !== source ? 'holds' : resolved === source ? 'is' : 'is inside'} the source folder \`${name}\`, which the output would overwrite. Choose a new folder such as \`dist\`.`);
    }
  }
  let entries: string[];
  try {
    const info = await stat(resolved);
    if (!info.isDirectory()) throw new OutputTargetError(`\`${shown}\` is a file, not a folder. Give a folder name for the output, e.g. \`dist\`.`);
    entries = await readdir(resolved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || isEarlierOutput?.(entries)) return;
  throw new OutputTargetError(
    `refusing to replace \`${shown}\`: the folder has files trainbook did not write (it has no \`${OUTPUT_MARKER}\` marker), and they would be deleted. Choose an empty or new folder, or move those files away first.`,
  );
}
