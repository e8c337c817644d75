import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import type { FontMetrics, Weight } from './layout-types.ts';

/** The fontkit instance pdf-lib embeds fonts with; exported so only this module imports fontkit. */
export { fontkit };

/**
 * Parsed font: widths for layout and a glyph check, shared by every document of a run.
 * One weight only: bold headings are drawn by outlining the regular glyphs, which saves
 * embedding a second CJK font (about 15 KB per PDF) and looks the same on paper.
 */
export interface FontSet extends FontMetrics {
  /** The full TrueType font file. */
  file: Uint8Array;
  /** Returns the characters of `text` the font has no glyph for. */
  missingGlyphs(text: string): string[];
}

type FontkitFont = ReturnType<typeof fontkit.create>;

/** Returns metrics for the fonts; character widths are cached, since layout asks for them constantly. */
export function createFontSet(file: Uint8Array): FontSet {
  const font: FontkitFont = fontkit.create(Buffer.from(file));
  const widths = new Map<string, number>();
  const advance = (char: string) => {
    let width = widths.get(char);
    if (width === undefined) {
      width = font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth / font.unitsPerEm;
      widths.set(char, width);
    }
    return width;
  };
  return {
    file,
    widthOf(text, size, _weight: Weight) {
      let total = 0;
      for (const char of text) total += advance(char);
      return total * size;
    },
    missingGlyphs(text) {
      const missing = new Set<string>();
      for (const char of text) {
        if (/\s/.test(char)) continue;
        if (!font.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
      }
      return [...missing];
    },
  };
}

/**
 * Returns the font reduced to the glyphs of `text`, subset by HarfBuzz. pdf-lib's own subsetter
 * corrupts CJK fonts, so documents embed this result with pdf-lib's subsetting turned off.
 */
export async function subsetFontForText(font: Uint8Array, text: string): Promise<Uint8Array> {
  // Digits, ASCII and the punctuation layout adds (brackets, bullets) are always included.
  const always = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,:;()[]/%-_@·•（）【】、，。：；“”√×●第页共卷';
  const characters = [...new Set(text + always)].sort().join('');
  // No hinting (screen-only instructions, a third of the bytes) and no layout closure (pdf-lib
  // draws glyphs by code point, so GSUB alternates such as vertical forms are never used).
  // Vertical metrics and layout tables are dropped too: the PDF draws horizontal text glyph by glyph.
  const dropTables = ['GSUB', 'GPOS', 'BASE', 'vhea', 'vmtx', 'VORG', 'STAT', 'gasp', 'DSIG'];
  return new Uint8Array(await subsetFont(Buffer.from(font), characters, { targetFormat: 'sfnt', noHinting: true, noLayoutClosure: true, dropTables }));
}
