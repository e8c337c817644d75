import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createFontSet, type FontSet } from '../src/lib/exam-pdf/index.ts';

/** The PDF font: Noto Sans SC (SIL OFL) from npm, never a font installed on the machine. */
export const EXAM_FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** Returns the exam font, loaded from node_modules. */
export async function loadExamFont(): Promise<FontSet> {
  const file = createRequire(import.meta.url).resolve(EXAM_FONT_MODULE);
  return createFontSet(new Uint8Array(await readFile(file)));
}
