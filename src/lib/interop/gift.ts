import { createError } from '../diagnostics/index.ts';
import type { CasePart, Question } from '../questions/index.ts';
import type { DraftBody, DraftOption, DraftPart, QuestionDraft, SkippedQuestion } from './draft.ts';
import { fillAnswerVariants, withoutAddedVariants } from './fill-variants.ts';
import type { ExportContext, ExportResult, ImportContext, ImportRead } from './formats.ts';
import { correctFractions, formatFraction } from './fractions.ts';
import { htmlToMarkdown } from './markup.ts';
import { draftMetadata, metaTags, readMetaTags, readScoringList } from './meta-tags.ts';

/**
 * GIFT, Moodle's text format: `$CATEGORY:` lines, `// [id:…] [tag:…]` comments, `::title::`,
 * `[markdown]` text and an answer block `{…}` per question. Text is written as Markdown, so it
 * comes back unchanged; GIFT has no grades, no per-question shuffle flag and one blank per question,
 * so points and pins travel as `trainbook:` tags and fill questions with several blanks are left out.
 */

// ---------------------------------------------------------------- export

/** Returns the questions as a GIFT file. */
export async function questionsToGift(questions: readonly Question[], context: ExportContext): Promise<ExportResult> {
  const out: string[] = [`// trainbook question bank ${context.bankVersion}`, ''];
  const skipped: SkippedQuestion[] = [];
  const notes = new Map<string, number>();
  const note = (text: string) => notes.set(text, (notes.get(text) ?? 0) + 1);
  let category = '';
  let count = 0;
  const enter = (path: string) => {
    if (path !== category) out.push(`$CATEGORY: ${path}`, '');
    category = path;
  };
  const skip = (q: Question, reason: string) => skipped.push({ file: q.file, place: q.place, sourceType: q.type, name: q.id, reason });
  for (const question of questions) {
    const moduleCategory = `trainbook/${context.bankVersion}/${question.module}`;
    if (question.type === 'case') {
      if (question.parts.some((p) => p.type === 'fill' && p.answers.length > 1)) {
        skip(question, 'a part has several blanks: GIFT holds one blank per question (use --format moodle-xml)');
        continue;
      }
      enter(`${moduleCategory}/${question.id}`);
      const comment = [`// [id:${question.id}]`, ...tagComments([...question.tags, ...metaTags(question), `trainbook:points=${question.points}`])].join(' ');
      // A description has no feedback in GIFT: the case's explanation travels in a comment, which Moodle ignores.
      out.push(comment, `// 解析：${escapeText(question.explanation).replace(/\n/g, '\\n')}`, `::${question.id}::[markdown]${escapeText(question.stem)}`, '');
      for (const [index, part] of question.parts.entries()) {
        const id = `${question.id}-p${index + 1}`;
        out.push(`// [id:${id}] ${tagComments([`trainbook:points=${part.points}`]).join(' ')}`, `::${id}::${await body(part, part.explanation ?? '', note)}`, '');
      }
      note('case: a description and one question per part, in a category of their own; points travel as tags');
      count++;
      continue;
    }
    if (question.type === 'fill' && question.answers.length > 1) {
      skip(question, 'several blanks: GIFT holds one blank per question (use --format moodle-xml)');
      continue;
    }
    if (question.type === 'multiple' && question.answer.length > 20) {
      skip(question, 'more than 20 correct options: Moodle’s smallest share is 5 %');
      continue;
    }
    enter(moduleCategory);
    const tags = [...question.tags, ...metaTags(question), `trainbook:points=${question.points}`];
    if ('options' in question && question.options.some((o) => o.pin)) tags.push(`trainbook:pin=${pinLetters(question)}`);
    out.push(`// [id:${question.id}] ${tagComments(tags).join(' ')}`, `::${question.id}::${await body(question, question.explanation, note)}`, '');
    count++;
  }
  return { bytes: Buffer.from(out.join('\n'), 'utf8'), count, skipped, notes: [...notes].map(([text, n]) => `${n} × ${text}`) };
}

