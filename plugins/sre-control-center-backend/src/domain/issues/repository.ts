import { InputError } from '@backstage/errors';

/** A GitHub repository, parsed from `owner/name`. */
export interface RepositoryRef {
  owner: string;
  name: string;
}

// GitHub's own rules: owners are 1-39 alphanumerics or single hyphens, not
// starting with one; repository names are 1-100 of [A-Za-z0-9._-], not . or ..
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The repository a `github.com/project-slug` annotation names, or an
 * InputError saying what is wrong with it. Every owner/name that reaches
 * octokit went through here (no path segments, no query, no URL).
 */
export function parseProjectSlug(slug: string): RepositoryRef {
  const parts = slug.trim().split('/');
  const [owner, name] = parts;
  if (
    parts.length !== 2 ||
    !OWNER.test(owner) ||
    !NAME.test(name) ||
    name === '.' ||
    name === '..' ||
    name.endsWith('.git')
  ) {
    throw new InputError(
      `github.com/project-slug "${slug.slice(
        0,
        200,
      )}" is not a GitHub repository: expected owner/repo (e.g. mindful-moments/mindful-moments)`,
    );
  }
  return { owner, name };
}

/** How stores and payloads key a repository: `owner/name`, lower-cased (GitHub compares case-insensitively). */
export function repositoryKey(repo: RepositoryRef): string {
  return `${repo.owner}/${repo.name}`.toLocaleLowerCase('en-US');
}
