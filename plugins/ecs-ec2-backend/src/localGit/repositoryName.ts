import { InputError } from '@backstage/errors';

/**
 * Letters, digits, dots, dashes and underscores, starting and ending with a
 * letter or digit. The name becomes a directory name and a URL segment, so it
 * must never hold a slash, a `..` or a trailing `.git`.
 */
const REPOSITORY_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/;

/** Returns whether a name is a valid repository name on the portal's git host. */
export function isValidRepositoryName(name: string): boolean {
  return (
    REPOSITORY_NAME_PATTERN.test(name) &&
    !name.includes('..') &&
    !name.toLowerCase().endsWith('.git')
  );
}

/** Throws an InputError naming the field when a repository name is invalid. */
export function assertValidRepositoryName(name: string, field = 'repoName') {
  if (!isValidRepositoryName(name)) {
    throw new InputError(
      `Invalid ${field} '${name}': use 1 to 100 letters, digits, '.', '-' or '_', starting and ending with a letter or digit, without '..' or a '.git' suffix`,
    );
  }
}
