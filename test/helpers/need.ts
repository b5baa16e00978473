/** Harness values exist only inside a test (between beforeEach and afterEach). */
export function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('harness used outside a test')
  return value
}
