import path from 'node:path';
import { readTextFile } from '../../src/lib/encoding/index.ts';
import { prepareFont, renderPdf, subsetFontForText, type LaidOutDocument } from '../../src/lib/exam-pdf/index.ts';
import { createExamTranslator } from '../../src/lib/i18n/index.ts';
import { layoutRubricSet, parseRubric } from '../../src/lib/rubric/index.ts';
import { formatDuration, UsageError } from '../cli.ts';
import { loadExamFont } from '../exam-font.ts';
import { fail, relative, runFolder, writeRun } from './output.ts';

/** Prints a rubric's practical assessment set (score sheet, task card, examiner script, group summary); returns the exit code. */
export async function printRubric(file: string, options: { outRoot: string; lang: string; dryRun: boolean; started: number }): Promise<number> {
  const read = await readTextFile(file, relative(file));
  if (!read.ok) return fail([read.diagnostic], 'nothing printed');
  const { rubric, diagnostics } = parseRubric(read.text, relative(file));
  if (!rubric) return fail(diagnostics, 'assessment set not made');
  const fonts = await loadExamFont();
  const missing = fonts.missingGlyphs(JSON.stringify(rubric));
  if (missing.length) throw new UsageError(`the PDF font has no glyph for ${missing.map((c) => `\`${c}\``).join(' ')} in ${relative(file)}`);
  const documents = layoutRubricSet(rubric, fonts, createExamTranslator(options.lang));
  const text = documents.flatMap((d) => d.document.pages.flatMap((p) => p.ops.flatMap((op) => (op.type === 'text' ? [op.text] : [])))).join('');
  const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
  const render = (document: LaidOutDocument) => renderPdf(document, { font, language: options.lang, subject: rubric.title, keywords: ['rubric'] });
  const files = await Promise.all(documents.map(async (d) => ({ name: d.name, bytes: await render(d.document), pages: d.document.pages.length })));
  if (options.dryRun) {
    console.log(`${rubric.title}: ${rubric.dimensions.length} dimensions; ${files.map((f) => `${f.name} ${f.pages} page(s)`).join(', ')}; --dry-run wrote nothing.`);
    return 0;
  }
  const folder = runFolder(options.outRoot, `rubric-${path.basename(file).replace(/\.ya?ml$/, '')}`);
  await writeRun(folder, files);
  console.log(`✓ ${relative(folder)}/ ${files.map((f) => f.name).join(', ')} in ${formatDuration(performance.now() - options.started)}`);
  return 0;
}
