import type { DrawOp, FontMetrics } from '../exam-pdf/index.ts';
import { text } from './draw.ts';

/** One series of the radar chart: a value 1–5 per axis (undefined draws at the centre). */
export interface RadarSeries {
  values: (number | undefined)[];
  /** Filled grey polygon (others) or dashed outline (self). */
  style: 'filled' | 'dashed';
}

/**
 * Returns the vector drawing of a radar chart centred on (cx, cy): the centre at 1 and rings at 2–5, one axis per
 * label clockwise from the top, the series as polygons, labels outside the rim.
 */
export function radarChart(metrics: FontMetrics, cx: number, cy: number, radius: number, labels: string[], series: RadarSeries[]): DrawOp[] {
  const n = labels.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  // The centre is 1, the lowest score, so differences between 3 and 5 use most of the radius.
  const point = (i: number, value: number): [number, number] => [(Math.cos(angle(i)) * radius * (value - 1)) / 4, (Math.sin(angle(i)) * radius * (value - 1)) / 4];
  const ops: DrawOp[] = [];
  const filled = series.filter((s) => s.style === 'filled').map((s) => s.values.map((v, i) => point(i, v ?? 1)));
  // Fills first, then the grid over them, then the outlines: the rings stay readable through the fill.
  for (const points of filled) ops.push({ type: 'path', x: cx, y: cy, points, closed: true, fill: 0.82 });
  for (let ring = 2; ring <= 5; ring++) {
    ops.push({ type: 'path', x: cx, y: cy, points: labels.map((_, i) => point(i, ring)), closed: true, lineWidth: ring === 5 ? 0.7 : 0.25 });
  }
  labels.forEach((_, i) => ops.push({ type: 'path', x: cx, y: cy, points: [[0, 0], point(i, 5)], lineWidth: 0.25 }));
  for (let ring = 1; ring <= 5; ring++) ops.push(text(cx + 2, cy - (radius * (ring - 1)) / 4 - 1.5, String(ring), 6));
  for (const points of filled) ops.push({ type: 'path', x: cx, y: cy, points, closed: true, lineWidth: 1.2 });
  for (const s of series.filter((s) => s.style === 'dashed')) {
    ops.push({ type: 'path', x: cx, y: cy, points: s.values.map((v, i) => point(i, v ?? 1)), closed: true, lineWidth: 1.5, dash: true });
  }
  const size = 8.5;
  labels.forEach((label, i) => {
    const [px, py] = point(i, 5.4);
    const cos = Math.cos(angle(i));
    const width = metrics.widthOf(label, size, 'bold');
    const x = cx + px + (cos > 0.25 ? 0 : cos < -0.25 ? -width : -width / 2);
    const y = cy + py + (Math.sin(angle(i)) > 0.5 ? size : Math.sin(angle(i)) < -0.5 ? 0 : size / 2 - 1);
    ops.push(text(x, y, label, size, { weight: 'bold' }));
  });
  return ops;
}
