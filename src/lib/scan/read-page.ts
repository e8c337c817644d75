import { parseQrText, type LayoutFile, type LayoutPage, type QrPayload } from '../exam/run-files.ts';
import { rotate180, type GrayImage } from './gray-image.ts';
import { decideBubbles, type Decided, type PageThresholds } from './decide.ts';
import { measureBubbles } from './measure.ts';
import { findQrCodes, type FoundQr, type PixelBox } from './qr.ts';
import { registerPage, type Registration } from './register.ts';

/** What became of one scanned page. */
export type PageReading =
  | { status: 'read'; qr: QrPayload; layout: LayoutPage; rotated: boolean; registration: Registration; thresholds: PageThresholds; bubbles: Decided[]; image: GrayImage }
  | { status: 'no-qr' | 'other-run' | 'unknown-page' | 'unregistered'; reason: string; qrText?: string; image: GrayImage };

/**
 * Reads one scanned page of a run: finds its QR code (where the layout puts it, then upside down,
 * then anywhere), turns an upside-down page round, registers it and decides every bubble.
 */
export async function readPage(image: GrayImage, layout: LayoutFile): Promise<PageReading> {
  const found = await locateQr(image, layout);
  if (!found) return { status: 'no-qr', reason: 'no readable QR code: a blank page, a page of something else, or a badly damaged corner', image };
  const payload = parseQrText(found.qr.text);
  if (!payload) return { status: 'other-run', reason: `the QR code is not a trainbook sheet's (${truncate(found.qr.text)})`, qrText: found.qr.text, image };
  if (payload.runId !== layout.runId) {
    return { status: 'other-run', reason: `this sheet belongs to run '${payload.runId}', not '${layout.runId}'`, qrText: found.qr.text, image };
  }
  const pageLayout = layout.pages.find((p) => p.qr === found.qr.text) ?? layout.pages.find((p) => p.variant === payload.variant && p.page === payload.page && !p.candidate);
  if (!pageLayout) return { status: 'unknown-page', reason: `layout.json has no page ${payload.page} of variant ${payload.variant}`, qrText: found.qr.text, image };
  const upright = found.rotated ? rotate180(image) : image;
  const qr = found.rotated ? rotateQr(found.qr, image) : found.qr;
  const registration = registerPage(upright, pageLayout, qr);
  if (!registration || registration.residualMm > 2.5) {
    return { status: 'unregistered', reason: 'the corner marks could not be found (a corner folded, cut off or covered?)', qrText: found.qr.text, image: upright };
  }
  const measured = measureBubbles(upright, pageLayout.bubbles, registration.transform, registration.white);
  const { decided, thresholds } = decideBubbles(measured);
  return { status: 'read', qr: payload, layout: pageLayout, rotated: found.rotated, registration, thresholds, bubbles: decided, image: upright };
}

/** Tries the QR boxes of the layout at their printed place, then turned by 180°, then the whole page. */
async function locateQr(image: GrayImage, layout: LayoutFile): Promise<{ qr: FoundQr; rotated: boolean } | undefined> {
  const first = layout.pages[0];
  if (!first) return undefined;
  const scale = image.width / first.size.width;
  const boxes = new Map<string, PixelBox>();
  for (const page of layout.pages) {
    const margin = 20;
    const box = {
      x: (page.qrBox.x - margin) * scale,
      y: (page.qrBox.y - margin) * scale,
      width: (page.qrBox.size + 2 * margin) * scale,
      height: (page.qrBox.size + 2 * margin) * scale,
    };
    boxes.set(`${box.x},${box.y}`, box);
  }
  const tries: PixelBox[] = [];
  for (const box of boxes.values()) tries.push(box, { ...box, x: image.width - box.x - box.width, y: image.height - box.y - box.height });
  for (const box of [...tries, undefined]) {
    const codes = await findQrCodes(image, box);
    const code = codes.find((c) => parseQrText(c.text)) ?? codes[0];
    if (code) return { qr: code, rotated: Math.abs(code.orientation) > 90 };
  }
  return undefined;
}

function rotateQr(qr: FoundQr, image: GrayImage): FoundQr {
  const turn = (p: { x: number; y: number }) => ({ x: image.width - 1 - p.x, y: image.height - 1 - p.y });
  return { ...qr, corners: qr.corners.map(turn) as FoundQr['corners'], orientation: qr.orientation - 180 };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
