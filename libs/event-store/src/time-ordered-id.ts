import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;
let lastMillis = 0;
let counter = 0;

function randomBytes8(): Buffer {
  if (poolOffset + 8 > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 8;
  return pool.subarray(poolOffset - 8, poolOffset);
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, 62 random bits. The ids a
 * process makes increase, so the event-id index takes them at its right edge instead of at random pages
 * (on the server a random v4 id cost a fifth of a 100-event append's time in that index and its probe).
 * Within one millisecond the counter orders them (started at a random value below half its range); when
 * it runs out, the timestamp moves on by one millisecond.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    counter = randomBytes8()[0] << 3;
  } else if (counter >= 0xfff) {
    lastMillis += 1;
    counter = 0;
  } else {
    counter += 1;
  }
  const random = randomBytes8();
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(lastMillis, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  random.copy(bytes, 8);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
