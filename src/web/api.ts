/**
 * The web app's only door to the server. Sends the session cookie, adds the CSRF token to
 * state-changing requests, and turns RFC 9457 problems into ApiError with field errors.
 */
export interface FieldError {
  /** JSON Pointer into the request body, e.g. "/population". */
  pointer: string;
  detail: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
  ) {
    super(detail ?? title);
  }
  /** The message for one field, by its pointer without the leading slash ("population"). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.pointer === `/${field}` || e.pointer.startsWith(`/${field}/`))
      ?.detail;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a non-JSON request (a file upload) must carry to change anything. */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (typeof data === 'object' && data ? data : {}) as {
      title?: string;
      detail?: string;
      errors?: FieldError[];
    };
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail, p.errors ?? []);
  }
  return data as T;
}

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};
