import type { Element, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';

/**
 * Raw HTML in lessons. Lessons are published as they are, so HTML that runs code (`<script>`,
 * `on*=` handlers), embeds other pages (`<iframe>`) or hides text from readers (but not from
 * search) is refused by `npm run check`. The allow-list is hast-util-sanitize's GitHub-like
 * default schema: tables, `<details>`, `<kbd>`, images and text formatting stay allowed.
 */

/** Element names allowed in lesson HTML. */
const ALLOWED_TAGS = new Set(defaultSchema.tagNames ?? []);
/** URL schemes that run code or smuggle content past review. */
export const UNSAFE_URL = /^\s*(?:javascript|vbscript|data):/i;
const HIDING_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$|!)|font-size\s*:\s*0(?![.\d]*[1-9])|(?:height|width)\s*:\s*0(?![.\d]*[1-9])|position\s*:\s*(?:absolute|fixed)|clip)/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'srcSet'];

/** Returns what is unsafe about one element (tag and attributes, as hast names them), or undefined. */
function unsafeElement(tagName: string, properties: Properties): string | undefined {
  if (!ALLOWED_TAGS.has(tagName)) return `element \`<${tagName}>\``;
  for (const [name, value] of Object.entries(properties)) {
    if (/^on/i.test(name)) return `event handler \`${name.toLowerCase()}=\` on \`<${tagName}>\``;
    const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
    if (name === 'style' && HIDING_STYLE.test(text)) return `hiding style \`style="${text}"\` on \`<${tagName}>\``;
    if (URL_ATTRIBUTES.includes(name) && UNSAFE_URL.test(text)) return `\`${text.split(':')[0]!.trim()}:\` URL in \`${name}\` of \`<${tagName}>\``;
  }
  return undefined;
}

function refuse(file: string, place: Place | undefined, what: string): Diagnostic {
  return createError(
    file,
    place,
    'content/unsafe-html',
    `Unexpected ${what} in a lesson, expected HTML without scripts, embedded pages, event handlers or hidden text`,
    'write the content in Markdown, or keep to plain HTML (tables, `<details>`, `<kbd>`, images); a fully trusted repository may set `allowRawHtml: true` in trainbook.config.mjs.',
  );
}

/** Returns a diagnostic for each unsafe piece of raw HTML (`.md`) or lowercase JSX element (`.mdx`) in a lesson. */
export function checkRawHtml(tree: Root, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') {
      const fragment = fromHtml(node.value, { fragment: true });
      visit(fragment, 'element', (element: Element) => {
        const what = unsafeElement(element.tagName, element.properties);
        if (!what) return;
        // Positions inside the fragment are relative to the HTML node.
        const inner = element.position?.start;
        const start = node.position?.start;
        const place = start && inner ? { line: start.line + inner.line - 1, column: inner.line === 1 ? start.column + inner.column - 1 : inner.column } : start;
        diagnostics.push(refuse(file, place, what));
      });
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) {
      const properties: Properties = {};
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute') properties[attribute.name === 'class' ? 'className' : attribute.name] = typeof attribute.value === 'string' ? attribute.value : attribute.value === null ? '' : attribute.value?.value ?? '';
      }
      const what = unsafeElement(node.name, properties);
      if (what) diagnostics.push(refuse(file, node.position?.start, what));
    }
  });
  return diagnostics;
}
