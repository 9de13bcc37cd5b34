/** A session ends when its user is disabled or its token version moved on (password changed, signed out everywhere). */
export function sessionStillValid<T extends { disabled: boolean; tokenVersion: number }>(row: T | undefined, tokenVersion: number | undefined): row is T {
  return !!row && !row.disabled && row.tokenVersion === tokenVersion;
}
