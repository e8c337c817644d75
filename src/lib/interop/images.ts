/** An image a question uses, as LMS formats embed it. */
export interface EmbeddedImage {
  /** File name without folders, e.g. `order-page.png`. */
  name: string;
  bytes: Uint8Array;
}

const IMAGE_REF = /!\[([^\]]*)\]\((assets\/[^)\s]+)\)/g;

/** Returns the bank-relative paths of images (`assets/x.png`) a Markdown text uses, in order. */
export function listImageRefs(markdown: string): string[] {
  return [...markdown.matchAll(IMAGE_REF)].map((m) => m[2]!);
}

/** Returns the file name of an image path: `assets/a/b.png` → `b.png`. */
export function imageName(ref: string): string {
  return ref.split('/').pop()!;
}
