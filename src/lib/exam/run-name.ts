/**
 * The rules for what names a run folder: the same for the command line and for a manifest,
 * so `--manifest` can never write outside `--out` (a seed of `../x` or a version of `/tmp`).
 */

/** A seed: letters, digits, `.`, `_` and `-`, not starting with `.`, at most 64 characters. */
export const SEED_PATTERN = /^(?!\.)[\w.-]{1,64}$/;
/** A bank version as `bank:release` writes it: `1.2.0`. */
export const VERSION_PATTERN = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;
/** A blueprint's file name without `.yaml`, as it names the run folder. */
export const BLUEPRINT_NAME_PATTERN = /^(?!\.)[\w.\-\p{L}\p{N}]{1,100}$/u;

/** Returns the reason a seed is refused, or undefined when it may be used. */
export function seedProblem(seed: string): string | undefined {
  return SEED_PATTERN.test(seed) ? undefined : `\`${seed}\` is not a seed: use letters, digits, \`.\`, \`_\` and \`-\` only (at most 64, not starting with \`.\`), e.g. \`2026-11\``;
}

/**
 * Returns the run folder's name, which is also the run id printed on sheets:
 * `new-hire-theory-bank-1.0.0-seed-2026`; throws TypeError for parts that are not plain names.
 */
export function runFolderName(blueprintName: string, bankVersion: string, seed: string): string {
  if (!BLUEPRINT_NAME_PATTERN.test(blueprintName)) throw new TypeError(`runFolderName: \`${blueprintName}\` is not a plain file name`);
  if (!VERSION_PATTERN.test(bankVersion)) throw new TypeError(`runFolderName: \`${bankVersion}\` is not a bank version like 1.2.0`);
  if (!SEED_PATTERN.test(seed)) throw new TypeError(`runFolderName: \`${seed}\` is not a valid seed`);
  return `${blueprintName}-bank-${bankVersion}-seed-${seed}`;
}
