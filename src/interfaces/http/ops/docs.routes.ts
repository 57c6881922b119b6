import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute } from '#interfaces/http/route-table';

/**
 * The interactive reference at `/docs`: Swagger UI's standalone bundle served from `node_modules/swagger-ui-dist`
 * (no CDN), rendering `/openapi.json`. The page may load nothing from another origin (Content-Security-Policy), and
 * Swagger UI's online validator badge is off (it would call an outside host).
 */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The files `/docs` needs: from the package, plus the initializer (kept out of the page so CSP can forbid inline script). */
const ASSETS = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', source: { file: 'swagger-ui.css' } },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', source: { file: 'swagger-ui-bundle.js' } },
  'favicon-32x32.png': { type: 'image/png', source: { file: 'favicon-32x32.png' } },
  'docs-init.js': {
    type: 'text/javascript; charset=utf-8',
    source: {
      text: `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`,
    },
  },
} as const satisfies Record<string, { type: string; source: { file: string } | { text: string } }>;
type AssetName = keyof typeof ASSETS;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} reference</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js" charset="utf-8"></script>
    <script src="/docs/assets/docs-init.js" charset="utf-8"></script>
  </body>
</html>
`;
}

const docs = defineRoute('public', {
  method: 'get',
  path: '/docs',
  tags: ['Docs'],
  summary: 'Interactive API reference (Swagger UI, served from installed packages)',
  responses: { 200: { description: 'HTML page rendering /openapi.json', content: { 'text/html': { schema: z.string() } } } },
});

const asset = defineRoute('public', {
  method: 'get',
  path: '/docs/assets/{file}',
  tags: ['Docs'],
  summary: 'A static file of the /docs page',
  request: {
    params: z.strictObject({
      file: z.enum(Object.keys(ASSETS) as [AssetName, ...AssetName[]]).openapi({ param: { name: 'file', in: 'path' }, example: 'swagger-ui.css' }),
    }),
  },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/css': { schema: z.string() },
        'text/javascript': { schema: z.string() },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
});

const openApiDocument = {
  method: 'get' as const,
  path: '/openapi.json',
  tags: ['Docs'],
  summary: 'This OpenAPI 3.1 document',
  responses: {
    200: {
      description: 'The OpenAPI document, generated from the same zod schemas that validate requests',
      content: {
        'application/json': {
          schema: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).passthrough(), paths: z.record(z.string(), z.unknown()) }).passthrough(),
        },
      },
    },
  },
};

export function registerDocsRoutes(app: OpenAPIHono<AppEnv>, title: string): void {
  const cache = new Map<AssetName, Uint8Array | string>();
  const load = async (name: AssetName): Promise<Uint8Array | string> => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const source: { file: string } | { text: string } = ASSETS[name].source;
    const content = 'text' in source ? source.text : new Uint8Array(await readFile(join(SWAGGER_UI_DIR, source.file)));
    cache.set(name, content);
    return content;
  };

  // `app.doc31` serves /openapi.json; this describes that route in the document itself.
  app.openAPIRegistry.registerPath(openApiDocument);

  app.openapi(docs, (c) => {
    c.header('Content-Security-Policy', CSP);
    return c.html(page(title), 200);
  });

  app.openapi(asset, async (c) => {
    const name = c.req.valid('param').file;
    const body = await load(name);
    return c.body(body as never, 200, { 'Content-Type': ASSETS[name].type, 'Cache-Control': 'public, max-age=3600' }) as never;
  });
}
