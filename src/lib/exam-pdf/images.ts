/** An image a question shows, ready to lay out and embed (PNG or JPEG). */
export interface ExamImage {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
  /** Pixel size, from the file's header. */
  width: number;
  height: number;
}

/**
 * Returns an image's format and pixel size from its header, or undefined for anything but
 * PNG and JPEG (PDFs cannot embed SVG or WebP without converting them).
 */
export function readImage(bytes: Uint8Array): ExamImage | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47) {
    return { format: 'png', bytes, width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && view.getUint16(0) === 0xffd8) {
    // Walk the JPEG segments to the frame header (SOF0–SOF15, except DHT/JPG/DAC markers).
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: 'jpeg', bytes, width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}
