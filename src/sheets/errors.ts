// Messages for the person at the sheet. Errors may come from another realm (gas-local's vm context, Apps Script's
// services), where `instanceof Error` fails: read `.message` instead.

/** A problem the user can fix; its message is shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function errorMessage(e: unknown): string {
  if (e && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}
