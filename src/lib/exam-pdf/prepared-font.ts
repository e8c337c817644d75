import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fontkit } from './fonts.ts';

/**
 * A subset font made ready for PDF once and embedded as is in every document of a run:
 * compressed program, glyph ids and widths per character, and the ToUnicode map that
 * lets `pdftotext` and screen readers recover the text.
 */
export interface PreparedFont {
  name: string;
  /** Deflated TrueType program and its uncompressed length (`/Length1`). */
  program: Uint8Array;
  programLength: number;
  /** Character → glyph id and advance width in 1/1000 em. */
  glyphs: Map<string, { gid: number; width: number }>;
  /** Deflated ToUnicode CMap. */
  toUnicode: Uint8Array;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += hex4(char.charCodeAt(i));
  return out;
}

function toUnicodeCMap(entries: [gid: number, char: string][]): string {
  const lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap', '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def', '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange'];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk.map(([gid, char]) => `<${hex4(gid)}> <${utf16Hex(char)}>`), 'endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

/** Returns a subset font prepared for embedding; `characters` are those the documents draw. */
export function prepareFont(subset: Uint8Array, characters: Iterable<string>, name: string): PreparedFont {
  const font = fontkit.create(Buffer.from(subset));
  const scale = 1000 / font.unitsPerEm;
  const glyphs = new Map<string, { gid: number; width: number }>();
  for (const char of [...new Set(characters)].sort()) {
    const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
    glyphs.set(char, { gid: glyph.id, width: Math.round(glyph.advanceWidth * scale) });
  }
  const byGid = new Map<number, string>();
  for (const [char, { gid }] of glyphs) if (gid !== 0 && !byGid.has(gid)) byGid.set(gid, char);
  const bbox = font.bbox;
  // A subset font's name carries a six-letter tag (PDF 32000 §9.6.4), derived from its bytes so it stays reproducible.
  const digest = createHash('sha256').update(subset).digest();
  const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
  return {
    name: `${tag}+${name}`,
    program: new Uint8Array(deflateSync(subset, { level: 9 })),
    programLength: subset.length,
    glyphs,
    toUnicode: new Uint8Array(deflateSync(toUnicodeCMap([...byGid].sort((a, b) => a[0] - b[0])), { level: 9 })),
    bbox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)) as PreparedFont['bbox'],
    ascent: Math.round(font.ascent * scale),
    descent: Math.round(font.descent * scale),
    capHeight: Math.round((font.capHeight || font.ascent) * scale),
  };
}

/** Returns the width of `text` at `size` points in a prepared font. */
export function widthInFont(font: PreparedFont, text: string, size: number): number {
  let total = 0;
  for (const char of text) total += font.glyphs.get(char)?.width ?? 1000;
  return (total * size) / 1000;
}
