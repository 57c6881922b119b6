import type { OpenAPIHono } from '@hono/zod-openapi';
import { expect } from 'bun:test';
import { OpenApiResponses, type OpenApiDocument } from './openapi-responses';

export interface HttpResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface RequestOptions {
  /** JSON body (sent with Content-Type: application/json unless `contentType` says otherwise). */
  readonly body?: unknown;
  /** A raw body string, sent as is (for malformed JSON, wrong content types…). */
  readonly rawBody?: string;
  /** Content-Type to send; `null` sends none. */
  readonly contentType?: string | null;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

/**
 * Calls the app in-process (`app.request`) the way a client would. Every 4xx/5xx must be
 * application/problem+json with the RFC 9457 fields: the helper fails the test otherwise, so no route can slip.
 */
export class HttpClient {
  #documented?: Promise<OpenApiResponses>;

  constructor(private readonly app: OpenAPIHono<any>) {}

  async call<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers = new Headers(options.headers);
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    const contentType = options.contentType === undefined ? (body !== undefined ? 'application/json' : null) : options.contentType;
    if (contentType) headers.set('Content-Type', contentType);
    const response = await this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    // A copy: Bun 1.4's toMatchObject replaces the matched values of the object it checks with the matchers.
    if (response.status >= 400) assertProblem(response.status, type, structuredClone(parsed), `${method} ${path}`);
    // Every response, 2xx and problem alike, must match what the app's own OpenAPI document says of its route.
    (await this.documented()).check(method, path, response.status, type, parsed, text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  private documented(): Promise<OpenApiResponses> {
    return (this.#documented ??= (async () => new OpenApiResponses((await (await this.app.request('/openapi.json')).json()) as OpenApiDocument))());
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.call<T>('GET', path, options);
  }
  post<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.call<T>('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }
  put<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.call<T>('PUT', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }
  patch<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.call<T>('PATCH', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }
}

function assertProblem(status: number, contentType: string, body: any, what: string): void {
  if (!contentType.startsWith('application/problem+json')) {
    throw new Error(`${what} answered ${status} with Content-Type "${contentType}", not application/problem+json`);
  }
  expect(body).toMatchObject({ type: expect.stringMatching(/^\/problems\//), title: expect.any(String), status, detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+|MongoServerError|stack/);
}
