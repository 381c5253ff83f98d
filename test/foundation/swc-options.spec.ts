import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type SwcOptions = { jsc: Record<string, unknown>; module: { type: string } };
const { swcOptions } = createRequire(join(process.cwd(), 'package.json'))('./tools/swc-options.cjs') as { swcOptions(type: string): SwcOptions };

/** The build (.swcrc, JSON for the swc CLI) and what the tests run (tools/swc-options.cjs) compile alike. */
describe('one SWC configuration', () => {
  it('the build compiles TypeScript with the options the tests and benchmarks use', () => {
    const build = JSON.parse(readFileSync(join(process.cwd(), '.swcrc'), 'utf8')) as SwcOptions;
    const { baseUrl, paths, ...buildCompiler } = build.jsc;
    expect(buildCompiler).toEqual(swcOptions('commonjs').jsc);
    expect(baseUrl).toBe('./');
    expect(Object.keys(paths as object)).toContain('@app/domain');
    expect(build.module.type).toBe('commonjs');
  });

  it('gives ES modules to Jest and CommonJS, with import() kept, to plain Node', () => {
    expect(swcOptions('es6').module).toEqual({ type: 'es6' });
    expect(swcOptions('commonjs').module).toEqual({ type: 'commonjs', ignoreDynamic: true });
  });
});
