import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Translate } from '../i18n/index.ts';
import { BLANK_TOKEN, indexToLetter, protectBlanks, type CasePart, type Question } from '../questions/index.ts';
import { markdownToHast, markdownToInlineHast } from './markdown.ts';

export interface RenderQuizOptions {
  t: Translate;
  /** Unique within the page; prefixes input names and element ids. */
  domId: string;
  /** Lesson id the progress is recorded under (`module/lesson`), or `module/practice`. */
  progressKey: string;
  /** `practice` pages draw `draw` questions at random in the browser on each attempt; `mistakes` shows the ones this browser got wrong. */
  mode: 'lesson' | 'practice' | 'mistakes';
  draw?: number;
  /** URL prefix for question images (`assets/x.png` in the bank). */
  imageBase?: string;
  /** Address of the repository's new-issue form; each question then gets a “这道题有误” link carrying its `id@rev`. */
  reportUrl?: string;
}

/** What the browser needs to mark answers; practice questions only, so nothing secret. */
export type AnswerKey =
  | { type: 'single' | 'multiple'; answer: number[]; pins: boolean[] }
  | { type: 'truefalse'; answer: boolean }
  | { type: 'fill'; answers: string[][] }
  | { type: 'short' }
  | { type: 'case'; parts: (AnswerKey & { points: number })[] };

function answerKeyOf(question: Question | CasePart): AnswerKey {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { type: question.type, answer: question.answer, pins: question.options.map((o) => o.pin) };
    case 'truefalse':
      return { type: 'truefalse', answer: question.answer };
    case 'fill':
      return { type: 'fill', answers: question.answers };
    case 'short':
      return { type: 'short' };
    case 'case':
      return { type: 'case', parts: question.parts.map((part) => ({ ...answerKeyOf(part), points: part.points })) };
  }
}

function solutionText(question: Question | CasePart, t: Translate): string {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.answer.map(indexToLetter).join('');
    case 'truefalse':
      return t(question.answer ? 'quiz.true' : 'quiz.false');
    case 'fill':
      return question.answers.map((variants) => variants.join(' / ')).join('；');
    default:
      return '';
  }
}

/**
 * Replaces each blank of a rendered stem (protected from Markdown by `protectBlanks`) with a
 * labelled text box, or, in a stem that is not a fill-in question, with the `____` as written.
 */
function insertBlanks(nodes: ElementContent[], name: string, t: Translate, inputs: boolean, counter = { n: 0 }): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: insertBlanks(node.children, name, t, inputs, counter) }];
    if (node.type !== 'text') return [node];
    if (!inputs) return [{ ...node, value: node.value.replaceAll(BLANK_TOKEN, '____') }];
    return node.value.split(new RegExp(`(${BLANK_TOKEN})`)).flatMap((piece): ElementContent[] => {
      if (piece !== BLANK_TOKEN) return piece ? [{ type: 'text', value: piece }] : [];
      counter.n += 1;
      const properties = { type: 'text', name: `${name}-blank-${counter.n}`, autocomplete: 'off', ariaLabel: t('quiz.blank', { n: counter.n }), size: 8 };
      return [h('input.quiz-blank', properties)];
    });
  });
}

function renderSolution(question: Question | CasePart, options: RenderQuizOptions): Element | undefined {
  const { t } = options;
  const children: ElementContent[] = [];
  const key = solutionText(question, t);
  if (key) children.push(h('p.quiz-key', t('quiz.answer', { answer: key })));
  if (question.type === 'short') {
    children.push(h('div.quiz-reference', [h('strong', t('quiz.reference')), ...markdownToHast(question.reference, options)]));
    children.push(
      h('div.quiz-scoring', [h('strong', t('quiz.scoring')), h('ul', question.scoring.map((s) => h('li', `${s.point}（${t('quiz.points', { n: s.points })}）`)))]),
    );
  }
  if (question.explanation) children.push(h('div.quiz-explanation', [h('strong', t('quiz.explanation')), ...markdownToHast(question.explanation, options)]));
  if (children.length === 0) return undefined;
  return h('details.quiz-solution', [h('summary', t('quiz.showAnswer')), ...children]);
}

function renderAnswerControls(question: Question | CasePart, name: string, options: RenderQuizOptions): ElementContent[] {
  const { t } = options;
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [
        h(
          'div.quiz-options',
          question.options.map((option, index) =>
            h('label.quiz-option', { dataIndex: index }, [
              h('input', { type: question.type === 'single' ? 'radio' : 'checkbox', name, value: String(index) }),
              h('span.quiz-letter', indexToLetter(index)),
              h('span.quiz-option-text', markdownToInlineHast(option.text, options) ?? [option.text]),
            ]),
          ),
        ),
      ];
    case 'truefalse':
      return [
        h('div.quiz-options.quiz-options-inline', [
          h('label.quiz-option', [h('input', { type: 'radio', name, value: 'true' }), h('span', t('quiz.true'))]),
          h('label.quiz-option', [h('input', { type: 'radio', name, value: 'false' }), h('span', t('quiz.false'))]),
        ]),
      ];
    case 'short':
      return [h('textarea.quiz-text', { name, rows: 4, 'aria-label': t('quiz.yourAnswer') })];
    default:
      return [];
  }
}

