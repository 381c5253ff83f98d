/**
 * Deterministic randomness for tie-breaks: the same seed always gives the same draws, so a plan can
 * be recomputed and audited. Never Math.random() in the domain.
 */

/** 32-bit FNV-1a over the UTF-16 code units of the text. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A generator of numbers in [0, 1) — the mulberry32 scheme: a Weyl sequence (step 0x6d2b79f5)
 * passed through an xor-shift-multiply mix. Small, fast, and good enough for shuffling.
 */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** A shuffled copy (Fisher-Yates), leaving the input as it was. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
