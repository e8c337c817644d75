import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const sizeOf = (bytes: Buffer): Size => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** Returns the bytes a lesson page costs a reader: its HTML, stylesheets and scripts (search and fonts excluded). */
async function lessonPageSizes(siteDir: string, pagePath: string): Promise<{ html: Size; css: Size; js: Size; total: Size }> {
  const html = await readFile(path.join(siteDir, pagePath, 'index.html'));
  const text = html.toString('utf8');
  const local = (url: string) => path.join(siteDir, url.replace(/^\/+/, ''));
  let css: Size = { raw: 0, gzip: 0 };
  for (const [, href] of text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) css = add(css, sizeOf(await readFile(local(href!))));
  for (const [, style] of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css = add(css, { raw: Buffer.byteLength(style!), gzip: 0 });
  let js: Size = { raw: 0, gzip: 0 };
  const seen = new Set<string>();
  const queue = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1]!));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
    seen.add(file);
    const bytes = await readFile(file);
    js = add(js, sizeOf(bytes));
    for (const [, spec] of bytes.toString('utf8').matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(path.resolve(path.dirname(file), spec!));
  }
  const htmlSize = sizeOf(html);
  return { html: htmlSize, css, js, total: add(add(htmlSize, css), js) };
}

/** Returns the course navigation's share of a lesson page (it lists the current module's lessons only) and the progress manifest every page fetches once. */
async function navigationSizes(siteDir: string, pagePath: string): Promise<{ nav: Size; manifest: Size } | undefined> {
  const text = (await readFile(path.join(siteDir, pagePath, 'index.html'))).toString('utf8');
  const nav = text.match(/<nav class="course-nav"[\s\S]*?<\/nav>/)?.[0];
  if (!nav) return undefined;
  const manifest = await readFile(path.join(siteDir, 'progress.json')).catch(() => Buffer.alloc(0));
  return { nav: sizeOf(Buffer.from(nav)), manifest: sizeOf(manifest) };
}

/** Returns the sizes the benchmark reports for a built site. */
export async function measureSite(siteDir: string, lessonPath: string) {
  return {
    distBytes: await folderBytes(siteDir),
    pagefindBytes: await folderBytes(path.join(siteDir, 'pagefind')),
    lessonPage: await lessonPageSizes(siteDir, lessonPath),
    navigation: await navigationSizes(siteDir, lessonPath),
  };
}

/** Returns the sizes of the PDFs of one exam run folder, by file name. */
export async function measurePdfs(folder: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.pdf')).sort()) sizes[name] = (await stat(path.join(folder, name))).size;
  return sizes;
}
