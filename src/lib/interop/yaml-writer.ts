import type { DraftOption, DraftPart, QuestionDraft } from './draft.ts';

/**
 * Returns YAML for questions, laid out like the hand-written files of the sample bank: the schema
 * comment, `questions:`, one blank line between questions, `|` blocks for text, flow lists for tags
 * and short answer lists, and plain scalars wherever YAML reads them back unchanged.
 * Questions must have ids.
 */
export function questionsToYaml(drafts: readonly QuestionDraft[], { header = true }: { header?: boolean } = {}): string {
  const body = drafts.map(questionEntry).join('\n');
  return header ? `# yaml-language-server: $schema=../schema/question-file.schema.json\nquestions:\n${body}` : body;
}

function questionEntry(q: QuestionDraft): string {
  if (!q.id) throw new TypeError('Cannot write a question without `id`; assign ids first');
  const pad = '    ';
  const lines = [`  - id: ${q.id}`, `${pad}rev: ${q.rev}`, `${pad}type: ${q.type}`, `${pad}module: ${q.module}`];
  if (q.lesson) lines.push(`${pad}lesson: ${scalar(q.lesson)}`);
  lines.push(`${pad}level: ${q.level}`, `${pad}difficulty: ${q.difficulty}`);
  if (q.tags.length) lines.push(`${pad}tags: ${flowList(q.tags)}`);
  lines.push(`${pad}visibility: ${q.visibility}`);
  if (q.retired) lines.push(`${pad}retired: true`);
  if (q.points !== undefined) lines.push(`${pad}points: ${q.points}`);
  lines.push(...textField('stem', q.stem, pad));
  lines.push(...bodyLines(q, pad));
  lines.push(...textField('explanation', q.explanation, pad));
  return `${lines.join('\n')}\n`;
}

function bodyLines(q: QuestionDraft | DraftPart, pad: string): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return [
        `${pad}options:`,
        ...q.options.map((o) => `${pad}  - ${option(o)}`),
        `${pad}answer: ${Array.isArray(q.answer) ? `[${q.answer.join(', ')}]` : q.answer}`,
      ];
    case 'truefalse':
      return [`${pad}answer: ${q.answer}`];
    case 'fill': {
      const flow = `[${q.answers.map((a) => (typeof a === 'string' ? flowScalar(a) : flowList(a))).join(', ')}]`;
      // Short lists stay on one line, as the sample bank writes them; long ones get a line per blank.
      if (flow.length <= 60 || q.answers.every((a) => typeof a === 'string')) return [`${pad}answers: ${flow}`];
      return [`${pad}answers:`, ...q.answers.map((a) => `${pad}  - ${typeof a === 'string' ? flowScalar(a) : flowList(a)}`)];
    }
    case 'short':
      return [
        ...textField('reference', q.reference, pad),
        `${pad}scoring:`,
        ...q.scoring.map((s) => `${pad}  - { point: ${flowScalar(s.point)}, points: ${s.points} }`),
      ];
    case 'case':
      return [`${pad}parts:`, ...q.parts.flatMap((part) => partLines(part, `${pad}  `))];
  }
}

function partLines(part: DraftPart, pad: string): string[] {
  const inner = `${pad}  `;
  const lines = [`${pad}- type: ${part.type}`, ...textField('stem', part.stem, inner), ...bodyLines(part, inner)];
  if (part.points !== undefined) lines.push(`${inner}points: ${part.points}`);
  if (part.explanation) lines.push(...textField('explanation', part.explanation, inner));
  return lines;
}

/** Long text as a `|` block, as editors write it; text YAML cannot hold in a block is quoted. */
function textField(key: string, text: string, pad: string): string[] {
  const lines = text.split('\n');
  // A block keeps text verbatim except leading spaces on its first line and trailing spaces.
  const blockSafe = text !== '' && !/^\s/.test(text) && lines.every((line) => !/[ \t]$/.test(line)) && !text.includes('\t') && !/\r/.test(text);
  if (!blockSafe) return [`${pad}${key}: ${JSON.stringify(text)}`];
  return [`${pad}${key}: |`, ...lines.map((line) => (line ? `${pad}  ${line}` : ''))];
}

function option(o: DraftOption): string {
  return typeof o === 'string' ? scalar(o) : `{ text: ${flowScalar(o.text)}, pin: true }`;
}

function flowList(items: readonly string[]): string {
  return `[${items.map(flowScalar).join(', ')}]`;
}

// Words and forms YAML would read as something other than text.
const NOT_TEXT = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.?\d[\w.:+-]*|\.inf|\.nan))$/i;

/** A scalar in block context (`key: value`, `- value`): plain when YAML reads it back unchanged. */
function scalar(text: string): string {
  const plain =
    text !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/\s$/.test(text) &&
    !/[\n\r\t]/.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !NOT_TEXT.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A scalar inside `[…]` or `{…}`: also no commas or brackets. */
function flowScalar(text: string): string {
  return /[,[\]{}]/.test(text) ? JSON.stringify(text) : scalar(text);
}
