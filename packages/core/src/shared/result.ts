import type { ErrorCode } from '@kayoi/contracts';

/** An expected failure: a stable code plus data a client can show (never a stack). */
export interface AppError {
  readonly code: ErrorCode;
  readonly details?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, details?: unknown): Result<T> => ({
  ok: false,
  error: details === undefined ? { code } : { code, details },
});

/**
 * Thrown, rather than returned, only where a failure must unwind a database transaction.
 * Use cases catch it at their boundary (`resultOf`) and hand a Result on.
 */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
    this.name = 'AppFailure';
  }
}

export function failOrThrow(code: ErrorCode, details?: unknown): never {
  throw new AppFailure(details === undefined ? { code } : { code, details });
}

export function unwrapOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new AppFailure(result.error);
  return result.value;
}

/** Runs work that may throw AppFailure and turns it back into a Result. */
export async function resultOf<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.error };
    throw err;
  }
}
