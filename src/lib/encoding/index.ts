/**
 * What a file's bytes are, before anyone reads them as text. Chinese Windows editors and older
 * Excel save GBK/GB18030 or UTF-16; decoding those as UTF-8 silently produces U+FFFD mojibake
 * that would be published, so every reader asks this module first.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; hadBom: boolean }
  | { ok: false; likely: Encoding | 'binary'; reason: string; note: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How to convert a file to UTF-8, in the tools editors have. */
export function conversionHint(likely: Encoding | 'binary'): string {
  if (likely === 'binary') return 'this is not a text file; save it as UTF-8 text';
  const name = likely === 'gb18030' ? 'GBK' : likely.toUpperCase();
  return `save it as UTF-8: in VS Code click the encoding in the status bar, "Reopen with Encoding" → ${name}, then "Save with Encoding" → UTF-8; or run \`iconv -f ${name} -t UTF-8 file > file.utf8\``;
}

/** Decodes strict UTF-8 (a BOM is allowed and removed); anything else is refused with the likely encoding. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = detectUtf16(bytes);
  if (utf16) return refuse(utf16);
  try {
    const text = utf8.decode(bom ? bytes.subarray(3) : bytes);
    if (text.includes('\u0000')) return refuse('binary');
    return { ok: true, text, encoding: 'utf-8', hadBom: bom };
  } catch {
    return refuse(looksLikeGb18030(bytes) ? 'gb18030' : 'binary');
  }
}

/**
 * Decodes text that may come from a spreadsheet program: UTF-8 (with or without BOM), UTF-16 with
 * a BOM, or GBK/GB18030 as older Chinese Excel writes CSV. Only GB18030 text that decodes without
 * a single replacement character is accepted, so a wrong guess is refused instead of garbled.
 */
export function decodeSpreadsheetText(bytes: Uint8Array): Decoded {
  const asUtf8 = decodeUtf8(bytes);
  if (asUtf8.ok) return asUtf8;
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(2));
    return { ok: true, text, encoding: utf16, hadBom: true };
  }
  if (asUtf8.likely === 'gb18030') {
    return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', hadBom: false };
  }
  return asUtf8;
}

function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** True when the bytes decode as GB18030 without replacement and contain double-byte Chinese. */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text) && !text.includes('\u0000');
  } catch {
    return false;
  }
}

function refuse(likely: Encoding | 'binary'): Decoded {
  const reason =
    likely === 'binary'
      ? 'the file is not UTF-8 text'
      : `the file is not UTF-8; it looks like ${likely === 'gb18030' ? 'GBK/GB18030 (saved by a Chinese Windows editor)' : likely.toUpperCase()}`;
  return { ok: false, likely, reason, note: conversionHint(likely) };
}

export { decodeTextFile, readTextFile, type TextFile } from './text-file.ts';
