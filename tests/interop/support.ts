import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { exportQuestions, planImport, readImportFile, type ExportFormat } from '../../src/lib/interop/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { parseQuestionFile, type Question } from '../../src/lib/questions/index.ts';

export const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** A 1×1 PNG, the image of fixture question map-001. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** The sample project's modules (with lessons) and bank. */
export async function loadSample() {
  const { course, bank } = await loadProject(loadProjectConfig());
  return { modules: new Map(course.modules.map((m) => [m.slug, m.lessons.map((l) => l.slug)])), bank };
}

/** The questions of tests/interop/fixtures/mapping.yaml, one per mapping rule. */
export function loadMappingQuestions(): Question[] {
  const { questions, diagnostics } = parseQuestionFile(readFileSync(path.join(FIXTURES, 'mapping.yaml'), 'utf8'), 'mapping.yaml');
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.reason).join('\n'));
  return questions;
}

export const exportContext = { bankVersion: '1.0.0', readImage: async (ref: string) => (ref === 'assets/order-page.png' ? new Uint8Array(PNG) : undefined) };

/** Exports questions, imports the file into an empty bank and returns what the written YAML parses to. */
export async function roundTrip(questions: readonly Question[], format: ExportFormat, file: string, modules: Map<string, string[]>) {
  const exported = await exportQuestions(questions, format, exportContext);
  writeFileSync(file, exported.bytes);
  const read = await readImportFile(file, path.basename(file), { modules: [...modules.keys()] });
  const plan = planImport(read.drafts, { modules, bank: { questions: [], byId: new Map() }, bankDir: '/bank', existingFiles: new Map() }, 'imported');
  const back = plan.files.flatMap((f) => parseQuestionFile(f.content, f.file).questions);
  return { exported, read, plan, back };
}

/** A question without where it was read from, for comparing content. */
export function comparable(question: Question): { id: string } & Record<string, unknown> {
  const { file: _file, place: _place, source: _source, ...content } = question;
  return content;
}

export const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
