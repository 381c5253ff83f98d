// node --import ./test/security/support/register-hooks.mjs child.ts — installs swc-loader.mjs.
import { register } from 'node:module';

register('./swc-loader.mjs', import.meta.url);
