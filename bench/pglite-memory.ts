/** Where an embedded PGlite's memory goes: process memory before and after boot (npx tsx bench/pglite-memory.ts). */
import { startEmbeddedPostgres } from '@app/database';

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const show = (label: string) => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  console.log(`${label}: rss ${mib(rss)}, JS heap ${mib(heapUsed)}, external ${mib(external)} (ArrayBuffers incl. WASM memory ${mib(arrayBuffers)})`);
};

async function main(): Promise<void> {
  show('before PGlite');
  const embedded = await startEmbeddedPostgres();
  show('after boot');
  await embedded.stop();
  show('after stop');
}

void main();
