import type { Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';

/** The callout kinds editors can write as `:::kind`. */
export const CALLOUT_KINDS = ['tip', 'warning', 'example'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** Leaf directives handled by other plugins (`::quiz{…}`), so this one leaves them alone. */
const KNOWN_LEAF_DIRECTIVES = new Set(['quiz']);

export interface CalloutOptions {
  /** Default heading of each kind, in the interface language. */
  labels: Record<CalloutKind, string>;
}

/**
 * Turns `:::tip`, `:::warning` and `:::example` blocks into `<aside>` callouts in place,
 * and returns a diagnostic for every directive editors cannot have meant.
 * Inline `:name` text that remark-directive mistook for a directive is put back as text.
 */
export function transformCallouts(tree: Root, file: string, { labels }: CalloutOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'text' && /::quiz\{/.test(node.value)) {
      diagnostics.push(createError(file, node.position?.start, 'content/inline-quiz', 'Unexpected quiz inside a paragraph, expected `::quiz{…}` on a line of its own', 'put a blank line before and after the `::quiz{…}` line.'));
      return;
    }
    if (node.type === 'textDirective' && node.name === 'quiz') {
      diagnostics.push(createError(file, node.position?.start, 'content/inline-quiz', 'Unexpected quiz inside a paragraph, expected `::quiz{…}` on a line of its own', 'put a blank line before and after the `::quiz{…}` line.'));
      return;
    }
    if (node.type === 'textDirective' && parent && index !== undefined) {
      // `比如 a:b` or `10:30am` parse as text directives; they are plain text to editors.
      const attributes = Object.keys(node.attributes ?? {}).length ? '{…}' : '';
      parent.children.splice(index, 1, { type: 'text', value: `:${node.name}${attributes}` }, ...(node.children as never[]));
      return index + 1;
    }
    if (node.type === 'leafDirective' && !KNOWN_LEAF_DIRECTIVES.has(node.name)) {
      diagnostics.push(
        createError(file, node.position?.start, 'content/unknown-directive', `Unexpected directive \`::${node.name}\`, expected \`::quiz{ids="…"}\``, 'callouts take three colons, e.g. `:::tip` … `:::`.'),
      );
      return;
    }
    if (node.type !== 'containerDirective') return;
    if (!(CALLOUT_KINDS as readonly string[]).includes(node.name)) {
      const suggestion = closestMatch(node.name, CALLOUT_KINDS);
      diagnostics.push(
        createError(
          file,
          node.position?.start,
          'content/unknown-callout',
          `Unexpected callout \`:::${node.name}\`, expected one of ${CALLOUT_KINDS.map((k) => `\`${k}\``).join(', ')}`,
          suggestion ? `did you mean \`:::${suggestion}\`?` : 'use `:::tip`, `:::warning` or `:::example`, and close the block with `:::`.',
        ),
      );
      return;
    }
    renderCallout(node, labels[node.name as CalloutKind]);
  });
  return diagnostics;
}

function renderCallout(node: ContainerDirective, defaultLabel: string) {
  const first = node.children[0];
  const hasLabel = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
  const title: Paragraph = hasLabel
    ? (first as Paragraph)
    : { type: 'paragraph', children: [{ type: 'text', value: defaultLabel }] };
  title.data = { hName: 'p', hProperties: { className: ['callout-title'] } };
  if (!hasLabel) node.children.unshift(title);
  node.data = {
    hName: 'aside',
    hProperties: { className: ['callout', `callout-${node.name}`], role: 'note', ariaLabel: defaultLabel },
  };
}
