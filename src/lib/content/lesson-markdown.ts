import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ContentError, hasErrors, isTextPlace, type Diagnostic } from '../diagnostics/index.ts';
import { decodeTextFile } from '../encoding/index.ts';
import { checkRawHtml } from './raw-html.ts';
import { transformCallouts, type CalloutOptions } from './remark-callouts.ts';
import { transformLinks } from './remark-links.ts';
import { SLUG_PATTERN } from './schema.ts';

/** A transform that runs on a lesson's tree after ours, e.g. the quiz directive. */
export type LessonTreeTransform = (tree: Root, context: LessonTreeContext) => Diagnostic[];

export interface LessonTreeContext {
  /** Path shown in diagnostics, relative to the project root. */
  file: string;
  /** Lesson path relative to the content folder, e.g. `communication/active-listening.md`. */
  contentPath: string;
  base: string;
  /** Facts for the page (e.g. `hasQuiz`), passed to Astro as `remarkPluginFrontmatter`. */
  data: Record<string, unknown>;
  /** Lines of the file before the tree's first line (Astro parses lessons without their front matter); 0 when checking. */
  lineOffset: number;
}

export interface LessonMarkdownOptions extends CalloutOptions {
  base: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the `public/` folder. */
  publicDir: string;
  /** Absolute path diagnostics are relative to. */
  rootDir: string;
  /** Link targets; defaults to a scan of `contentDir`, done per call so the dev server sees new lessons. */
  targets?: ReadonlySet<string>;
  /** Further transforms (quizzes), run after callouts and links. */
  transforms?: LessonTreeTransform[];
  /** Publish raw HTML in lessons as written (scripts, iframes, handlers). Only for fully trusted repositories. Default: false. */
  allowRawHtml?: boolean;
  /** Receives the diagnostics of every lesson that fails while Astro renders it. */
  onProblems?: (diagnostics: Diagnostic[]) => void;
}

const markdownParser = unified().use(remarkParse).use(remarkDirective).freeze();
const mdxParser = unified().use(remarkParse).use(remarkDirective).use(remarkMdx).freeze();

