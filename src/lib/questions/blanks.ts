import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Fill-in blanks (`____`) and Markdown. Underscores are Markdown syntax: `____` at the start of
 * a stem or alone on a line is a thematic break, and `（____）` is emphasis, so a blank would
 * vanish. Every renderer therefore swaps blanks for a private-use character before parsing and
 * turns that character back into a blank (an input, a printed line) afterwards.
 */

/** What an editor writes for a blank: four or more underscores. */
export const BLANK_PATTERN = /_{4,}/g;

/** Stands in for a blank while Markdown is parsed: a private-use character no parser treats as syntax. */
export const BLANK_TOKEN = '\uE000';

/**
 * Returns the Markdown with each blank replaced by `BLANK_TOKEN`, ready for a Markdown parser.
 * @example protectBlanks('先（____），再（____）') // => '先（\uE000），再（\uE000）'
 */
export function protectBlanks(markdown: string): string {
  return markdown.replace(BLANK_PATTERN, BLANK_TOKEN);
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Markdown that can hide a blank from a reader even after protection: code, raw HTML, link targets. */
const MAY_HIDE_BLANKS = /[`<]|\]\(|^(?: {4}|\t)/m;

function countInText(nodes: readonly RootContent[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.type === 'text') count += node.value.split(BLANK_TOKEN).length - 1;
    else if ('children' in node) count += countInText(node.children as RootContent[]);
  }
  return count;
}

/**
 * Returns how many blanks a reader sees once the stem is rendered: blanks in code, raw HTML or
 * a link's address are not answerable and not counted.
 */
export function countRenderedBlanks(stem: string): number {
  const protectedStem = protectBlanks(stem);
  const written = protectedStem.split(BLANK_TOKEN).length - 1;
  if (written === 0 || !MAY_HIDE_BLANKS.test(stem)) return written;
  return countInText((parser.parse(protectedStem) as Root).children);
}
