import type { TrainbookConfig } from '../lib/config.ts';
import type { LessonTreeTransform } from '../lib/content/index.ts';
import { visit } from 'unist-util-visit';

export function createQuizTransform(_config: TrainbookConfig): LessonTreeTransform {
  return (tree) => {
    visit(tree, 'leafDirective', (node, index, parent) => {
      if (node.name === 'quiz' && parent && index !== undefined) parent.children.splice(index, 1);
    });
    return [];
  };
}