function pinLetters(question: { options: { pin: boolean }[] }): string {
  return question.options.flatMap((o, i) => (o.pin ? [String.fromCharCode(65 + i)] : [])).join('');
}

function tagComments(tags: readonly string[]): string[] {
  return tags.map((t) => `[tag:${t.replace(/[\]\n]/g, ' ')}]`);
}

/** `[markdown]stem{answers####explanation}` for one question or part. */
async function body(question: Exclude<Question, { type: 'case' }> | CasePart, explanation: string, note: (text: string) => void): Promise<string> {
  const feedback = (text: string) => (text ? `\n\t####${escapeText(text)}` : '');
  switch (question.type) {
    case 'single':
    case 'multiple': {
      if (question.options.some((o) => o.pin)) note('question with a pinned option: GIFT cannot turn shuffling off; the pin travels as a tag');
      const shares = question.type === 'single' ? [100] : correctFractions(question.answer.length);
      const lines = question.options.map((o, i) => {
        const position = question.answer.indexOf(i);
        if (question.type === 'single') return `\t${position >= 0 ? '=' : '~'}${escapeText(o.text)}`;
        return `\t~%${formatFraction(position >= 0 ? shares[position]! : -100)}%${escapeText(o.text)}`;
      });
      return `[markdown]${escapeText(question.stem)}{\n${lines.join('\n')}${feedback(explanation)}\n}`;
    }
    case 'truefalse':
      return `[markdown]${escapeText(question.stem)}{${question.answer ? 'TRUE' : 'FALSE'}${feedback(explanation).replace(/^\n\t/, '')}}`;
    case 'fill': {
      const answers = [...new Set(question.answers[0]!.flatMap(fillAnswerVariants))].map((a) => `=${escapeText(a)}`).join(' ');
      const [before, ...after] = question.stem.split(/_{4,}/);
      return `[markdown]${escapeText(before!)}{${answers}${feedback(explanation).replace(/^\n\t/, '')}}${escapeText(after.join('____'))}`;
    }
    case 'short': {
      const grader = [explanation, `参考答案：${question.reference}`, `评分要点：\n${question.scoring.map((s) => `- ${s.point}（${s.points}分）`).join('\n')}`].filter(Boolean).join('\n\n');
      note('简答: GIFT essays have no grader information; reference answer and scoring points are in the general feedback');
      return `[markdown]${escapeText(question.stem)}{${feedback(grader).replace(/^\n\t/, '')}}`;
    }
  }
}

/** GIFT's special characters escaped; a blank line (which would end the question) written as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`).replace(/\n(?=\s*\n|$)/g, '\\n');
}

// ---------------------------------------------------------------- import

const UNESCAPE: Record<string, string> = { n: '\n' };

function unescapeText(text: string): string {
  return text.replace(/\\(.)/g, (_, ch: string) => UNESCAPE[ch] ?? ch);
}

/** Splits at unescaped occurrences of any of `chars`, keeping the separator at the start of each piece. */
function splitUnescaped(text: string, test: (ch: string, i: number) => boolean): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (i > start && test(text[i]!, i)) {
      pieces.push(text.slice(start, i));
      start = i;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function indexOfUnescaped(text: string, ch: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ch) return i;
  }
  return -1;
}

interface Block {
  line: number;
  comments: string[];
  text: string;
}

/** Questions are separated by blank lines; `//` lines are comments, kept for `[id:]`, `[tag:]` and 解析. */
function splitBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current?.text.trim()) blocks.push(current);
      if (current && !current.text.trim()) return;
      current = undefined;
      return;
    }
    current ??= { line: index + 1, comments: [], text: '' };
    if (line.trimStart().startsWith('//')) current.comments.push(line.trimStart().slice(2));
    else {
      if (!current.text) current.line = index + 1;
      current.text += (current.text ? '\n' : '') + line;
    }
  });
  if (current?.text.trim()) blocks.push(current);
  return blocks;
}

/**
 * Returns the questions of a GIFT file: multiple choice (with weights), true/false, short answer
 * and missing word (as 填空), essay (as 简答), descriptions that start a case; `$CATEGORY` names the
 * module. Matching and numerical questions are listed in `skipped`.
 */
