import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { BLANK_TOKEN, protectBlanks } from '../questions/index.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** An image referenced by question Markdown, to be placed below the text on paper. */
export interface TextImage {
  src: string;
  alt: string;
}

function inline(nodes: RootContent[], images: TextImage[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
          images.push({ src: node.url, alt: node.alt ?? '' });
          return '';
        default:
          return 'children' in node ? inline(node.children as RootContent[], images) : '';
      }
    })
    .join('');
}

function blocks(nodes: RootContent[], images: TextImage[], prefix = ''): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'list':
        return node.children.flatMap((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
          const [first = '', ...rest] = blocks(item.children, images);
          return [`${prefix}${marker}${first}`, ...rest.map((line) => `${prefix}  ${line}`)];
        });
      case 'blockquote':
        return blocks(node.children, images, prefix);
      case 'table':
        return node.children.map((row) => row.children.map((cell) => inline(cell.children, images)).join(' | '));
      case 'code':
        return node.value.split('\n');
      case 'thematicBreak':
        return [];
      default:
        return ['children' in node ? prefix + inline(node.children as RootContent[], images) : ''];
    }
  });
}

/**
 * Returns question Markdown as plain paragraphs for print (emphasis dropped, lists bulleted,
 * links as their text) and the images it references. Raw HTML stays literal text.
 */
export function markdownToPlainText(markdown: string): { text: string; images: TextImage[] } {
  // Every variant and every kind of document prints the same questions: parse each text once.
  let result = cache.get(markdown);
  if (!result) {
    const images: TextImage[] = [];
    // Blanks are swapped out before Markdown sees them (`____` alone is a thematic break, `（____）` emphasis).
    const tree = parser.parse(protectBlanks(markdown)) as Root;
    result = { text: blocks(tree.children, images).join('\n').trim().replaceAll(BLANK_TOKEN, '____'), images };
    cache.set(markdown, result);
  }
  return result;
}

const cache = new Map<string, { text: string; images: TextImage[] }>();
