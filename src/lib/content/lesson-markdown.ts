import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ContentError, hasErrors, type Diagnostic } from '../diagnostics/index.ts';
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
}

/** Returns the page paths present in `contentDir` by file name alone (no parsing), for link checks. */
export function scanLinkTargets(contentDir: string): Set<string> {
  const targets = new Set<string>(['/', '/search/']);
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
  return targets;
}

/** Runs every trainbook transform on a lesson tree in place and returns all diagnostics. */
export function transformLessonTree(
  tree: Root,
  absolutePath: string,
  options: LessonMarkdownOptions,
  data: Record<string, unknown> = {},
): Diagnostic[] {
  const contentPath = path.relative(options.contentDir, absolutePath).split(path.sep).join('/');
  const file = path.relative(options.rootDir, absolutePath).split(path.sep).join('/');
  const pagePath = `/${contentPath.replace(/\.mdx?$/, '')}/`;
  const context: LessonTreeContext = { file, contentPath, base: options.base, data };
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
  for (const transform of options.transforms ?? []) diagnostics.push(...transform(tree, context));
  return diagnostics;
}

/** Returns the diagnostics of a lesson body, parsed the way Astro parses it (GFM, directives, MDX). */
export function checkLessonMarkdown(body: string, absolutePath: string, options: LessonMarkdownOptions): Diagnostic[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  if (absolutePath.endsWith('.mdx')) processor.use(remarkMdx);
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

/**
 * Returns the remark plugin Astro runs on every `.md` and `.mdx` lesson: callouts,
 * link checks with base, and any extra transforms. Problems stop the build with all diagnostics.
 */
export function remarkTrainbook(options: LessonMarkdownOptions) {
  return () => (tree: Root, vfile: { path?: string; data: Record<string, unknown> }) => {
    if (!vfile.path || !path.resolve(vfile.path).startsWith(path.resolve(options.contentDir) + path.sep)) return;
    const astro = (vfile.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    const diagnostics = transformLessonTree(tree, vfile.path, options, (astro.frontmatter ??= {}));
    if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  };
}
