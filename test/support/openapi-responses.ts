import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components?: object;
}

/**
 * Checks responses against the app's own OpenAPI document (GET /openapi.json, fetched once per app): the status
 * must be documented for the route, the Content-Type must be one the route documents for it, and a JSON body must
 * validate against the documented schema. No second copy of the schemas: the document is the contract.
 */
export class OpenApiResponses {
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #routes: Array<{ template: string; pattern: RegExp; params: number }>;

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.#ajv);
    this.#ajv.addFormat('binary', true);
    this.#routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter (`/x/ready` before `/x/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  /** Throws a readable error when the response breaks the document; silent for paths the document does not know. */
  check(method: string, path: string, status: number, contentType: string, body: unknown, text: string): void {
    const pathname = path.split('?')[0]!;
    const route = this.#routes.find((r) => r.pattern.test(pathname));
    const operation = route && this.document.paths[route.template]![method.toLowerCase()];
    if (!route || !operation) return; // unmatched path or method: nothing documented to hold it to
    const what = `${method} ${path} → ${status} (documented as ${method} ${route.template})`;
    const responses = operation.responses ?? {};
    const documented = responses[String(status)] ?? responses.default;
    if (!documented) throw new Error(`${what}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
    const content = documented.content ?? {};
    if (text === '' && Object.keys(content).length === 0) return;
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!content[mediaType]) {
      throw new Error(`${what}: Content-Type "${mediaType}" is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`);
    }
    if (!mediaType.endsWith('json')) return;
    const key = `${route.template} ${method} ${status} ${mediaType}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = this.#ajv.compile({ ...(content[mediaType]!.schema ?? {}), components: this.document.components ?? {} });
      this.#validators.set(key, validate);
    }
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');
      throw new Error(`${what}: the body does not match its documented schema: ${errors}\nbody: ${text.slice(0, 2000)}`);
    }
  }
}
