declare module 'linebreak' {
  /** UAX #14 line breaking (foliojs/linebreak). */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
