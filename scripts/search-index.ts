import path from 'node:path';
import * as pagefind from 'pagefind';

function assertNoErrors(step: string, errors: readonly string[]) {
  if (errors.length === 0) return;
  for (const error of errors) console.error(`pagefind: ${error}`);
  throw new Error(`Pagefind failed while ${step} (${errors.length} error${errors.length === 1 ? '' : 's'} above).`);
}

/**
 * Indexes the built site in `siteDir` with Pagefind's Node API and writes `siteDir/pagefind/`.
 * Only elements marked `data-pagefind-body` (lesson articles) are indexed.
 * @returns how many pages were indexed.
 */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    assertNoErrors('starting', errors);
    const added = await index!.addDirectory({ path: siteDir });
    assertNoErrors('indexing pages', added.errors);
    if (added.page_count === 0) throw new Error('Pagefind indexed no pages: no element has `data-pagefind-body`.');
    const written = await index!.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    assertNoErrors('writing the index', written.errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
