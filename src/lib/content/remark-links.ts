import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import { UNSAFE_URL } from './raw-html.ts';

export interface LinkOptions {
  /** Site base path, e.g. `/` or `/handbook/`; prefixed to every internal link. */
  base: string;
  /** Page paths (without base) that exist, e.g. `/communication/active-listening/`. */
  targets: ReadonlySet<string>;
  /** The lesson's page path (without base), to resolve relative links. */
  pagePath: string;
  /** The lesson's path relative to the content folder, e.g. `communication/active-listening.md`. */
  contentPath: string;
  /** Returns whether a file exists, relative to the content folder or (for `/x.png`) to `public/`. */
  fileExists(kind: 'content' | 'public', relativePath: string): boolean;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const LESSON_FILE = /\.mdx?$/;

/** Returns a decoded URL path, or the path as written when it is not valid percent-encoding (e.g. `50%off.png`). */
function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

function splitHash(url: string): [string, string] {
  const index = url.search(/[?#]/);
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index)];
}

function withBase(base: string, pagePath: string): string {
  return `${base.replace(/\/$/, '')}${pagePath}`;
}

/** Returns whether a page path is a lesson written as a file (not a module index, print or search page). */
function isLessonPage(page: string, options: Pick<LinkOptions, 'fileExists'>): boolean {
  return /^\/[^/]+\/[^/]+\/$/.test(page) && ['.md', '.mdx'].some((ext) => options.fileExists('content', `${page.slice(1, -1)}${ext}`));
}

/**
 * Returns the existing page nearest to a broken one: by the whole path, or else by the lesson's
 * own name in any module (a link into the wrong module folder). A link written to a lesson file
 * is only matched with lessons.
 */
function closestPage(page: string, toFile: boolean, options: Pick<LinkOptions, 'targets' | 'fileExists'>): string | undefined {
  const candidates = toFile ? [...options.targets].filter((p) => isLessonPage(p, options)) : options.targets;
  const direct = closestMatch(page, candidates);
  if (direct) return direct;
  const slug = page.split('/').at(-2);
  if (!slug) return undefined;
  const lessons = [...candidates].filter((p) => /^\/[^/]+\/[^/]+\/$/.test(p));
  const name = closestMatch(slug, new Set(lessons.map((p) => p.split('/').at(-2)!)));
  return name && lessons.find((p) => p.split('/').at(-2) === name);
}

/**
 * Returns the link to write instead of `target`, in the editor's own form: a site path stays a site
 * path, a relative page link stays relative to the page, and a link to a lesson file stays a
 * relative file path (with its real `.md`/`.mdx` extension), relative to the linking lesson.
 * @example suggestLink('../comunication/listening.md', '', '/communication/listening/', { contentPath: 'problem-solving/steps.md', … }) // => '../communication/listening.md'
 */
export function suggestLink(target: string, hash: string, page: string, options: Pick<LinkOptions, 'pagePath' | 'contentPath' | 'fileExists'>): string {
  const lesson = page.slice(1, -1);
  const extension = LESSON_FILE.test(target) ? ['.md', '.mdx'].find((ext) => options.fileExists('content', `${lesson}${ext}`)) : undefined;
  if (target.startsWith('/')) return extension ? `/${lesson}${extension}${hash}` : `${page}${hash}`;
  if (extension) {
    const relative = path.posix.relative(path.posix.dirname(options.contentPath), `${lesson}${extension}`);
    return `${target.startsWith('./') && !relative.startsWith('../') ? './' : ''}${relative}${hash}`;
  }
  // A page's URL is a folder (`/module/lesson/`), so relative links resolve from inside it.
  const relative = path.posix.relative(options.pagePath, page);
  return `${relative ? `${relative}/` : './'}${hash}`;
}

/**
 * Checks every internal link and image of a lesson and rewrites links to carry the site base.
 * Returns a diagnostic for each link to a page that does not exist and each missing image.
 */
export function transformLinks(tree: Root, file: string, options: LinkOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const contentDir = path.posix.dirname(options.contentPath);

  visit(tree, (node) => {
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && UNSAFE_URL.test(node.url)) {
      diagnostics.push(
        createError(file, node.position?.start, 'content/unsafe-url', `Unexpected \`${node.url.trim().split(':')[0]!.toLowerCase()}:\` URL in ${node.type === 'image' ? 'an image' : 'a link'}, expected a page, a file or an http(s) address`, 'link to a page of the course or an `https://` address; put images in the lesson folder or `public/`.'),
      );
      node.url = '#';
      return;
    }
    if (node.type === 'image') {
      const [target] = splitHash(node.url);
      if (EXTERNAL.test(target) || target === '') return;
      const isPublic = target.startsWith('/');
      const relativePath = isPublic ? safeDecode(target.slice(1)) : path.posix.join(contentDir, safeDecode(target));
      if (!options.fileExists(isPublic ? 'public' : 'content', relativePath)) {
        diagnostics.push(
          createError(
            file,
            node.position?.start,
            'content/missing-image',
            `Unexpected image \`${node.url}\`, expected a file at \`${isPublic ? `public/${relativePath}` : path.posix.join(path.posix.dirname(file), safeDecode(target))}\``,
            'check the file name and folder; paths are relative to the lesson file, or start with `/` for files in `public/`.',
          ),
        );
      } else if (isPublic) {
        node.url = withBase(options.base, target);
      }
      return;
    }
    if (node.type !== 'link' && node.type !== 'definition') return;
    const [target, hash] = splitHash(node.url);
    if (EXTERNAL.test(target) || target === '') return;

    let page: string;
    if (LESSON_FILE.test(target)) {
      // Editors' tools complete links to files (`./active-listening.md`); map them to the lesson's page.
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.join(contentDir, safeDecode(target));
      page = `/${resolved.replace(LESSON_FILE, '')}/`;
    } else {
      page = new URL(target, `https://site.invalid${options.pagePath}`).pathname;
      page = safeDecode(page);
      if (!page.endsWith('/') && !path.posix.extname(page)) page += '/';
    }
    if (!options.targets.has(page) && !options.fileExists('public', page.slice(1))) {
      const suggestion = closestPage(page, LESSON_FILE.test(target), options);
      diagnostics.push(
        createError(
          file,
          node.position?.start,
          'content/broken-link',
          `Unexpected link to \`${node.url}\`, expected a page of this course`,
          suggestion ? `did you mean \`${suggestLink(target, hash, suggestion, options)}\`?` : 'link to a lesson as `/module/lesson/`, e.g. `/communication/active-listening/`.',
        ),
      );
      return;
    }
    node.url = `${withBase(options.base, page)}${hash}`;
  });
  return diagnostics;
}
