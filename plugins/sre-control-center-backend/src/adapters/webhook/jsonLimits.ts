/**
 * Limits on what webhook JSON may look like before anything walks it.
 * Real payloads (Azure's common schema, Alertmanager, GitHub) nest fewer
 * than 15 levels; a body of 5,000 nested arrays fits in 10 kB and would
 * overflow the stack of any recursive reader.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text, found in one
 * pass without recursion (brackets inside strings do not count). Stops
 * counting past `limit`.
 */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}

/** Parses webhook JSON that nests at most {@link MAX_JSON_DEPTH} levels, or says why not. */
export function parseBoundedJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      error: `JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
}