export async function giftToDrafts(source: string, file: string, context: ImportContext): Promise<ImportRead> {
  const result: ImportRead = { drafts: [], images: [], skipped: [], diagnostics: [] };
  let category = '';
  const cases = new Map<string, QuestionDraft & { type: 'case' }>();
  for (const block of splitBlocks(source)) {
    const place = { line: block.line, column: 1 };
    const text = block.text.trim();
    const categoryMatch = /^\$CATEGORY:\s*(.*)$/.exec(text);
    if (categoryMatch) {
      category = categoryMatch[1]!.trim();
      continue;
    }
    const comment = block.comments.join('\n');
    const id = /\[id:([^\]]+)\]/.exec(comment)?.[1]?.trim() ?? '';
    const meta = readMetaTags([...comment.matchAll(/\[tag:([^\]]+)\]/g)].map((m) => m[1]!.trim()));
    const points = meta.points;

    let rest = text;
    let title = '';
    if (rest.startsWith('::')) {
      const end = rest.indexOf('::', 2);
      if (end < 0) {
        result.diagnostics.push(createError(file, place, 'interop/gift-syntax', 'Unexpected title without its closing `::`', 'close the title with `::`, or escape a colon in it as `\\:`.'));
        continue;
      }
      title = unescapeText(rest.slice(2, end)).trim();
      rest = rest.slice(end + 2).trimStart();
    }
    const format = /^\[(html|markdown|plain|moodle)\]/.exec(rest)?.[1] ?? 'moodle';
    rest = rest.replace(/^\[(html|markdown|plain|moodle)\]/, '');
    const open = indexOfUnescaped(rest, '{');
    const close = open < 0 ? -1 : indexOfUnescaped(rest, '}', open);
    const name = title || id || unescapeText(rest).slice(0, 30);
    const skip = (sourceType: string, reason: string) => result.skipped.push({ file, place, sourceType, name, reason });
    if (open >= 0 && close < 0) {
      result.diagnostics.push(createError(file, place, 'interop/gift-syntax', 'Unexpected answer block without its closing `}`', 'close the answers with `}`, or escape a brace in the text as `\\{`.'));
      continue;
    }
    const toText = async (raw: string) => {
      const value = unescapeText(raw).trim();
      return format === 'html' ? htmlToMarkdown(value) : value;
    };
    const module = context.modules.find((m) => category.split('/').includes(m)) ?? context.module;
    if (!module) {
      result.diagnostics.push(createError(file, place, 'interop/missing-module', `Unexpected question \`${name}\` in category \`${category || '(none)'}\`, which names no module`, 'pass `--module <module>`, or add a `$CATEGORY:` line naming a module.'));
      continue;
    }
    const common = draftMetadata(meta, [id, title], module, { file, place });
    const ownId = common.id ?? '';
    if (open < 0) {
      // A description: trainbook keeps it only as the scenario of a case whose parts continue its id.
      if (!ownId) {
        skip('description', 'a description has no answer; as a case scenario it needs an [id:…] its parts continue (`com-020` → `com-020-p1`)');
        continue;
      }
      const explanation = unescapeText(block.comments.find((c) => c.trim().startsWith('解析：'))?.trim().slice('解析：'.length) ?? '').trim();
      const draft = { ...common, ...(points ? { points } : {}), type: 'case' as const, stem: await toText(rest), explanation, parts: [] as DraftPart[] };
      cases.set(ownId, draft);
      result.drafts.push(draft);
      continue;
    }
    const before = rest.slice(0, open);
    const after = rest.slice(close + 1).trim();
    const answerText = rest.slice(open + 1, close);
    const feedbackAt = answerText.indexOf('####');
    const generalFeedback = feedbackAt >= 0 ? await toText(answerText.slice(feedbackAt + 4)) : '';
    const answers = (feedbackAt >= 0 ? answerText.slice(0, feedbackAt) : answerText).trim();
    const stemOf = async (blank: boolean) => {
      const head = await toText(before);
      const tail = await toText(after);
      return blank ? `${head}____${tail}` : [head, tail].filter(Boolean).join(' ');
    };
    let parsed: { body: Exclude<DraftBody, { type: 'case' }>; stem: string; explanation: string } | { skip: [string, string] };
    if (answers === '') {
      const { explanation, reference, scoring } = splitEssayFeedback(generalFeedback, points ?? 1);
      parsed = { body: { type: 'short', reference, scoring }, stem: await stemOf(false), explanation };
    } else if (/^#/.test(answers)) parsed = { skip: ['numerical', 'numerical answers with tolerances have no trainbook type; rewrite it as 填空'] };
    else if (/^(T|F|TRUE|FALSE)\s*(#|$)/i.test(answers)) parsed = { body: { type: 'truefalse', answer: /^T/i.test(answers) }, stem: await stemOf(false), explanation: generalFeedback };
    else if (/(?<!\\)->/.test(answers)) parsed = { skip: ['matching', 'matching pairs have no trainbook type'] };
    else {
      const choices = splitUnescaped(answers, (ch) => ch === '=' || ch === '~')
        .map((piece) => piece.trim())
        .filter(Boolean)
        .map((piece) => {
          const mark = piece[0]!;
          const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(piece.slice(1));
          const content = piece.slice(1 + (weight?.[0].length ?? 0));
          const hash = indexOfUnescaped(content, '#');
          const textPart = hash >= 0 ? content.slice(0, hash) : content;
          return { right: mark === '=', fraction: weight ? Number(weight[1]) : mark === '=' ? 100 : 0, raw: textPart };
        });
      if (choices.every((c) => c.right)) {
        const accepted = withoutAddedVariants(await Promise.all(choices.map((c) => toText(c.raw))));
        parsed = { body: { type: 'fill', answers: [accepted.length === 1 ? accepted[0]! : accepted] }, stem: await stemOf(true), explanation: generalFeedback };
      } else {
        const texts = await Promise.all(choices.map((c) => toText(c.raw)));
        const options: DraftOption[] = texts.map((t, i) => (meta.pin?.includes(String.fromCharCode(65 + i)) ? { text: t, pin: true } : t));
        const correct = choices.flatMap((c, i) => (c.fraction > 0 ? [String.fromCharCode(65 + i)] : []));
        const stem = await stemOf(false);
        if (correct.length === 0) parsed = { skip: ['multichoice', 'no option has a positive weight'] };
        else if (correct.length === 1) parsed = { body: { type: 'single', options, answer: correct[0]! }, stem, explanation: generalFeedback };
        else parsed = { body: { type: 'multiple', options, answer: correct }, stem, explanation: generalFeedback };
      }
    }
    if ('skip' in parsed) {
      skip(...parsed.skip);
      continue;
    }
    const caseId = /^(.+)-p\d+$/.exec(ownId)?.[1];
    const owner = caseId ? cases.get(caseId) : undefined;
    if (owner) {
      owner.parts.push({ ...parsed.body, stem: parsed.stem, ...(points ? { points } : {}), ...(parsed.explanation ? { explanation: parsed.explanation } : {}) } as DraftPart);
      continue;
    }
    result.drafts.push({ ...common, ...(points ? { points } : {}), ...parsed.body, stem: parsed.stem, explanation: parsed.explanation } as QuestionDraft);
  }
  return result;
}

/** Splits an essay's general feedback as export writes it: explanation, 参考答案：…, 评分要点：… */
function splitEssayFeedback(text: string, points: number): { explanation: string; reference: string; scoring: { point: string; points: number }[] } {
  const referenceAt = text.lastIndexOf('参考答案：');
  const scoringAt = text.lastIndexOf('评分要点：');
  if (referenceAt < 0 || scoringAt < referenceAt) return { explanation: text, reference: text || '（无参考答案）', scoring: [{ point: '按参考答案评分', points }] };
  const scoring = readScoringList(text.slice(scoringAt + '评分要点：'.length));
  return {
    explanation: text.slice(0, referenceAt).trim(),
    reference: text.slice(referenceAt + '参考答案：'.length, scoringAt).trim(),
    scoring: scoring.length ? scoring : [{ point: '按参考答案评分', points }],
  };
}
