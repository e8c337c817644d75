import path from 'node:path';
import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { QUESTION_ID_PATTERN, parseQuestionFile, type QuestionBank } from '../questions/index.ts';
import type { QuestionDraft } from './draft.ts';
import { createIdAllocator, modulePrefix } from './ids.ts';
import { questionsToYaml } from './yaml-writer.ts';

/** What the project offers an import: its modules with their published lessons, and the bank. */
export interface ImportTarget {
  /** Module slug → published lesson slugs. */
  modules: Map<string, string[]>;
  bank: Pick<QuestionBank, 'questions' | 'byId'>;
  /** The question-bank folder. */
  bankDir: string;
  /** What existing bank files hold, by absolute path; files not listed are new. */
  existingFiles: Map<string, string>;
}

/** One file an import writes: the whole new content, and which question ids it adds. */
export interface PlannedFile {
  file: string;
  content: string;
  added: string[];
  /** True when the file exists and the questions are appended to it. */
  appended: boolean;
}

export interface ImportPlan {
  files: PlannedFile[];
  /** The drafts with their ids, in source order. */
  questions: QuestionDraft[];
  diagnostics: Diagnostic[];
}

/**
 * Returns where imported questions go and what those files will hold, or every problem:
 * kept ids must be free, modules and lessons must exist, and each question must pass the same
 * validation as `npm run check` (its diagnostics are moved to the question's place in the source).
 * Questions go to `<module>/<lesson>.yaml` (appended when the file exists), or to
 * `<module>/<fallbackName>.yaml` when they name no lesson.
 */
export function planImport(drafts: readonly QuestionDraft[], target: ImportTarget, fallbackName: string): ImportPlan {
  const diagnostics: Diagnostic[] = [];
  const taken = new Set(target.bank.byId.keys());
  const keptAt = new Map<string, QuestionDraft>();
  for (const draft of drafts) {
    const at = (ruleId: string, reason: string, note: string) => diagnostics.push(createError(draft.origin.file, draft.origin.place, ruleId, reason, note));
    if (!target.modules.has(draft.module)) {
      at('interop/unknown-module', `Unexpected module \`${draft.module}\`, expected one of ${[...target.modules.keys()].map((m) => `\`${m}\``).join(', ')}`, 'pass `--module <module>` with a module folder of content/, or correct the module cell.');
    } else if (draft.lesson && !target.modules.get(draft.module)!.includes(draft.lesson)) {
      at('interop/unknown-lesson', `Unexpected lesson \`${draft.lesson}\`, expected a published lesson of \`${draft.module}\``, `use one of ${target.modules.get(draft.module)!.map((l) => `\`${l}\``).join(', ') || '(none yet)'}, or leave it empty.`);
    }
    if (draft.id === undefined) continue;
    if (!QUESTION_ID_PATTERN.test(draft.id)) {
      at('interop/invalid-id', `Unexpected id \`${draft.id}\`, expected lowercase letters and digits joined by \`-\`, e.g. \`com-012\``, 'correct the id, or clear it to get the next free id of the module.');
    } else if (target.bank.byId.has(draft.id)) {
      const existing = target.bank.byId.get(draft.id)!;
      diagnostics.push({
        ...createError(draft.origin.file, draft.origin.place, 'interop/id-in-bank', `Unexpected id \`${draft.id}\`, it is already in the bank`, 'clear the id to import this as a new question, or leave the row out if it is already imported.'),
        cause: { file: existing.file, place: existing.place, reason: `\`${draft.id}\` defined` },
      });
    } else if (keptAt.has(draft.id)) {
      const first = keptAt.get(draft.id)!;
      diagnostics.push({
        ...createError(draft.origin.file, draft.origin.place, 'interop/duplicate-id', `Unexpected id \`${draft.id}\` a second time in this file`, 'give one of the two another id, or clear it.'),
        cause: { file: first.origin.file, place: first.origin.place, reason: 'first used' },
      });
    } else {
      keptAt.set(draft.id, draft);
      taken.add(draft.id);
    }
  }

  const allocate = createIdAllocator(taken);
  const prefixes = new Map<string, string>();
  const questions = drafts.map((draft) => {
    if (draft.id !== undefined) return draft;
    // Kept ids count too: a Moodle export of `ops-…` questions into an empty module continues `ops`.
    const prefix = prefixes.get(draft.module) ?? modulePrefix(draft.module, [...target.bank.questions, ...drafts.flatMap((d) => (d.id && keptAt.get(d.id) === d ? [{ id: d.id, module: d.module }] : []))]);
    prefixes.set(draft.module, prefix);
    return { ...draft, id: allocate(prefix) };
  });

  const groups = new Map<string, QuestionDraft[]>();
  for (const question of questions) {
    const file = path.join(target.bankDir, question.module, `${question.lesson ?? fallbackName}.yaml`);
    groups.set(file, [...(groups.get(file) ?? []), question]);
  }
  // The same parser as `npm run check`, once per file; its positions are in generated text, so each
  // problem is reported at the source of the question whose lines hold it.
  for (const group of groups.values()) {
    const text = questionsToYaml(group);
    const { diagnostics: found } = parseQuestionFile(text, 'import.yaml');
    if (!found.length) continue;
    const starts: number[] = [];
    text.split('\n').forEach((line, index) => {
      if (line.startsWith('  - id: ')) starts.push(index + 1);
    });
    for (const d of found) {
      const line = d.place && 'line' in d.place ? d.place.line : 1;
      const index = Math.max(0, starts.findLastIndex((start) => start <= line));
      const question = group[index]!;
      diagnostics.push({ ...d, file: question.origin.file, place: question.origin.place, cause: undefined });
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], questions, diagnostics };

  // Appending needs the existing list in block style (`questions:` on a line of its own).
  for (const [file, group] of groups) {
    const existing = target.existingFiles.get(file);
    if (existing !== undefined && !/^questions:[ \t]*(?:#.*)?\r?$/m.test(existing)) {
      diagnostics.push(createError(group[0]!.origin.file, group[0]!.origin.place, 'interop/cannot-append', `Unexpected layout of ${path.basename(file)}: its \`questions:\` list is not written one item per line`, 'write `questions:` on a line of its own with `  - id: …` items below, or import into another file with `--name`.'));
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], questions, diagnostics };

  const files = [...groups].map(([file, group]): PlannedFile => {
    const existing = target.existingFiles.get(file);
    const added = group.map((q) => q.id!);
    if (existing === undefined) return { file, content: questionsToYaml(group), added, appended: false };
    const trimmed = existing.replace(/\s*$/, '\n');
    return { file, content: `${trimmed}\n${questionsToYaml(group, { header: false })}`, added, appended: true };
  });
  return { files, questions, diagnostics };
}
