/**
 * Expected failures are values with typed codes (style.md practice 5); bugs throw.
 */
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string> = { ok: false; code: C; message: string; details?: unknown };
export type Result<T, C extends string> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C, message: string, details?: unknown): Err<C> => ({ ok: false, code, message, details });
