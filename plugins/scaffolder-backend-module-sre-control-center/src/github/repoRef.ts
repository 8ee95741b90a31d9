import { InputError } from '@backstage/errors';

// GitHub: owners are 1-39 letters, digits or single inner hyphens.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
// Repositories: 1-100 letters, digits, '.', '-', '_'; not '.' or '..'.
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** A GitHub user or organisation login, checked before it reaches a URL. */
export function parseRepositoryOwner(value: string): string {
  const owner = String(value ?? '').trim();
  if (!OWNER.test(owner))
    throw new InputError(
      `"${owner}" is not a GitHub owner: 1-39 letters, digits or inner single hyphens`,
    );
  return owner;
}

/** A GitHub repository name, checked before it reaches a URL. */
export function parseRepositoryName(value: string): string {
  const name = String(value ?? '').trim();
  if (
    !REPO.test(name) ||
    name === '.' ||
    name === '..' ||
    name.endsWith('.git')
  )
    throw new InputError(
      `"${name}" is not a GitHub repository name: 1-100 letters, digits, '.', '-' or '_'`,
    );
  return name;
}

/** GitHub issue numbers and ids are positive integers. */
export function parseIssueNumber(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InputError(`"${String(value)}" is not a GitHub issue number`);
  return n;
}
