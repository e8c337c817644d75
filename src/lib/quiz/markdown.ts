import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface MarkdownToHastOptions {
  /** Prefix for relative image paths (bank images live in `question-bank/assets/`). */
  imageBase?: string;
}

function remarkRawHtmlAsText() {
  // Question text is written by editors, not trusted as HTML: raw HTML is shown literally.
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.value };
    });
  };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRawHtmlAsText).use(remarkRehype);

/** Characters and line starts that make a snippet more than one plain paragraph of text. */
const MARKDOWN_SYNTAX = /[*_`[\]!<>#|~\\&:]|^\s*(?:[-+]|\d+[.)])\s|\n\s*\n|https?:/m;

/** Returns the HAST children of a Markdown snippet (question stem, option, explanation). */
export function markdownToHast(markdown: string, options: MarkdownToHastOptions = {}): ElementContent[] {
  const text = markdown.trim();
  // Most stems and options are one plain sentence: skip the Markdown parser for them
  // (a 1,000-lesson build renders tens of thousands of these).
  if (!MARKDOWN_SYNTAX.test(text)) {
    return text ? [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text.replace(/\s*\n\s*/g, ' ') }] }] : [];
  }
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  if (options.imageBase) {
    visit(tree, 'element', (node: Element) => {
      const src = node.tagName === 'img' ? String(node.properties.src ?? '') : '';
      if (src && !/^(?:[a-z]+:|\/)/i.test(src)) node.properties.src = `${options.imageBase}${src}`;
    });
  }
  return tree.children.filter((child) => !(child.type === 'text' && child.value.trim() === '')) as ElementContent[];
}

/** Returns the phrasing content of a one-paragraph snippet, or undefined when it has blocks. */
export function markdownToInlineHast(markdown: string, options: MarkdownToHastOptions = {}): ElementContent[] | undefined {
  const children = markdownToHast(markdown, options);
  const only = children[0];
  if (children.length === 1 && only?.type === 'element' && only.tagName === 'p') return only.children;
  return undefined;
}