function renderItem(question: Question | CasePart, label: string, name: string, options: RenderQuizOptions): ElementContent[] {
  const { t } = options;
  const typeLabel = h('span.quiz-type', `［${t(`quiz.type.${question.type}`)}］`);
  const number = h('span.quiz-number', label);
  // Blanks are swapped out before Markdown sees them: `____` alone or in `（____）` is Markdown syntax.
  const stem = protectBlanks(question.stem);
  const withBlanks = (nodes: ElementContent[]) => insertBlanks(nodes, name, t, question.type === 'fill');
  const inlineStem = question.type === 'fill' ? undefined : markdownToInlineHast(stem, options);
  const inline = inlineStem && withBlanks(inlineStem);
  const legend = h('legend', inline ? [number, ' ', typeLabel, ' ', ...inline] : [number, ' ', typeLabel]);
  const stemBlocks = inline ? [] : [h('div.quiz-stem', withBlanks(markdownToHast(stem, options)))];
  const solution = renderSolution(question, options);
  return [
    h('fieldset.quiz-fieldset', [legend, ...stemBlocks, ...renderAnswerControls(question, name, options)]),
    h('div.quiz-feedback', { hidden: true }),
    ...(solution ? [solution] : []),
  ];
}

/** A link to report a mistake in a question, naming it by `id@rev` so the editor finds the exact version. */
function renderReportLink(question: Question, options: RenderQuizOptions): Element[] {
  if (!options.reportUrl) return [];
  const label = options.t('quiz.report');
  const title = `${label}：${question.id}@${question.rev}`;
  const url = `${options.reportUrl}?${new URLSearchParams({ title, body: `${question.id}@${question.rev}\n\n` }).toString()}`;
  return [h('p.quiz-report', [h('a', { href: url, rel: 'noopener', target: '_blank' }, label)])];
}

function renderQuestion(question: Question, index: number, options: RenderQuizOptions): Element {
  const name = `${options.domId}-q${index + 1}`;
  const attributes = { id: name, dataQuestion: `${question.id}@${question.rev}` };
  if (question.type !== 'case') return h('li.quiz-question', attributes, [...renderItem(question, `${index + 1}.`, name, options), ...renderReportLink(question, options)]);
  const { t } = options;
  const solution = renderSolution({ ...question, parts: [] } as Question, options);
  return h('li.quiz-question.quiz-case', attributes, [
    h('p.quiz-case-heading', [h('span.quiz-number', `${index + 1}.`), ' ', h('span.quiz-type', `［${t('quiz.type.case')}］`)]),
    h('div.quiz-stem', markdownToHast(question.stem, options)),
    h('p.quiz-case-prompt', t('quiz.caseParts')),
    h(
      'ol.quiz-parts',
      question.parts.map((part, partIndex) => h('li.quiz-part', { id: `${name}-p${partIndex + 1}` }, renderItem(part, `（${partIndex + 1}）`, `${name}-p${partIndex + 1}`, options))),
    ),
    ...(solution ? [solution] : []),
    ...renderReportLink(question, options),
  ]);
}

/**
 * Returns a quiz as a HAST element: questions that work without JavaScript (answers folded
 * in `<details>`), plus the answer key the quiz script uses to give instant feedback.
 * Only ever pass practice questions: everything here is published.
 */
export function renderQuiz(questions: readonly Question[], options: RenderQuizOptions): Element {
  const { t } = options;
  const data = {
    key: options.progressKey,
    mode: options.mode,
    draw: options.draw ?? questions.length,
    questions: questions.map((q) => ({ id: q.id, rev: q.rev, points: q.points, ...answerKeyOf(q) })),
    strings: Object.fromEntries(
      (['quiz.check', 'quiz.retry', 'quiz.retryPractice', 'quiz.correct', 'quiz.incorrect', 'quiz.partial', 'quiz.unanswered', 'quiz.selfAssess', 'quiz.score', 'quiz.answer', 'quiz.true', 'quiz.false', 'quiz.unansweredBlock', 'quiz.rightChoice', 'quiz.yourChoice'] as const).map((key) => [key, t(key)]),
    ),
  };
  return h(
    'section.quiz',
    { dataQuiz: options.mode, dataPagefindIgnore: 'all', 'aria-label': t('quiz.title'), id: options.domId },
    [
      h('ol.quiz-questions', questions.map((question, index) => renderQuestion(question, index, options))),
      h('div.quiz-actions', { hidden: true }, [
        h('button.button', { type: 'button', dataAction: 'check' }, t('quiz.check')),
        h('button.button.secondary', { type: 'button', dataAction: 'retry', hidden: true }, t(options.mode === 'practice' ? 'quiz.retryPractice' : 'quiz.retry')),
      ]),
      h('p.quiz-status', { role: 'status', 'aria-live': 'polite' }),
      h('script.quiz-data', { type: 'application/json' }, JSON.stringify(data).replace(/</g, '\\u003c')),
    ],
  );
}