/** Returns the page paths present in `contentDir` by file name alone (no parsing), for link checks. */
export function scanLinkTargets(contentDir: string): Set<string> {
  // Astro renders lessons one by one; rescanning for each would read every folder once per lesson.
  // The scan is kept while no module folder changes (a new lesson changes its folder's mtime).
  const stamp = readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${entry.name}:${statSync(path.join(contentDir, entry.name)).mtimeMs}`)
    .join('|');
  const cached = targetCache.get(contentDir);
  if (cached?.stamp === stamp) return cached.targets;
  const targets = new Set<string>(['/', '/search/', '/changelog/']);
  for (const module of readdirSync(contentDir, { withFileTypes: true })) {
    if (!module.isDirectory() || !SLUG_PATTERN.test(module.name)) continue;
    targets.add(`/${module.name}/`);
    targets.add(`/${module.name}/print/`);
    targets.add(`/${module.name}/practice/`);
    for (const file of readdirSync(path.join(contentDir, module.name))) {
      const match = /^(.+)\.mdx?$/.exec(file);
      if (match) targets.add(`/${module.name}/${match[1]}/`);
    }
  }
  targetCache.set(contentDir, { stamp, targets });
  return targets;
}

const targetCache = new Map<string, { stamp: string; targets: Set<string> }>();

/** Runs every trainbook transform on a lesson tree in place and returns all diagnostics. */
export function transformLessonTree(
  tree: Root,
  absolutePath: string,
  options: LessonMarkdownOptions,
  data: Record<string, unknown> = {},
  lineOffset = 0,
): Diagnostic[] {
  const contentPath = path.relative(options.contentDir, absolutePath).split(path.sep).join('/');
  const file = path.relative(options.rootDir, absolutePath).split(path.sep).join('/');
  const pagePath = `/${contentPath.replace(/\.mdx?$/, '')}/`;
  const context: LessonTreeContext = { file, contentPath, base: options.base, data, lineOffset };
  const diagnostics = [
    ...transformCallouts(tree, file, options),
    ...transformLinks(tree, file, {
      base: options.base,
      pagePath,
      contentPath,
      targets: options.targets ?? scanLinkTargets(options.contentDir),
      fileExists: (kind, relativePath) =>
        existsSync(path.join(kind === 'public' ? options.publicDir : options.contentDir, relativePath)),
    }),
  ];
  if (!options.allowRawHtml) diagnostics.push(...checkRawHtml(tree, file));
  for (const transform of options.transforms ?? []) diagnostics.push(...transform(tree, context));
  return diagnostics;
}

/** Returns the diagnostics of a lesson body, parsed the way Astro parses it (GFM, directives, MDX). */
export function checkLessonMarkdown(body: string, absolutePath: string, options: LessonMarkdownOptions): Diagnostic[] {
  // GFM is left out on purpose: it changes no link, image or directive position, and its
  // autolink pass was a tenth of `npm run check` on a 1,000-lesson course.
  const processor = absolutePath.endsWith('.mdx') ? mdxParser : markdownParser;
  let tree: Root;
  try {
    tree = processor.parse(body) as Root;
  } catch (error) {
    const place = (error as { place?: { line: number; column: number } }).place;
    const file = path.relative(options.rootDir, absolutePath).split(path.sep).join('/');
    return [
      {
        file,
        place: place && 'line' in place ? { line: place.line, column: place.column } : undefined,
        severity: 'error',
        ruleId: 'content/mdx-syntax',
        reason: `Unexpected MDX syntax: ${(error as Error).message.split('\n')[0]}`,
        note: 'in `.mdx` files `<` and `{` start components and expressions; write `\\<` and `\\{` for the characters, or rename the file to `.md`.',
      },
    ];
  }
  return transformLessonTree(tree, absolutePath, options);
}

/** Returns the encoding error of a lesson file that is not UTF-8, or undefined. */
function readEncodingProblem(absolutePath: string, file: string): Diagnostic | undefined {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(absolutePath));
  } catch {
    return undefined;
  }
  const decoded = decodeTextFile(bytes, file);
  return decoded.ok ? undefined : decoded.diagnostic;
}

/** Returns how many lines of `file` precede the Markdown `body` Astro handed to remark. */
function bodyLineOffset(file: string, body: string): number {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  const probe = body.trimStart().slice(0, 200);
  const at = probe ? source.indexOf(probe) : -1;
  if (at === -1) return 0;
  const linesBefore = source.slice(0, at).split('\n').length - 1;
  const bodyLinesBefore = body.slice(0, body.indexOf(probe)).split('\n').length - 1;
  return linesBefore - bodyLinesBefore;
}

/**
 * Returns the remark plugin Astro runs on every `.md` and `.mdx` lesson: callouts,
 * link checks with base, and any extra transforms. Problems stop the build with all diagnostics.
 */
export function remarkTrainbook(options: LessonMarkdownOptions) {
  return () => (tree: Root, vfile: { path?: string; value?: unknown; data: Record<string, unknown> }) => {
    if (!vfile.path || !path.resolve(vfile.path).startsWith(path.resolve(options.contentDir) + path.sep)) return;
    // Astro reads lessons as UTF-8 whatever they are; a GBK lesson would render as mojibake (the dev server
    // gets here without `npm run check`). The same one error as the check, and nothing else about the file.
    const encoding = readEncodingProblem(vfile.path, path.relative(options.rootDir, vfile.path).split(path.sep).join('/'));
    if (encoding) {
      options.onProblems?.([encoding]);
      throw new ContentError([encoding]);
    }
    const astro = (vfile.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    // Astro parses the lesson without its front matter, so its lines start after it: shift them back.
    const offset = bodyLineOffset(vfile.path, String(vfile.value ?? ''));
    const diagnostics = transformLessonTree(tree, vfile.path, options, (astro.frontmatter ??= {}), offset);
    if (offset) for (const d of diagnostics) if (isTextPlace(d.place)) d.place = { ...d.place, line: d.place.line + offset };
    if (hasErrors(diagnostics)) {
      // Astro logs a failed lesson and goes on building; the collector lets `npm run build` fail with every problem.
      options.onProblems?.(diagnostics);
      throw new ContentError(diagnostics);
    }
  };
}
