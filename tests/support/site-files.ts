import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Returns every file below `dir` (relative paths, sorted). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Returns the text of every file of a built site, with Pagefind's gzip-compressed index files
 * decompressed and its zero-width word separators removed, so a search for any sentence works.
 */
export function readSiteTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(dir)) {
    let bytes = readFileSync(path.join(dir, file));
    if (/\.pf_(fragment|index|meta|filter)$/.test(file) || file.endsWith('pagefind-entry.json')) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        // Not compressed: read as is.
      }
    }
    texts.set(file, bytes.toString('utf8').replace(/\u200b/g, ''));
  }
  return texts;
}
