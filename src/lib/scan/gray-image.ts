/** An 8-bit greyscale image, row-major, 0 = black, 255 = white: what every scan step reads. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Returns the image turned by 180°, for sheets fed into the scanner upside down. */
export function rotate180(image: GrayImage): GrayImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0, n = data.length; i < n; i++) data[i] = image.data[n - 1 - i]!;
  return { width: image.width, height: image.height, data };
}

/** Returns the grey level at (x, y), white outside the image (paper beyond the scan's edge). */
export function pixelAt(image: GrayImage, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= image.width || yi >= image.height) return 255;
  return image.data[yi * image.width + xi]!;
}

/**
 * Returns the grey level of blank paper on this page: a high percentile of a sample of pixels, so
 * a grey scan or a yellowish sheet sets its own white instead of assuming 255.
 */
export function paperWhite(image: GrayImage): number {
  const histogram = new Uint32Array(256);
  const step = Math.max(1, Math.floor(image.data.length / 200_000));
  let count = 0;
  for (let i = 0; i < image.data.length; i += step) {
    histogram[image.data[i]!]!++;
    count++;
  }
  let seen = 0;
  for (let level = 255; level >= 0; level--) {
    seen += histogram[level]!;
    if (seen >= count * 0.3) return Math.max(level, 64);
  }
  return 255;
}
