import {
  jsonNestingDepth,
  MAX_JSON_DEPTH,
  parseBoundedJson,
} from './jsonLimits';

describe('webhook JSON limits', () => {
  it('measures nesting without counting brackets inside strings', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonNestingDepth('"\\"[[[["')).toBe(0);
    expect(jsonNestingDepth('[]')).toBe(1);
  });

  it('refuses 5,000 nested arrays without overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parseBoundedJson(deep)).toEqual({
      ok: false,
      error: `JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
    });
    // A million levels are counted as quickly: the scan stops at the limit.
    expect(jsonNestingDepth('['.repeat(1_000_000))).toBe(MAX_JSON_DEPTH + 1);
  });

  it('parses what real payloads look like', () => {
    expect(parseBoundedJson('{"a":{"b":[1,2]}}')).toEqual({
      ok: true,
      value: { a: { b: [1, 2] } },
    });
    expect(parseBoundedJson('{').ok).toBe(false);
  });
});
