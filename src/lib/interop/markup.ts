import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Markdown ↔ HTML for LMS formats. Question text in trainbook is Markdown; Moodle stores HTML.
 * Export renders with the site's own Markdown stack; import turns the HTML an LMS writes back into
 * the Markdown an editor would type (paragraphs, line breaks, bold, italics, lists, links, images,
 * code). Anything else keeps its text and loses its markup.
 */
export async function markdownToHtml(markdown: string): Promise<string> {
  // Most question text is plain paragraphs; those need no Markdown parser (same output, far faster).
  if (isPlainText(markdown)) return markdown.trim().split(/\n[ \t]*\n+/).map((p) => `<p>${p.trim()}</p>`).join('\n');
  const processor = await getMarkdownProcessor();
  return String(await processor.process(markdown)).trim();
}

/** True for text in which Markdown would find nothing but paragraphs and soft line breaks. */
function isPlainText(text: string): boolean {
  return (
    !/[\\`*_[\]!#<>&|~=]|https?:|www\.|@/.test(text) &&
    !/^\s*(?:[-+*]|\d+[.)])(?:\s|$)/m.test(text) &&
    !/^(?: {4}|\t)|^\s*-{3,}\s*$|[ \t]+$/m.test(text)
  );
}

let markdownProcessor: Promise<{ process(text: string): Promise<unknown> }> | undefined;

function getMarkdownProcessor() {
  markdownProcessor ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkRehype }, { toHtml }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
      import('remark-rehype'),
      import('hast-util-to-html'),
    ]);
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(function compiler(this: { compiler?: unknown }) {
        this.compiler = (tree: unknown) => toHtml(tree as Root);
      });
    return processor as unknown as { process(text: string): Promise<unknown> };
  })();
  return markdownProcessor;
}

/** Returns Markdown for HTML; plain text comes back unchanged (apart from entity decoding). */
export async function htmlToMarkdown(html: string): Promise<string> {
  if (!/[<&]/.test(html)) return html.trim();
  // Paragraphs of plain text, as Moodle's editor saves most questions: no HTML parser needed.
  const trimmed = html.trim();
  if (/^<p>[^<&]*<\/p>(?:\s*<p>[^<&]*<\/p>)*$/.test(trimmed)) {
    return [...trimmed.matchAll(/<p>([^<&]*)<\/p>/g)].map((m) => m[1]!.replace(/[ \t]*\n[ \t]*/g, '\n').trim()).filter(Boolean).join('\n\n');
  }
  const { fromHtml } = await import('hast-util-from-html');
  const tree = fromHtml(html, { fragment: true });
  return blocks(tree.children).replace(/\n{3,}/g, '\n\n').trim();
}

const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'blockquote', 'hr', 'tr']);

function blocks(nodes: readonly (RootContent | ElementContent)[]): string {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim()) out.push(inline.trim());
    inline = '';
  };
  for (const node of nodes) {
    if (node.type === 'element' && BLOCK.has(node.tagName)) {
      flush();
      out.push(block(node));
    } else inline += inlineText(node);
  }
  flush();
  return out.filter((b) => b !== '').join('\n\n');
}

function block(node: Element): string {
  switch (node.tagName) {
    case 'ul':
    case 'ol':
      return node.children
        .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
        .map((li, i) => `${node.tagName === 'ol' ? `${i + 1}.` : '-'} ${blocks(li.children).replace(/\n/g, '\n   ')}`)
        .join('\n');
    case 'pre':
      return `\`\`\`\n${textOf(node).replace(/\n$/, '')}\n\`\`\``;
    case 'hr':
      return '---';
    case 'blockquote':
      return blocks(node.children).split('\n').map((l) => `> ${l}`).join('\n');
    case 'table':
    case 'tr':
      return textOf(node).trim();
    default:
      if (/^h[1-6]$/.test(node.tagName)) return `${'#'.repeat(Number(node.tagName[1]))} ${inlineChildren(node).trim()}`;
      return blocks(node.children);
  }
}

function inlineChildren(node: Element): string {
  return node.children.map(inlineText).join('');
}

function inlineText(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value.replace(/[ \t]*\n[ \t]*/g, '\n');
  if (node.type !== 'element') return '';
  const inner = () => inlineChildren(node);
  switch (node.tagName) {
    case 'br':
      return '\\\n';
    case 'strong':
    case 'b':
      return wrap('**', inner());
    case 'em':
    case 'i':
      return wrap('*', inner());
    case 'del':
    case 's':
      return wrap('~~', inner());
    case 'code':
      return `\`${textOf(node)}\``;
    case 'img':
      return `![${String(node.properties.alt ?? '')}](${String(node.properties.src ?? '')})`;
    case 'a':
      return node.properties.href ? `[${inner()}](${String(node.properties.href)})` : inner();
    default:
      return BLOCK.has(node.tagName) ? `\n\n${block(node)}\n\n` : inner();
  }
}

function wrap(mark: string, text: string): string {
  return text.trim() ? `${mark}${text.trim()}${mark}` : text;
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}
