import { prepareFont, renderPdf, subsetFontForText, type FontSet, type LaidOutDocument } from '../exam-pdf/index.ts';

/** A named PDF ready to write. */
export interface PdfFile {
  name: string;
  bytes: Uint8Array;
  document: LaidOutDocument;
}

/** Returns the characters a font must draw for these documents, or those it cannot (to report before rendering). */
export function missingCharacters(documents: readonly LaidOutDocument[], fonts: FontSet): string[] {
  const text = documents.flatMap((d) => d.pages.flatMap((p) => p.ops.flatMap((op) => (op.type === 'text' ? [op.text] : [])))).join('');
  return fonts.missingGlyphs(text);
}

/**
 * Returns PDFs of laid-out documents through the exam renderer: the font is subset once for
 * all of them (the same HarfBuzz subset and CJK embedding as exam papers).
 */
export async function renderDocuments(documents: readonly { name: string; document: LaidOutDocument }[], fonts: FontSet, subject: string): Promise<PdfFile[]> {
  const text = documents.flatMap(({ document }) => document.pages.flatMap((p) => p.ops.flatMap((op) => (op.type === 'text' ? [op.text] : [])))).join('');
  const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
  const files: PdfFile[] = [];
  for (const { name, document } of documents) {
    files.push({ name, document, bytes: await renderPdf(document, { font, subject, keywords: [document.kind] }) });
  }
  return files;
}
