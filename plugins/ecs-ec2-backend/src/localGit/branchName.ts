/**
 * Characters git forbids anywhere in a ref name (git-check-ref-format(1), rules 4
 * and 5, and the backslash rule): ASCII control characters, DEL, space, `~`, `^`,
 * `:`, `?`, `*`, `[` and `\`.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\x00-\x20\x7f~^:?*[\\]/;

/**
 * Returns whether a name is a valid branch name by the rules of
 * `git check-ref-format --branch`. The name is joined into `refs/heads/<name>`,
 * so a name that passes cannot climb out of `refs/heads` or name another ref.
 */
export function isValidBranchName(name: string): boolean {
  if (name.length === 0) return false;
  if (FORBIDDEN_CHARACTERS.test(name)) return false;
  if (name.includes('..') || name.includes('@{') || name === '@') return false;

  // `git branch` rejects a leading dash (it reads as an option) and the name HEAD.
  if (name.startsWith('-') || name === 'HEAD') return false;
  if (name.endsWith('.')) return false;

  // Each slash-separated component is non-empty, starts without a dot and does
  // not end in `.lock`, which also rules out a leading, trailing or double slash.
  return name
    .split('/')
    .every(
      component =>
        component.length > 0 &&
        !component.startsWith('.') &&
        !component.endsWith('.lock'),
    );
}
