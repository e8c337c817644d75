import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { CasePart, Question } from '../questions/index.ts';
import type { DraftBody, DraftOption, DraftPart, QuestionDraft, SkippedQuestion } from './draft.ts';
import { fillAnswerVariants, withoutAddedVariants } from './fill-variants.ts';
import type { ExportContext, ExportResult, ImportContext, ImportRead } from './formats.ts';
import { correctFractions, formatFraction } from './fractions.ts';
import { imageName, listImageRefs, type EmbeddedImage } from './images.ts';
import { htmlToMarkdown, markdownToHtml } from './markup.ts';
import { draftMetadata, metaTags, readMetaTags, readScoringList } from './meta-tags.ts';

/**
 * Moodle XML (Moodle 4 and 5), written the way Moodle's own exporter lays it out
 * (question/format/xml/format.php): a category question per module under
 * `trainbook/<bank version>/<module>`, `idnumber` = our id, HTML text with images as base64
 * `<file>` elements referenced through `@@PLUGINFILE@@`. docs/interop.md lists the mapping per type.
 */

const TRUE_LABEL = '正确';
const FALSE_LABEL = '错误';

// ---------------------------------------------------------------- export

/** Returns the questions as a Moodle XML file. */
export async function questionsToMoodleXml(questions: readonly Question[], context: ExportContext): Promise<ExportResult> {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  const skipped: SkippedQuestion[] = [];
  const notes = new Map<string, number>();
  const note = (text: string) => notes.set(text, (notes.get(text) ?? 0) + 1);
  let category = '';
  let count = 0;
  const enterCategory = (path: string) => {
    if (path === category) return;
    category = path;
    out.push(`  <question type="category">\n    <category>\n      <text>${escapeXml(path)}</text>\n    </category>\n    <info format="html">\n      <text></text>\n    </info>\n    <idnumber></idnumber>\n  </question>`);
  };
  for (const question of questions) {
    const moduleCategory = `trainbook/${context.bankVersion}/${question.module}`;
    const writer = new QuestionWriter(context);
    if (question.type === 'case') {
      if (question.parts.every((p) => p.type !== 'short')) {
        enterCategory(moduleCategory);
        out.push(await writer.clozeCase(question, note));
      } else {
        // A case with a written part cannot be one cloze: the scenario and each part go in a category of their own.
        enterCategory(`${moduleCategory}/${question.id}`);
        out.push(await writer.description(question));
        for (const [index, part] of question.parts.entries()) out.push(await writer.question(part, { id: `${question.id}-p${index + 1}`, name: `${question.id} 第${index + 1}小题`, tags: [], points: part.points }, note));
        note('case with a 简答 part: a description question and one question per part, in a category of their own');
      }
    } else {
      enterCategory(moduleCategory);
      const fractionsFit = question.type !== 'multiple' || question.answer.length <= 20;
      if (!fractionsFit) {
        skipped.push({ file: question.file, place: question.place, sourceType: question.type, name: question.id, reason: 'more than 20 correct options: Moodle’s smallest share is 5 %' });
        continue;
      }
      out.push(await writer.question(question, { id: question.id, name: questionName(question.id, question.stem), tags: [...question.tags, ...metaTags(question)], points: question.points }, note));
    }
    count++;
  }
  out.push('</quiz>', '');
  return {
    bytes: Buffer.from(out.join('\n'), 'utf8'),
    count,
    skipped,
    notes: [...notes].map(([text, n]) => `${n} × ${text}`),
  };
}

type Body = Exclude<Question, { type: 'case' }> | CasePart;
type Header = { id: string; name: string; tags: string[]; points: number };

/** Writes one question's XML; collects the images each text field uses. */
class QuestionWriter {
  private readonly context: ExportContext;

  constructor(context: ExportContext) {
    this.context = context;
  }

