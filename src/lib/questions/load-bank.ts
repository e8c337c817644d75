import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { closestMatch, createError, createWarning, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { decodeTextFile, readTextFile, type TextFile } from '../encoding/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { idsByLine, parseQuestionFile } from './parse.ts';
import type { Question, QuestionBank } from './question.ts';
import { BankMetaSchema, type BankMeta } from './schema.ts';

/** Folders of `question-bank/` that hold something other than questions. */
export const RESERVED_BANK_FOLDERS = ['assessments', 'assets', 'blueprints', 'courses', 'rubrics', 'schema', 'skills', 'stats'] as const;

export interface LoadBankOptions {
  bankDir: string;
  rootDir: string;
  /** Module slug → its lesson slugs; questions naming anything else are reported. */
  modules: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A Markdown link, image or autolink to a `javascript:`, `vbscript:` or `data:` URL. */
const UNSAFE_LINK = /(?:\]\(\s*<?|<)\s*(javascript|vbscript|data):/gi;

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

const IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;

function textsOf(question: Question): string[] {
  const texts: string[] = [];
  const add = (body: Question | Extract<Question, { type: 'case' }>['parts'][number]) => {
    texts.push(body.stem, body.explanation ?? '');
    if (body.type === 'single' || body.type === 'multiple') texts.push(...body.options.map((o) => o.text));
    if (body.type === 'short') texts.push(body.reference);
  };
  add(question);
  if (question.type === 'case') question.parts.forEach(add);
  return texts;
}

async function loadBankMeta(bankDir: string, rootDir: string): Promise<{ meta?: BankMeta; versionPlace?: Place; diagnostics: Diagnostic[] }> {
  const metaPath = path.join(bankDir, 'bank.yaml');
  const file = path.relative(rootDir, metaPath);
  let source: TextFile;
  try {
    source = await readTextFile(metaPath, file);
  } catch {
    return {
      diagnostics: [createError(file, undefined, 'bank/missing-meta', 'Unexpected question bank without `bank.yaml`, expected its title and version', 'create `bank.yaml` with `title: …` and `version: 1.0.0`.')],
    };
  }
  if (!source.ok) return { diagnostics: [source.diagnostic] };
  const yaml = parseYamlSource(source.text, file);
  if (yaml.diagnostics.length) return { diagnostics: yaml.diagnostics };
  const result = BankMetaSchema.safeParse(yaml.value ?? {});
  if (result.success) return { meta: result.data, versionPlace: yaml.keyPlaceOf(['version']), diagnostics: [] };
  return { diagnostics: zodIssuesToDiagnostics(result.error.issues, yaml.value, BankMetaSchema, yaml, file, { namespace: 'bank' }) };
}

/**
 * Matches an option letter used as a reference ("B会让客户…", "选项C", "A、B都…"), not a letter inside a word
 * or acronym (CRM, A/B 测试) nor a bracketed label such as the (A)(B)(C) of the ABC model.
 */
const OPTION_LETTER = /(?:^|[^A-Za-z0-9/（(])(?:选项)?([A-F])(?![A-Za-z0-9/])(?=[项、，,。：:；;）)\s]|会|是|把|说|不|都|属|虽|的|则|为|只|也|在|直接|仅|太|没|过|与|和|错|对|正确|选)/u;

/** Returns whether an explanation names options by letter, which shuffling makes wrong. */
export function explanationNamesOption(question: Question): boolean {
  const bodies = question.type === 'case' ? question.parts : [question];
  return bodies.some((body) => (body.type === 'single' || body.type === 'multiple') && OPTION_LETTER.test(body.explanation ?? question.explanation));
}

/** Returns the relative image paths (e.g. `assets/flow.png`) a question's texts reference. */
export function listQuestionImages(question: Question): string[] {
  return [...new Set(textsOf(question).flatMap((text) => [...text.matchAll(IMAGE)].map((m) => m[1]!)))].filter((src) => !/^[a-z]+:/i.test(src) || /^[a-z]:[\\/]/i.test(src));
}

/**
 * Returns the question bank in `bankDir` and every problem found: each file's own
 * problems, then ids used twice, unknown modules or lessons, and missing images.
 */
export async function loadQuestionBank({ bankDir, rootDir, modules }: LoadBankOptions): Promise<{
  bank: QuestionBank;
  diagnostics: Diagnostic[];
}> {
  const relative = (p: string) => path.relative(rootDir, p).split(path.sep).join('/');
  const { meta, versionPlace, diagnostics } = await loadBankMeta(bankDir, rootDir);
  const questions: Question[] = [];
  const withheld = new Map<string, string>();

  const entries = (await readdir(bankDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || (RESERVED_BANK_FOLDERS as readonly string[]).includes(entry.name)) continue;
    const folder = path.join(bankDir, entry.name);
    if (!modules.has(entry.name)) {
      const suggestion = closestMatch(entry.name, modules.keys());
      diagnostics.push(
        createError(relative(folder), undefined, 'question/unknown-module-folder', `Unexpected folder \`${entry.name}\`, expected a module of content/ (${[...modules.keys()].map((m) => `\`${m}\``).join(', ')})`, suggestion ? `did you mean \`${suggestion}\`? Rename the folder.` : 'name the folder after a module in content/.'),
      );
    }
    const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
    for (const name of files) {
      const file = path.join(folder, name);
      const bytes = new Uint8Array(await readFile(file));
      const source = decodeTextFile(bytes, relative(file));
      if (!source.ok) {
        // One error for the file; its ids (ASCII, so readable in any encoding) are withheld, not “deleted”.
        diagnostics.push(source.diagnostic);
        idsByLine(Buffer.from(bytes).toString('latin1')).forEach((id) => withheld.set(id, entry.name));
        continue;
      }
      const parsed = parseQuestionFile(source.text, relative(file));
      diagnostics.push(...parsed.diagnostics);
      parsed.withheld.forEach((id) => withheld.set(id, entry.name));
      for (const question of parsed.questions) {
        if (question.module !== entry.name) {
          diagnostics.push(createError(question.file, question.place, 'question/module-mismatch', `Unexpected \`module: ${question.module}\` in folder \`${entry.name}\`, expected \`module: ${entry.name}\``, 'move the question to the folder of its module, or correct `module:`.'));
        }
      }
      questions.push(...parsed.questions);
    }
  }

  const byId = new Map<string, Question>();
  for (const question of questions) {
    const first = byId.get(question.id);
    if (first) {
      diagnostics.push({
        ...createError(question.file, question.place, 'question/duplicate-id', `Unexpected duplicate id \`${question.id}\`, expected every id once in the bank`, 'give this question a new id (the next free number); never reuse an id.'),
        cause: { file: first.file, place: first.place, reason: 'first defined' },
      });
      continue;
    }
    byId.set(question.id, question);
    const lessons = modules.get(question.module);
    if (!lessons) {
      const suggestion = closestMatch(question.module, modules.keys());
      diagnostics.push(createError(question.file, question.place, 'question/unknown-module', `Unexpected module \`${question.module}\` in \`${question.id}\`, expected one of ${[...modules.keys()].map((m) => `\`${m}\``).join(', ')}`, suggestion ? `did you mean \`${suggestion}\`?` : 'use the folder name of a module in content/.'));
    } else if (question.lesson && !lessons.has(question.lesson)) {
      const suggestion = closestMatch(question.lesson, lessons);
      diagnostics.push(createError(question.file, question.place, 'question/unknown-lesson', `Unexpected lesson \`${question.lesson}\` in \`${question.id}\`, expected a lesson of module \`${question.module}\``, suggestion ? `did you mean \`${suggestion}\`?` : `use a lesson file name from content/${question.module}/ (without .md), or remove \`lesson:\`.`));
    }
    if (explanationNamesOption(question)) {
      diagnostics.push(createWarning(question.file, question.place, 'question/explanation-names-option', `Unexpected option letter in the explanation of \`${question.id}\`, expected the option named by its content`, 'options are shuffled on the site and between exam variants, so “B” may not be B: quote the option instead, e.g. “先解释原因”的做法……'));
    }
    for (const text of textsOf(question)) {
      for (const match of text.matchAll(UNSAFE_LINK)) {
        diagnostics.push(createError(question.file, question.place, 'question/unsafe-url', `Unexpected \`${match[1]!.toLowerCase()}:\` URL in \`${question.id}\`, expected an http(s) address or an image in question-bank/assets/`, 'remove the link, or link to an `https://` address.'));
      }
    }
    for (const src of listQuestionImages(question)) {
      const resolved = path.resolve(bankDir, safeDecode(src));
      if (path.isAbsolute(src) || src.startsWith('/') || /^[a-z]:[\\/]/i.test(src) || !resolved.startsWith(path.resolve(bankDir) + path.sep)) {
        // The build copies practice images into the site: a path out of the bank could publish any file.
        diagnostics.push(createError(question.file, question.place, 'question/image-outside-bank', `Unexpected image \`${src}\` in \`${question.id}\`, expected a path inside question-bank/`, 'put the image in question-bank/assets/ and write its path as `assets/<name>.png` (no `../`, no leading `/`).'));
        continue;
      }
      if (!existsSync(path.join(bankDir, src))) {
        diagnostics.push(createError(question.file, question.place, 'question/missing-image', `Unexpected image \`${src}\` in \`${question.id}\`, expected a file at \`${relative(path.join(bankDir, src))}\``, 'put the image in question-bank/assets/ and write its path as `assets/<name>.png`.'));
      }
    }
  }

  return {
    bank: { meta: meta ?? { title: '', version: '0.0.0' }, questions: [...byId.values()], byId, withheld: new Map([...withheld].filter(([id]) => !byId.has(id))), ...(versionPlace ? { versionPlace } : {}) },
    diagnostics,
  };
}
