import type { AlertCursor } from './ports';

/**
 * Cursors are opaque to clients: base64url of the last item's sort key.
 * Keyset pagination keeps pages stable while new alerts arrive on top.
 */
export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(JSON.stringify([cursor.firedAt, cursor.id])).toString(
    'base64url',
  );
}

/** Returns undefined when the string is not a cursor this server issued. */
export function decodeCursor(value: string): AlertCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    );
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0]))
    ) {
      return { firedAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: not JSON
  }
  return undefined;
}
