import type { ErrorBody } from '@kayoi/contracts';
import i18n from '../i18n';

/** An error answered by the API: its stable code, and a message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON body, or a File/Blob sent as it is (CSV uploads). */
  body?: unknown;
  contentType?: string;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** The one way the dashboard talks to Kayoi: the session cookie, JSON, and the API's error envelope. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    body = options.body;
    headers['content-type'] = options.contentType ?? 'text/csv';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(url(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    credentials: 'same-origin',
  });
  if (response.ok) return (await response.json()) as T;
  let error: ErrorBody['error'] = { code: 'INTERNAL_ERROR', message: i18n.t('errors.network') };
  try {
    error = ((await response.json()) as ErrorBody).error;
  } catch {
    // Not our envelope (a proxy error page): keep the generic message.
  }
  throw new ApiError(response.status, error.code, error.message, error.details);
}
