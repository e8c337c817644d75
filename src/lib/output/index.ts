/**
 * Safe outputs: every folder or file trainbook writes goes through this module.
 *
 * - `assertOutputTarget(target, { protect })` before writing a folder trainbook will replace whole
 *   (the site, an exam run, an export): throws `OutputTargetError` for the project root or an
 *   ancestor of it, a source folder or anything inside one, a file, or an existing non-empty
 *   folder without trainbook's marker file. Nothing is touched when it throws.
 * - `listProtectedFolders(config)` returns the folders to pass as `protect`.
 * - `prepareStagingDir(target)` / `commitStagingDir(staging, target)`: build the folder beside
 *   its target, then swap it in (with the marker) only when complete. Concurrent runs never
 *   delete each other's staging folders; stale ones of dead processes are cleaned up.
 * - `writeFileAtomic(file, data)`: a single file via a temporary file and rename, so readers
 *   see the old file or the new one, never half of one.
 *
 * @example
 * await assertOutputTarget(outDir, { protect: listProtectedFolders(config) });
 * const staging = await prepareStagingDir(outDir);
 * await writeFile(path.join(staging, 'report.xlsx'), bytes);
 * await commitStagingDir(staging, outDir);
 */
export { assertOutputTarget, listProtectedFolders, OutputTargetError, type OutputTargetOptions } from './guard.ts';
export { OUTPUT_MARKER, writeOutputMarker } from './marker.ts';
export { commitStagingDir, prepareStagingDir } from './staging.ts';
export { writeFileAtomic } from './write-file.ts';
