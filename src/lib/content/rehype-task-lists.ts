import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child) => {
    text += child.value;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Gives the checkboxes of Markdown task lists (`- [ ] 核实身份`) the item's text as their
 * accessible name; GFM renders them without a label, which screen readers announce as "checkbox".
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'li' || !String(node.properties.className ?? '').includes('task-list-item')) return;
      const input = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input');
      const paragraph = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p');
      const checkbox = input ?? paragraph?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input');
      if (checkbox) checkbox.properties.ariaLabel = textOf(node).slice(0, 120);
    });
  };
}
