import { qrText, type LayoutBubble, type LayoutPage, type RunCandidate } from '../exam/index.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import { variantBadge } from './header.ts';
import { PAGE, type DrawOp, type FontMetrics, type LaidOutDocument } from './layout-types.ts';
import { qrCodeOps } from './qr.ts';

/** Points per millimetre: layout.json is in millimetres, drawing in points. */
const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;
const mm = (points: number) => Math.round((points / PT_PER_MM) * 100) / 100;

/** Fiducial squares: 5 mm, centred 10 mm in from each edge (inside every printer's margin). */
const FIDUCIAL = { inset: 10, size: 5 };
/** The QR code's square: 20 mm at the top right, below the fiducial, with a 3 mm quiet zone. */
const QR = { x: 177, y: 16, size: 20 };
/** The candidate strip across the top: label and width (mm) of each cell. */
const STRIP = { x: 19, y: 16, height: 12 };

/** Where the body of a sheet page starts and ends (points from the top and bottom edges). */
export const SHEET_AREA = { top: pt(42), bottom: 62 } as const;

export interface SheetStamp {
  runId: string;
  variant: string;
  candidate?: RunCandidate;
  t: ExamTranslate;
  metrics: FontMetrics;
}

function fiducialCentres(): { x: number; y: number }[] {
  const { inset } = FIDUCIAL;
  const width = mm(PAGE.width);
  const height = mm(PAGE.height);
  return [
    { x: inset, y: inset },
    { x: width - inset, y: inset },
    { x: width - inset, y: height - inset },
    { x: inset, y: height - inset },
  ];
}

function stripOps({ variant, candidate, t, metrics }: SheetStamp): { ops: DrawOp[]; nameBox: LayoutPage['nameBox'] } {
  const cells = [
    { label: t('field.name'), width: 42, value: candidate?.name },
    { label: t('field.id'), width: 36, value: candidate?.id },
    { label: t('field.department'), width: 38, value: candidate?.department },
    { label: t('field.variant'), width: 15, badge: true },
    { label: t('field.date'), width: 24 },
  ];
  const ops: DrawOp[] = [];
  let x = STRIP.x;
  let nameBox: LayoutPage['nameBox'];
  for (const cell of cells) {
    const box = { x: pt(x), y: pt(STRIP.y), width: pt(cell.width), height: pt(STRIP.height) };
    ops.push({ type: 'rect', ...box, lineWidth: 0.7 });
    ops.push({ type: 'text', x: box.x + 2.5, y: box.y + 8, text: cell.label, size: 6.5, weight: 'regular' });
    if (cell.badge) ops.push(...variantBadge(variant, box.x + box.width - 24, box.y + 5.5, 20));
    if (cell.value) {
      // Long names shrink rather than run out of their cell.
      const room = box.width - 6;
      const size = Math.min(10.5, (10.5 * room) / Math.max(1, metrics.widthOf(cell.value, 10.5, 'regular')));
      ops.push({ type: 'text', x: box.x + 3, y: box.y + box.height - 6, text: cell.value, size, weight: 'bold' });
    }
    if (!nameBox) nameBox = { x, y: STRIP.y, width: cell.width, height: STRIP.height };
    x += cell.width;
  }
  return { ops, nameBox };
}

/** On a personalised sheet, the 工号 written into the digit grid's boxes (digits only, when it fits). */
function printedIdOps(ops: DrawOp[], id: string | undefined): DrawOp[] {
  const columns = ops.flatMap((op) => (op.type === 'circle' && op.mark?.kind === 'digit' && op.mark.digit === 0 ? [op] : []));
  if (!id || !/^\d+$/.test(id) || id.length > columns.length) return [];
  // The write-in box sits 20 pt above the 0 bubble's centre (see layout-sheet.ts registrationRow).
  return [...id].map((digit, i) => ({ type: 'text', x: columns[i]!.x - 8, y: columns[i]!.y - 16, text: digit, size: 11, weight: 'bold', align: 'center', width: 16 }) as DrawOp);
}

/** Collects the tagged bubbles and score boxes of a laid-out page, in millimetres. */
function marksOf(ops: DrawOp[]): Pick<LayoutPage, 'bubbles' | 'scoreBoxes'> {
  const bubbles: LayoutBubble[] = [];
  const scoreBoxes: LayoutPage['scoreBoxes'] = [];
  for (const op of ops) {
    if (op.type === 'circle' && op.mark) bubbles.push({ ...op.mark, x: mm(op.x), y: mm(op.y), r: mm(op.r) } as LayoutBubble);
    if (op.type === 'rect' && op.box) scoreBoxes.push({ item: op.box.item, label: op.box.label, x: mm(op.x), y: mm(op.y), width: mm(op.width), height: mm(op.height) });
  }
  return { bubbles, scoreBoxes };
}

/**
 * Returns an answer sheet made machine-readable: on every page four corner fiducials, a QR code
 * (run, variant, page, candidate), the candidate strip with the run code; and layout.json's
 * description of each page. The sheet's own layout is shared by every candidate of a variant.
 */
export function stampSheet(sheet: LaidOutDocument, stamp: SheetStamp): { document: LaidOutDocument; layout: LayoutPage[] } {
  const pageCount = sheet.pages.length;
  const { ops: strip, nameBox } = stripOps(stamp);
  const fiducials = fiducialCentres();
  const fiducialOps: DrawOp[] = fiducials.map((c) => ({ type: 'rect', x: pt(c.x - FIDUCIAL.size / 2), y: pt(c.y - FIDUCIAL.size / 2), width: pt(FIDUCIAL.size), height: pt(FIDUCIAL.size), lineWidth: 0, fill: true }));
  const layout: LayoutPage[] = [];
  const pages = sheet.pages.map((page, i) => {
    const qr = qrText({ runId: stamp.runId, variant: stamp.variant, page: i + 1, pageCount, candidate: stamp.candidate?.id });
    const run: DrawOp = { type: 'text', x: pt(STRIP.x), y: pt(STRIP.y + STRIP.height) + 9, text: `${stamp.t('sheet.run', { run: stamp.runId })}　·　${i + 1}/${pageCount}`, size: 7, weight: 'regular' };
    layout.push({
      qr,
      variant: stamp.variant,
      page: i + 1,
      pageCount,
      ...(stamp.candidate ? { candidate: stamp.candidate.id } : {}),
      size: { width: mm(PAGE.width), height: mm(PAGE.height) },
      fiducials: fiducials.map((c) => ({ ...c, size: FIDUCIAL.size })),
      qrBox: { x: QR.x, y: QR.y, size: QR.size },
      ...marksOf(page.ops),
      nameBox,
    });
    return { questions: page.questions, underlay: page, ops: [...fiducialOps, ...qrCodeOps(qr, pt(QR.x), pt(QR.y), pt(QR.size)), ...strip, run, ...printedIdOps(page.ops, stamp.candidate?.id)] };
  });
  const title = stamp.candidate ? `${sheet.title} · ${stamp.candidate.name} ${stamp.candidate.id}` : sheet.title;
  return { document: { ...sheet, title, pages }, layout };
}
