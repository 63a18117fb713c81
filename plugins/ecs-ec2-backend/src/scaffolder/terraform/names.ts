/**
 * Derives a Terraform identifier (resource or local name) from a name: lower
 * case, only `[a-z0-9_]`, never starting with a digit.
 */
export function terraformIdentifier(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}
