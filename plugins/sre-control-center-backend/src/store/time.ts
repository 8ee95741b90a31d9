/**
 * PostgreSQL returns timestamptz columns as Date, SQLite as epoch milliseconds
 * or strings, depending on how they were written; the API always speaks ISO.
 */
export function toIso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(
  value: Date | string | number | null,
): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
