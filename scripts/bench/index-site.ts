// `node scripts/bench/index-site.ts <dir>`: Pagefind over a built site, for the baseline.
import { writeSearchIndex } from '../search-index.ts';

await writeSearchIndex(process.argv[2]!);
