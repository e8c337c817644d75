export { listScanFiles, readScannedPages, type ScannedPage, type UnreadablePage } from './acquire.ts';
export { assembleSheets, readIdGrid, type ScanIssue, type ScannedSheet } from './assemble-sheets.ts';
export { decideBubbles, readItem, type Decided, type ItemReading, type MarkDecision, type PageThresholds } from './decide.ts';
export { applyHomography, fitAffine, fitHomography, type Homography, type Point } from './homography.ts';
export { nameCrop, responsesTable, reviewImage, scanReport } from './outputs.ts';
export { readPage, type PageReading } from './read-page.ts';
export { scanRun, type ScanInputs, type ScanResult } from './scan-run.ts';
export type { GrayImage } from './gray-image.ts';
