/** The one way to turn anything thrown into a message for people. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
