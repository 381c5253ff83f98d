/**
 * A small HTTP client for the demo: it drives the API exactly as a browser or curl would (the same
 * command path, guards and validation), against the app listening on a local port.
 */
export interface DemoResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
  text(): string;
}

export interface RequestOptions {
  readonly json?: unknown;
  readonly form?: FormData;
  /** The status the step expects; anything else stops the demo with the server's answer. */
  readonly expect?: number;
}

export class DemoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  async login(username: string, password: string): Promise<DemoClient> {
    const response = await this.post('/api/v1/auth/login', { json: { username, password }, expect: 200 });
    return new DemoClient(this.baseUrl, response.json<{ accessToken: string }>().accessToken);
  }

  get(path: string, options: RequestOptions = {}): Promise<DemoResponse> {
    return this.send('GET', path, { expect: 200, ...options });
  }

  post(path: string, options: RequestOptions = {}): Promise<DemoResponse> {
    return this.send('POST', path, options);
  }

  put(path: string, options: RequestOptions = {}): Promise<DemoResponse> {
    return this.send('PUT', path, options);
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<DemoResponse> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const answer: DemoResponse = {
      status: response.status,
      headers: response.headers,
      body: bytes,
      json: () => JSON.parse(bytes.toString('utf8')),
      text: () => bytes.toString('utf8'),
    };
    const ok = options.expect === undefined ? response.status < 300 : response.status === options.expect;
    if (!ok) throw new Error(`${method} ${path} answered ${response.status}: ${answer.text().slice(0, 500)}`);
    return answer;
  }
}
