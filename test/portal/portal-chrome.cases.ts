/**
 * What every portal page shares: the stylesheet and scripts come from /assets (no inline script or
 * inline event handler, so a strict Content-Security-Policy holds), and an unknown portal address
 * answers a Chinese page while /api keeps its JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTestApp } from '../support/shared-test-app';
import type { TestApp } from '../support/test-app';

const VIEWS = join(process.cwd(), 'apps/api/src/portal/views');

describe('the portal chrome', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await sharedTestApp();
  });

  it('has no inline script or inline event handler in any template', () => {
    for (const file of readdirSync(VIEWS).filter((name) => name.endsWith('.hbs'))) {
      const source = readFileSync(join(VIEWS, file), 'utf8');
      expect({ file, inline: source.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [] }).toEqual({ file, inline: [] });
      expect({ file, handlers: source.match(/\son[a-z]+=/g) ?? [] }).toEqual({ file, handlers: [] });
    }
  });

  it('serves every script and the stylesheet a template names, and nothing outside the assets folder', async () => {
    const named = new Set<string>();
    for (const file of readdirSync(VIEWS).filter((name) => name.endsWith('.hbs'))) {
      for (const match of readFileSync(join(VIEWS, file), 'utf8').matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)) named.add(match[1]);
    }
    expect(named.size).toBeGreaterThanOrEqual(5);
    for (const asset of named) {
      const response = await t.http.get(`/assets/${asset}`).expect(200);
      expect(response.headers['content-type']).toMatch(asset.endsWith('.js') ? /text\/javascript/ : /text\/css/);
    }
    await t.http.get('/assets/..%2Fhome.hbs').expect(404);
    await t.http.get('/assets/nothing.js').expect(404);
  });

  it('answers an unknown portal address with a Chinese page, and an unknown /api address with JSON', async () => {
    for (const path of ['/register-nowhere', '/admin/no-such-page/deeper']) {
      const page = await t.http.get(path).expect(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('页面不存在');
    }
    const api = await t.http.get('/api/v1/no-such-endpoint').expect(404);
    expect(api.body).toMatchObject({
      statusCode: 404,
      message: '没有这个接口:GET /api/v1/no-such-endpoint。请对照接口文档(/api/docs)核对地址和请求方法。',
      details: { reason: 'no such endpoint: GET /api/v1/no-such-endpoint' },
    });
    // Known pages and API routes still answer as before.
    await t.http.get('/').expect(200);
    await t.http.get('/api/v1/selections').expect(200);
  });
});
