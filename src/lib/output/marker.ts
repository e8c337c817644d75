import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file trainbook leaves in every folder it writes, so a later run may replace that folder. */
export const OUTPUT_MARKER = '.trainbook-output';

/** Writes the marker into `dir`, saying trainbook wrote it and may replace it whole. */
export async function writeOutputMarker(dir: string): Promise<void> {
  await writeFile(path.join(dir, OUTPUT_MARKER), 'Written by trainbook. The next run may replace this whole folder; keep your own files elsewhere.\n');
}
