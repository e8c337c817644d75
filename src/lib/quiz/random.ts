/**
 * Returns a 32-bit hash of a string (FNV-1a), used to turn any seed text into a number.
 * @example hashSeed('communication/active-listening') // => a stable integer
 */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Returns a deterministic random number generator in [0, 1) for a seed (mulberry32). */
export function createRandom(seed: string | number): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns a shuffled copy (Fisher–Yates) using `random`. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/**
 * Returns a permutation of `0..pinned.length-1` where pinned positions keep their index
 * and the others are shuffled among themselves: `以上都是` stays last.
 * @example permutationWithPins([false, false, false, true], random) // => e.g. [2, 0, 1, 3]
 */
export function permutationWithPins(pinned: readonly boolean[], random: () => number): number[] {
  const free = pinned.flatMap((pin, index) => (pin ? [] : [index]));
  const shuffled = shuffle(free, random);
  let next = 0;
  return pinned.map((pin, index) => (pin ? index : shuffled[next++]!));
}
