// Preloaded into each benchmarked process (`node --import`): records its peak memory at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.TRAINBOOK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })));
