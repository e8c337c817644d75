import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { LessonTreeTransform } from '../content/index.ts';
import { closestMatch, createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { QuestionBank } from '../questions/index.ts';
import { renderQuiz } from './render.ts';
import { selectQuizQuestions, type QuizSpec } from './select.ts';

const QUIZ_ATTRIBUTES = ['ids', 'module', 'tags', 'count'];

/** Returns the seed a filtered quiz is drawn with: the lesson plus what it asks for, so the
 * `::quiz` directive and the `<Quiz>` component draw the same questions. */
export function quizSeed(lessonId: string, spec: QuizSpec): string {
  return `${lessonId}:${JSON.stringify(spec)}`;
}

/** Returns the quiz spec written in a directive's or component's attributes, or a diagnostic. */
export function parseQuizAttributes(
  attributes: Record<string, unknown>,
  file: string,
  place: Place | undefined,
): { spec?: QuizSpec; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const name of Object.keys(attributes)) {
    if (!QUIZ_ATTRIBUTES.includes(name)) {
      const suggestion = closestMatch(name, QUIZ_ATTRIBUTES);
      diagnostics.push(createError(file, place, 'content/unknown-quiz-attribute', `Unexpected quiz attribute \`${name}\`, expected one of ${QUIZ_ATTRIBUTES.map((a) => `\`${a}\``).join(', ')}`, suggestion ? `did you mean \`${suggestion}\`?` : 'remove the attribute.'));
    }
  }
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,，、]+/)).map((s) => s.trim()).filter(Boolean);
  const spec: QuizSpec = {};
  if (attributes.ids !== undefined) spec.ids = list(attributes.ids);
  if (attributes.module !== undefined) spec.module = String(attributes.module).trim();
  if (attributes.tags !== undefined) spec.tags = list(attributes.tags);
  if (attributes.count !== undefined) {
    const count = Number(attributes.count);
    if (!Number.isInteger(count) || count < 1) {
      diagnostics.push(createError(file, place, 'content/invalid-quiz-count', `Unexpected quiz \`count\` \`${String(attributes.count)}\`, expected a whole number of at least 1`, 'write e.g. `count="3"`.'));
    } else spec.count = count;
  }
  return diagnostics.length ? { diagnostics } : { spec, diagnostics };
}

/** The attribute the lesson transform adds to each `<Quiz>` in MDX, so the component knows its lesson and place. */
export const QUIZ_SOURCE_ATTRIBUTE = '__source';

/** Where a `<Quiz>` component is written: its lesson, and its file and place for diagnostics. */
export interface QuizSource {
  /** Lesson id, e.g. `communication/active-listening`: the seed of filtered quizzes. */
  lesson: string;
  file: string;
  place: Place;
}

/**
 * Returns where a `<Quiz>` component is written, from the attribute the lesson transform added,
 * and the editor's own attributes without it. `undefined` source when the attribute is missing.
 */
export function readQuizSource(props: Record<string, unknown>): { source?: QuizSource; attributes: Record<string, unknown> } {
  const { [QUIZ_SOURCE_ATTRIBUTE]: raw, ...attributes } = props;
  try {
    const source = JSON.parse(String(raw)) as QuizSource;
    if (typeof source.file === 'string' && typeof source.lesson === 'string' && typeof source.place?.line === 'number') return { source, attributes };
  } catch {
    // Not stamped (e.g. a component outside a lesson): the caller falls back to the page URL.
  }
  return { attributes };
}

export interface QuizTransformOptions {
  /** Returns the question bank (loaded once per build by the caller). */
  getBank(): QuestionBank;
  t: Translate;
  /** URL prefix for bank images. */
  imageBase?: string;
  /** False when only checking: quizzes are validated but not rendered (much faster). Default: true. */
  render?: boolean;
  /** New-issue address for “这道题有误” links; none when unset. */
  reportUrl?: string;
}

/**
 * Returns the lesson transform that turns `::quiz{ids="…"}` (and `<Quiz … />` in MDX, checked only)
 * into rendered self-checks, drawing filters deterministically from the lesson id.
 */
export function createQuizDirectiveTransform({ getBank, t, imageBase, render = true, reportUrl }: QuizTransformOptions): LessonTreeTransform {
  return (tree: Root, context) => {
    const diagnostics: Diagnostic[] = [];
    const lessonId = context.contentPath.replace(/\.mdx?$/, '');
    let count = 0;
    visit(tree, (node) => {
      const isDirective = node.type === 'leafDirective' && node.name === 'quiz';
      const isComponent = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Quiz';
      if (!isDirective && !isComponent) return;
      const place = node.position?.start;
      let attributes: Record<string, unknown>;
      if (node.type === 'leafDirective') attributes = { ...node.attributes };
      else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        // The component renders later, in Astro, where the page URL is all it knows: tell it its lesson and
        // place, so what it finds (attributes written as expressions) is reported like everything else.
        if (render && place) {
          const source: QuizSource = { lesson: lessonId, file: context.file, place: { line: place.line + context.lineOffset, column: place.column } };
          node.attributes = [
            ...node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === QUIZ_SOURCE_ATTRIBUTE)),
            { type: 'mdxJsxAttribute', name: QUIZ_SOURCE_ATTRIBUTE, value: JSON.stringify(source) },
          ];
        }
        // Only literal attributes can be checked before the build; expressions are left to the component.
        attributes = {};
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && attribute.name === QUIZ_SOURCE_ATTRIBUTE) continue;
          if (attribute.type !== 'mdxJsxAttribute') return;
          const value = attribute.value;
          if (value && typeof value === 'object') {
            try {
              attributes[attribute.name] = JSON.parse(value.value.replace(/'/g, '"'));
            } catch {
              return;
            }
          } else attributes[attribute.name] = value;
        }
      } else return;
      const parsed = parseQuizAttributes(attributes, context.file, place);
      diagnostics.push(...parsed.diagnostics);
      if (!parsed.spec) return;
      count += 1;
      const selection = selectQuizQuestions(getBank(), parsed.spec, quizSeed(lessonId, parsed.spec), { file: context.file, place });
      diagnostics.push(...selection.diagnostics);
      if (selection.questions.length === 0) return;
      context.data.hasQuiz = true;
      // The questions' `id@rev` list lets the browser drop progress earned on older versions.
      const signature = selection.questions.map((q) => `${q.id}@${q.rev}`);
      // Progress is tracked per lesson on its first quiz; further quizzes keep their own records.
      const progressKey = count === 1 ? lessonId : `${lessonId}#${count}`;
      if (count === 1) context.data.quizSignature = signature.join(',');
      // Every quiz of the lesson, so progress can require each one to be passed.
      context.data.quizzes = [...((context.data.quizzes as { key: string; sig: string }[] | undefined) ?? []), { key: progressKey, sig: signature.join(',') }];
      if (!isDirective || !render) return;
      // Ids carry the lesson, so a printed handout holding several lessons has no duplicate ids or radio groups.
      const quiz = renderQuiz(selection.questions, { t, domId: `quiz-${lessonId.replace(/[^a-z0-9]+/g, '-')}-${count}`, progressKey, mode: 'lesson', imageBase, ...(reportUrl ? { reportUrl } : {}) });
      node.data = { hName: 'div', hProperties: { className: ['quiz-container'] }, hChildren: [quiz] };
    });
    return diagnostics;
  };
}
