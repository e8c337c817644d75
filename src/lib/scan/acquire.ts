import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GrayImage } from './gray-image.ts';

/** One scanned page, named the way a trainer finds it again: the file and the page in it. */
export interface ScannedPage {
  /** File name as given on the command line (or inside the given folder). */
  file: string;
  /** 1-based page number within the file. */
  page: number;
  image: GrayImage;
}

/** A page that could not be turned into an image, with the reason. */
export interface UnreadablePage {
  file: string;
  page?: number;
  reason: string;
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff']);

/** Lists the files to read: a PDF or image as given, or a folder's PDFs and images in name order. */
export async function listScanFiles(input: string): Promise<string[]> {
  const info = await stat(input);
  if (!info.isDirectory()) return [input];
  const names = (await readdir(input)).filter((n) => IMAGE_EXTENSIONS.has(path.extname(n).toLowerCase()) || path.extname(n).toLowerCase() === '.pdf');
  return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((n) => path.join(input, n));
}

/**
 * Yields every page of the inputs as a greyscale image. Scanner PDFs hold one JPEG per page:
 * that JPEG is decoded as it is (faster than rendering and exactly what the scanner saw); any
 * other PDF page is rendered with PDFium at `dpi`. Multi-page TIFFs yield every page.
 */
export async function* readScannedPages(files: readonly string[], dpi = 200): AsyncGenerator<ScannedPage | UnreadablePage> {
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.pdf') yield* readPdfPages(file, dpi);
    else if (IMAGE_EXTENSIONS.has(ext)) yield* readImagePages(file);
    else yield { file, reason: `not a PDF or image (${ext || 'no extension'})` };
  }
}

async function* readImagePages(file: string): AsyncGenerator<ScannedPage | UnreadablePage> {
  const { default: sharp } = await import('sharp');
  let pages = 1;
  try {
    pages = (await sharp(file).metadata()).pages ?? 1;
  } catch (error) {
    yield { file, reason: `cannot read the image: ${(error as Error).message}` };
    return;
  }
  for (let page = 0; page < pages; page++) {
    try {
      yield { file, page: page + 1, image: await grayFrom(sharp(file, { page })) };
    } catch (error) {
      yield { file, page: page + 1, reason: `cannot read the image: ${(error as Error).message}` };
    }
  }
}

async function* readPdfPages(file: string, dpi: number): AsyncGenerator<ScannedPage | UnreadablePage> {
  const bytes = await readFile(file);
  const { PDFDocument, PDFName, PDFRawStream, PDFDict } = await import('pdf-lib');
  let doc;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    yield { file, reason: `not a readable PDF: ${(error as Error).message}` };
    return;
  }
  const { default: sharp } = await import('sharp');
  let pdfium: Awaited<ReturnType<typeof openWithPdfium>> | undefined;
  const pages = doc.getPages();
  /** A page that is one JPEG image and nothing else: that JPEG's bytes. */
  const jpegOf = (index: number): Buffer | undefined => {
    const xobjects = pages[index]!.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const images = xobjects
      ? xobjects.values().map((ref) => doc.context.lookup(ref)).filter((obj) => obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
      : [];
    const only = images.length === 1 ? images[0] : undefined;
    return only instanceof PDFRawStream && String(only.dict.get(PDFName.of('Filter'))) === '/DCTDecode' ? Buffer.from(only.contents) : undefined;
  };
  // JPEG pages are decoded one page ahead (sharp works off the main thread), so decoding the next
  // page overlaps reading this one: on two cores that nearly doubles throughput.
  const decode = (index: number): Promise<GrayImage> | undefined => {
    const jpeg = index < pages.length ? jpegOf(index) : undefined;
    if (!jpeg) return undefined;
    const pending = grayFrom(sharp(jpeg));
    pending.catch(() => undefined);
    return pending;
  };
  let next = decode(0);
  for (let index = 0; index < pages.length; index++) {
    const current = next;
    next = decode(index + 1);
    try {
      if (current) {
        yield { file, page: index + 1, image: await current };
        continue;
      }
      pdfium ??= await openWithPdfium(bytes);
      const rendered = await pdfium.page(index).render({ scale: dpi / 72, render: 'bitmap', colorSpace: 'Gray' });
      yield { file, page: index + 1, image: { width: rendered.width, height: rendered.height, data: new Uint8Array(rendered.data) } };
    } catch (error) {
      yield { file, page: index + 1, reason: `cannot read this page: ${(error as Error).message}` };
    }
  }
  pdfium?.close();
}

/** Scans finer than this are halved while decoding (JPEG shrink-on-load is almost free): bubbles and QR codes read as well at 150 dpi. */
const MAX_WIDTH = 1800;

async function grayFrom(image: import('sharp').Sharp): Promise<GrayImage> {
  const { width = 0 } = await image.metadata();
  if (width > MAX_WIDTH) image = image.resize({ width: Math.round(width / 2), fastShrinkOnLoad: true });
  const { data, info } = await image.rotate().flatten({ background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Opens a PDF with PDFium (wasm from node_modules, never a download) for pages that are not one JPEG. */
async function openWithPdfium(bytes: Uint8Array) {
  const { PDFiumLibrary } = await import('@hyzyla/pdfium');
  const { createRequire } = await import('node:module');
  const wasmPath = createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm');
  const wasm = await readFile(wasmPath);
  const library = await PDFiumLibrary.init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  const document = await library.loadDocument(bytes);
  return {
    page: (index: number) => document.getPage(index),
    close: () => {
      document.destroy();
      library.destroy();
    },
  };
}
