/** At most `maxAttempts` unsuccessful sign-in attempts per key within `windowMs` of the first. */
export type AttemptLimit = { maxAttempts: number; windowMs: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Per email: a person who mistypes a few times is not stopped; a guesser gets 5 tries per 15 minutes. */
export const PER_ACCOUNT: AttemptLimit = { maxAttempts: 5, windowMs: FIFTEEN_MINUTES };
/** Per client address (see client-address.ts): spraying many accounts from one place. */
export const PER_ADDRESS: AttemptLimit = { maxAttempts: 30, windowMs: FIFTEEN_MINUTES };

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  return `Too many failed sign-in attempts. Try again in ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} minute(s).`;
}
