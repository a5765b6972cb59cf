/**
 * The web app's only door to the server. Sends the session cookie, adds the CSRF token to
 * state-changing requests, and turns RFC 9457 problems into ApiError with field errors.
 * JSON requests go through fetch; file uploads through `api.upload`, which uses
 * XMLHttpRequest because fetch reports no upload progress.
 */
export interface FieldError {
  /** JSON Pointer into the request body, e.g. "/population". */
  pointer: string;
  detail: string;
  /** The field's problem as a stable code (src/core/problems.ts), said by the `problems` catalog. */
  code?: string | undefined;
  params?: Readonly<Record<string, unknown>> | undefined;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
    /** The problem's stable name when the server gives one (e.g. 'stale-write' on a 412). */
    readonly code?: string,
    /** What the client needs to say the problem in its reader's words, with the code. */
    readonly params?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? title);
  }
  /** Someone changed the record since the form read it: the change was refused, not made. */
  get staleWrite(): boolean {
    return this.status === 412;
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

/** The header a state-changing request must carry. */
function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** An ApiError from a problem+json body, or from the bare status when there is none. */
export function apiProblem(status: number, statusText: string, body: unknown): ApiError {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors) ? (p.errors as FieldError[]) : [];
  return new ApiError(
    status,
    typeof p.title === 'string' ? p.title : statusText,
    typeof p.detail === 'string' ? p.detail : undefined,
    errors,
    typeof p.code === 'string' ? p.code : undefined,
    typeof p.params === 'object' && p.params !== null
      ? (p.params as Record<string, unknown>)
      : undefined,
  );
}

/**
 * A change made from a copy of a record: the version the copy was read at goes as If-Match,
 * so the server refuses the change (412) if someone changed the record in the meantime
 * instead of writing over their change. Without a version the change is unconditional.
 */
export interface ChangeOptions {
  version?: number | undefined;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: ChangeOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw apiProblem(res.status, res.statusText, data);
  return data as T;
}

/** How far an upload has got: bytes sent, and the total when the browser knows it. */
export interface UploadProgress {
  loaded: number;
  total: number | null;
}

export interface UploadOptions {
  /** A multipart form (the browser writes its Content-Type with the boundary) or a file as is. */
  body: FormData | Blob;
  /** The Content-Type of a Blob body; never set for a FormData body. */
  contentType?: string;
  method?: 'POST' | 'PUT';
  /** Called as the request body goes out. */
  onProgress?: (progress: UploadProgress) => void;
  /** Reads a refusal into an error; by default the ApiError every other request throws. */
  problem?: (status: number, statusText: string, body: unknown) => Error;
}

/**
 * Sends a file with the session cookie and the CSRF token, reports progress as it goes, and
 * turns a refusal into the same ApiError (with field pointers) as any other request.
 */
function upload<T>(path: string, options: UploadOptions): Promise<T> {
  const { body, contentType, method = 'POST', onProgress, problem = apiProblem } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path); // same origin: the session cookie goes along
    xhr.setRequestHeader('Accept', 'application/json');
    if (contentType && !(body instanceof FormData)) {
      xhr.setRequestHeader('Content-Type', contentType);
    }
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
      };
    }
    xhr.onload = () => {
      if (xhr.status === 204) {
        resolve(undefined as T);
        return;
      }
      const type = xhr.getResponseHeader('content-type') ?? '';
      let data: unknown;
      try {
        data = type.includes('json') ? (JSON.parse(xhr.responseText) as unknown) : xhr.responseText;
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(problem(xhr.status, xhr.statusText, data));
    };
    // What fetch throws when the request never got an answer.
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    xhr.send(body);
  });
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
  patch: <T>(path: string, body: unknown, options?: ChangeOptions) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: ChangeOptions) =>
    request<T>('PUT', path, body, options),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload,
};