  /** Markdown as Moodle HTML with its images as `<file>` lines; `fields` replace `TBFIELD<n>X` tokens after rendering. */
  async render(markdown: string, indent: string, fields: readonly string[] = []): Promise<{ html: string; files: string[] }> {
    let html = await markdownToHtml(markdown);
    // Cloze fields go in after Markdown, which would read their `~` and `\` as its own syntax.
    html = html.replace(/TBFIELD(\d+)X/g, (_, n: string) => escapeHtmlText(fields[Number(n)] ?? ''));
    const files: string[] = [];
    for (const ref of new Set(listImageRefs(markdown))) {
      const bytes = await this.context.readImage(ref);
      const name = imageName(ref);
      html = html.split(`src="${ref}"`).join(`src="@@PLUGINFILE@@/${encodeURIComponent(name)}"`);
      if (bytes) files.push(`${indent}<file name="${escapeXml(name)}" path="/" encoding="base64">${Buffer.from(bytes).toString('base64')}</file>`);
    }
    return { html, files };
  }

  /** A text field (`questiontext`, `generalfeedback`, `graderinfo`) as HTML with its images. */
  async field(tag: string, markdown: string, indent: string, fields: readonly string[] = []): Promise<string> {
    if (!markdown) return `${indent}<${tag} format="html">\n${indent}  <text></text>\n${indent}</${tag}>`;
    const { html, files } = await this.render(markdown, `${indent}  `, fields);
    return [`${indent}<${tag} format="html">`, `${indent}  <text>${cdata(html)}</text>`, ...files, `${indent}</${tag}>`].join('\n');
  }

  /** An answer option with its grade fraction. */
  async answer(fraction: number, markdown: string): Promise<string> {
    const { html, files } = await this.render(markdown, '      ');
    // A one-paragraph option is written without <p>, as Moodle's editor saves short answers.
    const inline = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(html)?.[1] ?? html;
    return [`    <answer fraction="${formatFraction(fraction)}" format="html">`, `      <text>${cdata(inline)}</text>`, ...files, '      <feedback format="html">\n        <text></text>\n      </feedback>', '    </answer>'].join('\n');
  }

  async head(type: string, header: Header, stem: string, explanation: string, penalty: string, fields: readonly string[] = []): Promise<string[]> {
    return [
      `  <question type="${type}">`,
      `    <name>\n      <text>${escapeXml(header.name)}</text>\n    </name>`,
      await this.field('questiontext', stem, '    ', fields),
      await this.field('generalfeedback', explanation, '    '),
      `    <defaultgrade>${header.points}</defaultgrade>`,
      `    <penalty>${penalty}</penalty>`,
      '    <hidden>0</hidden>',
      `    <idnumber>${escapeXml(header.id)}</idnumber>`,
    ];
  }

  tail(tags: string[]): string[] {
    if (!tags.length) return ['  </question>'];
    return ['    <tags>', ...tags.map((t) => `      <tag><text>${escapeXml(t)}</text></tag>`), '    </tags>', '  </question>'];
  }

