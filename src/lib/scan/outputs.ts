import type { KeyFile } from '../exam/run-files.ts';
import type { ScanResult } from './scan-run.ts';
import type { ScannedSheet } from './assemble-sheets.ts';
import type { GrayImage } from './gray-image.ts';

/**
 * The responses table in the layout `npm run mark -- --responses` reads: 工号, 姓名, 部门, 卷别, then
 * one column per question number (case parts `38(2)`). Objective cells hold the letters read;
 * a flagged cell holds `?` and what was seen (`?AB`), which `mark` refuses until a person has
 * looked at the sheet and typed the answer. Subjective cells stay empty for the marker's points.
 */
export function responsesTable(result: ScanResult, key: KeyFile): { header: string[]; rows: string[][] } {
  const columns = [...new Set(key.variants.flatMap((v) => v.items.map((i) => i.key)))];
  const header = ['工号', '姓名', '部门', '卷别', ...columns];
  const rows = result.sheets.map((sheet) => {
    const cells = columns.map((column) => {
      if (sheet.absent) return '';
      const reading = sheet.readings.find((r) => r.item === column);
      if (!reading) return '';
      return reading.flag ? `?${reading.answer}` : reading.answer;
    });
    const id = sheet.candidateId ?? `?${sheet.pages[0]!.source.file}#${sheet.pages[0]!.source.page}`;
    return [id, sheet.candidate?.name ?? '', sheet.candidate?.department ?? '', sheet.absent ? `${sheet.variant}` : sheet.variant, ...cells];
  });
  return { header, rows };
}

/** `scan.json`: per page and per bubble what was measured and decided, for audit and tuning. */
export function scanReport(result: ScanResult) {
  return {
    trainbook: 1,
    pages: result.pages.map((p) =>
      p.status === 'read'
        ? {
            file: p.source.file,
            page: p.source.page,
            status: p.status,
            qr: p.layout.qr,
            rotated: p.rotated,
            residualMm: Math.round(p.registration.residualMm * 100) / 100,
            thresholds: p.thresholds,
            bubbles: p.bubbles.map((b) => ({ ...b.bubble, darkness: b.darkness, relative: b.relative, decision: b.decision })),
          }
        : { file: p.source.file, page: p.source.page, status: p.status, reason: p.reason, ...(p.qrText ? { qr: p.qrText } : {}) },
    ),
    sheets: result.sheets.map((s) => ({
      candidate: s.candidateId ?? null,
      variant: s.variant,
      absent: s.absent,
      pages: s.pages.map((p) => `${p.source.file}#${p.source.page}`),
      flags: s.readings.filter((r) => r.flag).map((r) => ({ item: r.item, flag: r.flag, seen: r.answer })),
      ...(s.idFlag ? { idFlag: s.idFlag } : {}),
    })),
    issues: result.issues.map((i) => ({ kind: i.kind, ...(i.source ? { file: i.source.file, page: i.source.page } : {}), message: i.message })),
  };
}

const COLOURS = { filled: '#16a34a', flagged: '#dc2626' };

/**
 * A review image of one read page: the scan at half resolution with every filled bubble ringed
 * green and every unsure or flagged bubble ringed red, so a trainer checks a sheet at a glance.
 * JPEG, because a page of scan noise compresses badly as PNG and slowly.
 */
export async function reviewImage(sheet: ScannedSheet, pageIndex: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const page = sheet.pages[pageIndex]!;
  const flagged = new Set(sheet.readings.filter((r) => r.flag).map((r) => r.item));
  const half = (n: number) => (n / 2).toFixed(1);
  const width = Math.round(page.image.width / 2);
  const height = Math.round(page.image.height / 2);
  const rings = page.bubbles
    .filter((b) => b.decision !== 'empty' || (b.bubble.kind === 'option' && flagged.has(b.bubble.item)))
    .map((b) => {
      const isFlagged = b.decision === 'ambiguous' || (b.bubble.kind === 'option' && flagged.has(b.bubble.item));
      const colour = isFlagged ? COLOURS.flagged : COLOURS.filled;
      return `<circle cx="${half(b.at.x)}" cy="${half(b.at.y)}" r="${half(b.at.r * 1.5)}" fill="none" stroke="${colour}" stroke-width="${Math.max(1.5, b.at.r / 8).toFixed(1)}"/>`;
    })
    .join('');
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rings}</svg>`);
  const small = await sharp(rawGray(page.image), { raw: { width: page.image.width, height: page.image.height, channels: 1 } })
    .resize({ width, height, fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: { width, height, channels: small.info.channels } }).composite([{ input: svg }]).jpeg({ quality: 75 }).toBuffer();
}

/** The handwritten name field of a sheet's first page, so a trainer can match writing to the 工号. */
export async function nameCrop(sheet: ScannedSheet): Promise<Buffer | undefined> {
  const page = sheet.pages.find((p) => p.layout.nameBox) ?? undefined;
  const box = page?.layout.nameBox;
  if (!page || !box) return undefined;
  const { default: sharp } = await import('sharp');
  const { applyHomography } = await import('./homography.ts');
  const corners = [
    applyHomography(page.registration.transform, { x: box.x, y: box.y }),
    applyHomography(page.registration.transform, { x: box.x + box.width, y: box.y + box.height }),
  ];
  const left = Math.max(0, Math.floor(Math.min(corners[0]!.x, corners[1]!.x)));
  const top = Math.max(0, Math.floor(Math.min(corners[0]!.y, corners[1]!.y)));
  const width = Math.min(page.image.width - left, Math.ceil(Math.abs(corners[1]!.x - corners[0]!.x)));
  const height = Math.min(page.image.height - top, Math.ceil(Math.abs(corners[1]!.y - corners[0]!.y)));
  if (width < 4 || height < 4) return undefined;
  return sharp(rawGray(page.image), { raw: { width: page.image.width, height: page.image.height, channels: 1 } })
    .extract({ left, top, width, height })
    .png()
    .toBuffer();
}

function rawGray(image: GrayImage): Buffer {
  return Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
}
