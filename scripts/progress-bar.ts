/**
 * Returns a progress reporter for `done/total` steps: a redrawn bar on a terminal,
 * a line every 25% otherwise (CI logs), nothing for fewer than `minimum` steps.
 */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr, minimum = 12) {
  let lastQuarter = -1;
  return (done: number, total: number) => {
    if (total < minimum) return;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor((done / total) * 4);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${label} ${done}/${total}\n`);
    }
  };
}
