/**
 * Deterministic noise so that repeated queries for the same time window give
 * the same numbers, as a real metrics store would.
 */
export function noise(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Deterministic GUID-shaped id derived from a key. */
export function stableGuid(key: string): string {
  const hex = Array.from({ length: 8 }, (_, i) =>
    Math.floor(noise(`${key}#${i}`) * 0xffff)
      .toString(16)
      .padStart(4, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