  async question(body: Body, header: Header, note: (text: string) => void): Promise<string> {
    const explanation = 'explanation' in body ? (body.explanation ?? '') : '';
    switch (body.type) {
      case 'single':
      case 'multiple': {
        const single = body.type === 'single';
        const pinned = body.options.some((o) => o.pin);
        if (pinned) note('question with a pinned option: shuffling is off for the whole question');
        const shares = single ? [100] : correctFractions(body.answer.length);
        const answers: string[] = [];
        for (const [index, option] of body.options.entries()) {
          const position = body.answer.indexOf(index);
          answers.push(await this.answer(position >= 0 ? shares[position]! : single ? 0 : -100, option.text));
        }
        const tags = pinned ? [...header.tags, `trainbook:pin=${body.options.flatMap((o, i) => (o.pin ? [String.fromCharCode(65 + i)] : [])).join('')}`] : header.tags;
        return [
          ...(await this.head('multichoice', header, body.stem, explanation, '0.3333333')),
          `    <single>${single}</single>`,
          `    <shuffleanswers>${pinned ? 'false' : 'true'}</shuffleanswers>`,
          '    <answernumbering>ABCD</answernumbering>',
          '    <showstandardinstruction>0</showstandardinstruction>',
          ...['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].map((tag) => `    <${tag} format="html">\n      <text></text>\n    </${tag}>`),
          '    <shownumcorrect/>',
          ...answers,
          ...this.tail(tags),
        ].join('\n');
      }
      case 'truefalse':
        return [
          ...(await this.head('truefalse', header, body.stem, explanation, '1')),
          ...[true, false].map((value) => `    <answer fraction="${body.answer === value ? 100 : 0}" format="moodle_auto_format">\n      <text>${value}</text>\n      <feedback format="html">\n        <text></text>\n      </feedback>\n    </answer>`),
          ...this.tail(header.tags),
        ].join('\n');
      case 'fill': {
        if (body.answers.length === 1) {
          return [
            ...(await this.head('shortanswer', header, body.stem, explanation, '0.3333333')),
            '    <usecase>0</usecase>',
            ...blankAnswers(body.answers[0]!).map((a) => `    <answer fraction="100" format="moodle_auto_format">\n      <text>${escapeXml(a)}</text>\n      <feedback format="html">\n        <text></text>\n      </feedback>\n    </answer>`),
            ...this.tail(header.tags),
          ].join('\n');
        }
        const weight = blankWeight(header.points, body.answers.length);
        if (weight === 1 && header.points !== body.answers.length) note(`fill question with ${body.answers.length} blanks: Moodle grades a cloze out of 1 per blank, not its points`);
        const fields = body.answers.map((accepted) => clozeShortAnswer(accepted, weight));
        let index = 0;
        const stem = body.stem.replace(/_{4,}/g, () => `TBFIELD${index++}X`);
        return [...(await this.head('cloze', header, stem, explanation, '0.3333333', fields)), ...this.tail(header.tags)].join('\n');
      }
      case 'short': {
        const grader = `${body.reference}\n\n评分要点：\n\n${body.scoring.map((s) => `- ${s.point}（${s.points}分）`).join('\n')}`;
        return [
          ...(await this.head('essay', header, body.stem, explanation, '0')),
          '    <responseformat>editor</responseformat>',
          '    <responserequired>1</responserequired>',
          '    <responsefieldlines>10</responsefieldlines>',
          '    <attachments>0</attachments>',
          '    <attachmentsrequired>0</attachmentsrequired>',
          await this.field('graderinfo', grader, '    '),
          '    <responsetemplate format="html">\n      <text></text>\n    </responsetemplate>',
          ...this.tail(header.tags),
        ].join('\n');
      }
    }
  }

  /** The scenario of a case as a description question (no grade), named and numbered by the case. */
  async description(question: Extract<Question, { type: 'case' }>): Promise<string> {
    const header = { id: question.id, name: questionName(question.id, question.stem), tags: [...question.tags, ...metaTags(question)], points: 0 };
    return [...(await this.head('description', header, question.stem, question.explanation, '0')), ...this.tail(header.tags)].join('\n');
  }

  /** A case whose parts are all objective, as one cloze question: the scenario, then each part with its answer fields. */
  async clozeCase(question: Extract<Question, { type: 'case' }>, note: (text: string) => void): Promise<string> {
    const fields: string[] = [];
    const token = (field: string) => `TBFIELD${fields.push(field) - 1}X`;
    const parts = question.parts.map((part, index) => {
      const weight = Number.isInteger(part.points) ? part.points : 1;
      if (weight !== part.points) note('case part with fractional points: weighted 1 in the cloze');
      const label = `（${index + 1}）`;
      switch (part.type) {
        case 'single':
        case 'multiple': {
          const pinned = part.options.some((o) => o.pin);
          const shares = part.type === 'single' ? [100] : correctFractions(part.answer.length);
          const options = part.options.map((o, i) => {
            const position = part.answer.indexOf(i);
            const fraction = position >= 0 ? shares[position]! : part.type === 'single' ? 0 : -100;
            const prefix = part.type === 'single' ? (fraction === 100 ? '=' : '') : `%${formatFraction(fraction)}%`;
            return `${prefix}${escapeCloze(o.text)}`;
          });
          const kind = part.type === 'single' ? (pinned ? 'MULTICHOICE_V' : 'MULTICHOICE_VS') : pinned ? 'MULTIRESPONSE' : 'MULTIRESPONSE_S';
          return `${label}${part.stem}\n\n${token(`{${weight}:${kind}:${options.join('~')}}`)}`;
        }
        case 'truefalse':
          return `${label}${part.stem}\n\n${token(`{${weight}:MULTICHOICE_V:${part.answer ? '=' : ''}${TRUE_LABEL}~${part.answer ? '' : '='}${FALSE_LABEL}}`)}`;
        case 'fill': {
          let i = 0;
          const blankPoints = blankWeight(part.points, part.answers.length);
          return `${label}${part.stem.replace(/_{4,}/g, () => token(clozeShortAnswer(part.answers[i++]!, blankPoints)))}`;
        }
        default:
          throw new TypeError('clozeCase takes objective parts only');
      }
    });
    const explanation = [question.explanation, ...question.parts.flatMap((p, i) => (p.explanation ? [`第${i + 1}小题：${p.explanation}`] : []))].join('\n\n');
    const header = { id: question.id, name: questionName(question.id, question.stem), tags: [...question.tags, ...metaTags(question)], points: question.points };
    return [...(await this.head('cloze', header, [question.stem, ...parts].join('\n\n'), explanation, '0.3333333', fields)), ...this.tail(header.tags)].join('\n');
  }
}

/** Points per blank of a cloze: Moodle weights are whole numbers, so equal shares or 1 each. */
function blankWeight(points: number, blanks: number): number {
  const share = points / blanks;
  return Number.isInteger(share) && share > 0 ? share : 1;
}

function blankAnswers(accepted: readonly string[]): string[] {
  return [...new Set(accepted.flatMap(fillAnswerVariants))];
}

function clozeShortAnswer(accepted: readonly string[], weight: number): string {
  return `{${weight}:SHORTANSWER:${blankAnswers(accepted).map((a) => `=${escapeCloze(a)}`).join('~')}}`;
}

/** Characters with a meaning inside a cloze answer are escaped with a backslash. */
function escapeCloze(text: string): string {
  return text.replace(/[\\}~#/"]/g, (ch) => `\\${ch}`).replace(/\n/g, ' ');
}

function questionName(id: string, stem: string): string {
  const words = stem.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/[#*_`>\n]+/g, ' ').trim();
  return `${id} ${[...words].slice(0, 30).join('')}${[...words].length > 30 ? '…' : ''}`;
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdata(text: string): string {
  return text ? `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>` : '';
}

// ---------------------------------------------------------------- import

type XmlNode = Record<string, unknown>;

/** Types Moodle exports that trainbook has no equivalent for, with the reason printed for each. */
const UNSUPPORTED: Record<string, string> = {
  matching: 'matching pairs have no trainbook type',
  randomsamatch: 'random short-answer matching has no trainbook type',
  calculated: 'calculated questions need formulas trainbook does not evaluate',
  calculatedsimple: 'calculated questions need formulas trainbook does not evaluate',
  calculatedmulti: 'calculated questions need formulas trainbook does not evaluate',
  numerical: 'numerical answers with tolerances have no trainbook type; rewrite it as 填空',
  ddwtos: 'drag-and-drop has no trainbook type',
  ddimageortext: 'drag-and-drop has no trainbook type',
  ddmarker: 'drag-and-drop has no trainbook type',
  gapselect: 'select-missing-words has no trainbook type',
  ordering: 'ordering has no trainbook type',
  random: 'a random question is a slot in a quiz, not a question',
};

/**
 * Returns the questions of a Moodle XML file: multichoice, truefalse, shortanswer, essay, cloze
 * (multianswer) and description (a case's scenario), with categories naming the module. Other
 * question types are listed in `skipped` by name and type.
 */
export async function moodleXmlToDrafts(text: string, file: string, context: ImportContext): Promise<ImportRead> {
  const result: ImportRead = { drafts: [], images: [], skipped: [], diagnostics: [] };
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    result.diagnostics.push(createError(file, { line: valid.err.line, column: valid.err.col }, 'interop/xml-syntax', `Unexpected XML: ${valid.err.msg}`, 'the file is not well-formed XML; export it from Moodle again, or fix the tag at this line.'));
    return result;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    // Entities are decoded by textOf, outside CDATA only: half the parser's time on large files.
    processEntities: false,
    cdataPropName: '#cdata',
    isArray: (name) => ARRAY_ELEMENTS.has(name),
  });
  const quiz = (parser.parse(text) as { quiz?: { question?: XmlNode[] } }).quiz;
  if (!quiz) {
    result.diagnostics.push(createError(file, { line: 1, column: 1 }, 'interop/not-moodle-xml', 'Unexpected XML without a `<quiz>` element', 'export the questions from Moodle’s question bank as “Moodle XML format”.'));
    return result;
  }
  const lines = questionLines(text);
  const images = new Map<string, Uint8Array>();
  let category = '';
  const cases = new Map<string, QuestionDraft & { type: 'case' }>();
  for (const [index, question] of (quiz.question ?? []).entries()) {
    const place = { line: lines[index] ?? 1, column: 3 };
    const type = String(question['@type'] ?? '');
    if (type === 'category') {
      category = textOf(question.category);
      continue;
    }
    const name = textOf(question.name);
    const idnumber = textOf(question.idnumber);
    const skip = (reason: string, sourceType = type) => result.skipped.push({ file, place, sourceType, name: name || idnumber || `question ${index + 1}`, reason });
    if (UNSUPPORTED[type]) {
      skip(UNSUPPORTED[type]);
      continue;
    }
    const module = moduleOf(category, context);
    if (!module) {
      result.diagnostics.push(createError(file, place, 'interop/missing-module', `Unexpected question \`${name}\` in category \`${category || '(none)'}\`, which names no module`, 'pass `--module <module>`, or put the questions in a category named after a module.'));
      continue;
    }
    const meta = readMetaTags(listTags(question));
    const stem = await richText(question.questiontext, images);
    const explanation = await richText(question.generalfeedback, images);
    const points = Number(textOf(question.defaultgrade)) || undefined;
    const common = { ...draftMetadata(meta, [idnumber], module, { file, place }), stem, explanation };
    const partOf = /^(.+)-p(\d+)$/.exec(idnumber);
    const owner = partOf ? cases.get(partOf[1]!) : undefined;

    if (type === 'description') {
      if (!idnumber) {
        skip('a description has no answer; as the scenario of a case it needs an idnumber its parts continue (`com-020` → `com-020-p1`)');
        continue;
      }
      const draft = { ...common, type: 'case' as const, parts: [] as DraftPart[] };
      cases.set(idnumber, draft);
      result.drafts.push(draft);
      continue;
    }
    const body = await readBody(type, question, stem, meta.pin, images);
    if ('skip' in body) {
      skip(body.skip);
      continue;
    }
    if (owner && body.kind === 'plain') {
      owner.parts.push({ ...body.body, stem: body.stem ?? stem, ...(points ? { points } : {}), ...(explanation ? { explanation } : {}) } as DraftPart);
      continue;
    }
    if (body.kind === 'case') {
      // Export writes each part's explanation into the cloze's general feedback as `第N小题：…`.
      const paragraphs = explanation.split(/\n{2,}/);
      for (const paragraph of paragraphs) {
        const match = /^第(\d+)小题：([\s\S]*)$/.exec(paragraph);
        const part = match ? body.parts[Number(match[1]) - 1] : undefined;
        if (part) part.explanation = match![2]!.trim();
      }
      const own = paragraphs.filter((p) => !/^第\d+小题：/.test(p)).join('\n\n');
      const sum = body.parts.reduce((total, p) => total + (p.points ?? 2), 0);
      result.drafts.push({ ...common, ...(points === sum ? { points } : {}), stem: body.stem, explanation: own, type: 'case', parts: body.parts });
      continue;
    }
    // Points of a written answer are the sum of its scoring points; keep Moodle's grade only when it agrees.
    const derived = body.body.type === 'short' ? body.body.scoring.reduce((total, s) => total + s.points, 0) : points;
    result.drafts.push({ ...common, ...(points !== undefined && points === derived ? { points } : {}), ...body.body, ...(body.stem ? { stem: body.stem } : {}) } as QuestionDraft);
  }
  // A case's points are its parts' points; written out as in hand-written files.
  for (const draft of cases.values()) {
    if (draft.parts.length && draft.parts.every((p) => p.points !== undefined)) draft.points = draft.parts.reduce((total, p) => total + p.points!, 0);
  }
  result.images = [...images].map(([name, bytes]) => ({ name, bytes }));
  return result;
}

type ReadBody =
  | { skip: string }
  | { kind: 'plain'; body: Exclude<DraftBody, { type: 'case' }>; stem?: string }
  | { kind: 'case'; stem: string; parts: DraftPart[]; explanation?: string };

async function readBody(type: string, question: XmlNode, stem: string, pins: string | undefined, images: Map<string, Uint8Array>): Promise<ReadBody> {
  const answers = (question.answer as XmlNode[] | undefined) ?? [];
  const fraction = (a: XmlNode) => Number(a['@fraction'] ?? 0);
  switch (type) {
    case 'multichoice': {
      const single = !/^(false|0)$/i.test(textOf(question.single).trim());
      const shuffle = !/^(false|0)$/i.test(textOf(question.shuffleanswers).trim());
      const options: DraftOption[] = [];
      for (const [i, a] of answers.entries()) {
        const text = await richText(a, images, answerFormat(a));
        const letter = String.fromCharCode(65 + i);
        const pinned = pins !== undefined ? pins.includes(letter) : !shuffle;
        options.push(pinned ? { text, pin: true } : text);
      }
      const correct = answers.flatMap((a, i) => (fraction(a) > 0 ? [String.fromCharCode(65 + i)] : []));
      if (single) {
        const full = answers.flatMap((a, i) => (fraction(a) >= 99.9 ? [String.fromCharCode(65 + i)] : []));
        if (full.length !== 1) return { skip: `a single-answer multichoice needs exactly one option worth 100 % (found ${full.length})` };
        return { kind: 'plain', body: { type: 'single', options, answer: full[0]! } };
      }
      if (correct.length === 1) return { kind: 'plain', body: { type: 'single', options, answer: correct[0]! } };
      return { kind: 'plain', body: { type: 'multiple', options, answer: correct } };
    }
    case 'truefalse': {
      const right = answers.find((a) => fraction(a) >= 99.9);
      const value = textOf(right).trim().toLowerCase();
      if (!['true', 'false'].includes(value)) return { skip: 'a true/false question without `true` or `false` worth 100 %' };
      return { kind: 'plain', body: { type: 'truefalse', answer: value === 'true' } };
    }
    case 'shortanswer': {
      const accepted = withoutAddedVariants(answers.filter((a) => fraction(a) >= 99.9).map((a) => textOf(a).trim()).filter(Boolean));
      if (!accepted.length) return { skip: 'a short-answer question without an answer worth 100 %' };
      // Moodle shows its answer box below the text; trainbook marks the blank in the stem.
      const withBlank = /_{3,}/.test(stem) ? stem.replace(/_{3,}/g, '____') : `${stem} ____`;
      return { kind: 'plain', body: { type: 'fill', answers: [accepted.length === 1 ? accepted[0]! : accepted] }, stem: withBlank };
    }
    case 'essay': {
      const grader = await richText(question.graderinfo, images);
      const { reference, scoring } = splitGraderInfo(grader, Number(textOf(question.defaultgrade)) || 1);
      return { kind: 'plain', body: { type: 'short', reference, scoring } };
    }
    case 'cloze':
    case 'multianswer':
      return readCloze(stem);
    default:
      return { skip: `Moodle question type \`${type}\` has no trainbook type` };
  }
}

/** Scoring points come back from the grader information written by export; other text is the reference. */
function splitGraderInfo(text: string, points: number): { reference: string; scoring: { point: string; points: number }[] } {
  const marker = text.lastIndexOf('评分要点：');
  if (marker >= 0) {
    const scoring = readScoringList(text.slice(marker + '评分要点：'.length));
    if (scoring.length) return { reference: text.slice(0, marker).trim(), scoring };
  }
  // An essay written in Moodle has no scoring points: its whole grade becomes one.
  return { reference: text || '（无参考答案）', scoring: [{ point: '按参考答案评分', points }] };
}

/** Moodle's cloze choice fields: MULTICHOICE(_V|_H)(S), MULTIRESPONSE(_H)(S) and their short forms MC, MCV, MRHS… */
const CHOICE_KIND = /^(?:MULTICHOICE|MC|MULTIRESPONSE|MR)_?(?:V|H)?S?$/;

const CLOZE = /\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}/g;

type ClozeAnswer = { text: string; fraction: number };

function parseClozeAnswers(body: string): ClozeAnswer[] {
  const answers: ClozeAnswer[] = [];
  for (const raw of body.split(/(?<!\\)~/)) {
    const match = /^(=|%(-?\d+(?:\.\d+)?)%)?((?:\\.|[^\\#])*)(?:#.*)?$/s.exec(raw);
    if (!match) continue;
    const fraction = match[1] === '=' ? 100 : match[2] !== undefined ? Number(match[2]) : 0;
    answers.push({ text: match[3]!.replace(/\\(.)/g, '$1').trim(), fraction });
  }
  return answers;
}

/** A cloze of short answers only is a fill question; with choices it is a case, one part per paragraph. */
function readCloze(stem: string): ReadBody {
  const kinds = [...stem.matchAll(CLOZE)].map((m) => m[2]!);
  if (!kinds.length) return { skip: 'a cloze question without embedded answers' };
  const isShort = (k: string) => /^(SHORTANSWER|SA|MW)(_C)?$|^SAC$|^MWC$/.test(k);
  const unsupported = kinds.find((k) => !isShort(k) && !CHOICE_KIND.test(k));
  if (unsupported) return { skip: `cloze with a \`${unsupported}\` answer, which trainbook cannot hold` };
  if (kinds.every(isShort)) {
    const answers: (string | string[])[] = [];
    const text = stem.replace(CLOZE, (_, _w, _k, body: string) => {
      const accepted = withoutAddedVariants(parseClozeAnswers(body).filter((a) => a.fraction >= 99.9).map((a) => a.text));
      answers.push(accepted.length === 1 ? accepted[0]! : accepted);
      return '____';
    });
    return { kind: 'plain', body: { type: 'fill', answers }, stem: text };
  }
  const paragraphs = stem.split(/\n{2,}/);
  const hasAnswer = (p: string) => /\{\d*:[A-Z_]+:/.test(p);
  // The scenario is what comes before the first part; a part is its numbered stem and the paragraph with its answer field.
  const labelled = (p: string) => /^[（(]\d+[)）]/.test(p);
  let first = paragraphs.findIndex((p) => hasAnswer(p) || labelled(p));
  if (first < 0) first = paragraphs.length;
  const scenario = paragraphs.slice(0, first);
  const parts: DraftPart[] = [];
  let pending: string[] = [];
  for (const paragraph of paragraphs.slice(first)) {
    if (!hasAnswer(paragraph)) {
      pending.push(paragraph);
      continue;
    }
    const label = /^[（(]\d+[)）]\s*/;
    const matches = [...paragraph.matchAll(CLOZE)];
    const before = [...pending, paragraph.slice(0, matches[0]!.index)].join('\n\n').replace(label, '').trim();
    pending = [];
    const [match] = matches;
    const kind = match![2]!;
    const weight = Number(match![1]) || 1;
    if (isShort(kind)) {
      const answers: (string | string[])[] = [];
      let points = 0;
      const text = [paragraph]
        .join('')
        .replace(CLOZE, (_, w: string, _k, body: string) => {
          points += Number(w) || 1;
          const accepted = withoutAddedVariants(parseClozeAnswers(body).filter((a) => a.fraction >= 99.9).map((a) => a.text));
          answers.push(accepted.length === 1 ? accepted[0]! : accepted);
          return '____';
        })
        .replace(label, '')
        .trim();
      parts.push({ type: 'fill', stem: text, answers, points });
      continue;
    }
    const options = parseClozeAnswers(match![3]!);
    const labels = options.map((o) => o.text);
    if (labels.length === 2 && labels[0] === TRUE_LABEL && labels[1] === FALSE_LABEL) {
      parts.push({ type: 'truefalse', stem: before, answer: options[0]!.fraction > 0, points: weight });
      continue;
    }
    const pinned = !/S$/.test(kind.replace(/^(?:MULTICHOICE|MULTIRESPONSE|MC|MR)_?/, ''));
    const draftOptions: DraftOption[] = options.map((o) => (pinned ? { text: o.text, pin: true } : o.text));
    const correct = options.flatMap((o, i) => (o.fraction > 0 ? [String.fromCharCode(65 + i)] : []));
    if (/^(MULTIRESPONSE|MR)/.test(kind) && correct.length > 1) parts.push({ type: 'multiple', stem: before, options: draftOptions, answer: correct, points: weight });
    else parts.push({ type: 'single', stem: before, options: draftOptions, answer: correct[0] ?? 'A', points: weight });
  }
  return { kind: 'case', stem: scenario.join('\n\n').trim(), parts };
}

const ARRAY_ELEMENTS = new Set(['question', 'answer', 'file', 'tag', 'text', 'subquestion']);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references outside CDATA, as the parser leaves them. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, ref: string) =>
    ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : ENTITIES[ref.toLowerCase()]!,
  );
}

/** Text of an element that holds `<text>`, or of a `<text>` itself; '' when absent. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return decodeEntities(String(node));
  if (Array.isArray(node)) return textOf(node[0]);
  const record = node as XmlNode;
  if ('text' in record) return textOf(record.text);
  const cdata = record['#cdata'];
  const plain = '#text' in record ? decodeEntities(String(record['#text'])) : '';
  return cdata === undefined ? plain : plain + (Array.isArray(cdata) ? cdata.join('') : String(cdata));
}

function answerFormat(node: XmlNode): string {
  return String(node['@format'] ?? 'html');
}

/** Returns the Markdown of a Moodle text field; its `<file>`s are collected and the image paths point into assets/. */
async function richText(node: unknown, images: Map<string, Uint8Array>, format?: string): Promise<string> {
  if (!node) return '';
  const field = (Array.isArray(node) ? node[0] : node) as XmlNode;
  if (typeof field !== 'object') return String(field).trim();
  for (const file of (field.file as XmlNode[] | undefined) ?? []) {
    const name = decodeEntities(String(file['@name'] ?? ''));
    if (name) images.set(safeFileName(name), new Uint8Array(Buffer.from(textOf(file), 'base64')));
  }
  const raw = textOf(field).trim();
  const kind = format ?? String(field['@format'] ?? 'html');
  const withAssets = (text: string) => text.replace(/@@PLUGINFILE@@\/([^\s"')<]+)/g, (_, name: string) => `assets/${safeFileName(decodeURIComponent(name))}`);
  if (kind === 'plain_text' || kind === 'markdown') return withAssets(raw);
  if (kind === 'moodle_auto_format' && !/<[a-z][^>]*>/i.test(raw)) return withAssets(raw);
  return withAssets(await htmlToMarkdown(raw));
}

/** An image name that works in a Markdown link and on every file system: `ticket form.png` → `ticket-form.png`. */
function safeFileName(name: string): string {
  return name.replace(/[\s()[\]<>"'\\/:*?|#%]+/g, '-');
}

function listTags(question: XmlNode): string[] {
  const tags = (question.tags as XmlNode | undefined)?.tag as XmlNode[] | undefined;
  return (tags ?? []).map((t) => textOf(t).trim()).filter(Boolean);
}

/** The module a category names: the segment after `trainbook/<version>/`, or any segment equal to a module. */
function moduleOf(category: string, context: ImportContext): string | undefined {
  const segments = category.replace(/^\$[a-z]+\$\//, '').split('/').map((s) => s.trim());
  return segments.find((s) => context.modules.includes(s)) ?? context.module;
}

/** Returns the line of each `<question` in the file, in order (comments and CDATA reduced to their line breaks first). */
function questionLines(text: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]+/g, ''));
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const match of blanked.matchAll(/<question[\s>]/g)) {
    for (let at = blanked.indexOf('\n', last); at !== -1 && at < match.index; at = blanked.indexOf('\n', at + 1)) line++;
    last = match.index;
    lines.push(line);
  }
  return lines;
}

export type { EmbeddedImage, Diagnostic };
