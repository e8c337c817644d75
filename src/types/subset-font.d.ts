declare module 'subset-font' {
  /** HarfBuzz (wasm) font subsetting. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; noHinting?: boolean; noLayoutClosure?: boolean; dropTables?: string[] },
  ): Promise<Buffer>;
}
