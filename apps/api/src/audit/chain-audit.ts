import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { PostgresChainAuditor } from '@app/event-store';
import type { ChainHead, ChainVerification } from '@app/event-store';
import { refuse } from '@app/domain/shared/refusal';
import { APP_CONFIG, PG_POOL } from '@app/platform';
import type { AppConfig } from '@app/platform';

/** How often the API anchors settled commits into the global chain (the step appends never wait for). */
const ANCHOR_EVERY_MS = 60_000;
/** Days of published daily heads. */
const DAILY_HEADS = 14;

export interface PublishedHeads {
  readonly head: ChainHead | null;
  readonly daily: Array<{ day: string; head: ChainHead }>;
  readonly lastVerification: { checkedAt: string; intact: boolean; events: number } | null;
}

/**
 * The hash chain as the API uses it: anchoring in the background, the head and the daily heads for
 * anyone, verification for admins (the last result is kept for the portal). Only the PostgreSQL event
 * store carries the chain; with EVENT_STORE=kurrentdb the audit endpoints answer 409 audit-chain-unavailable.
 */
@Injectable()
export class ChainAudit implements OnModuleInit, OnModuleDestroy {
  private readonly auditor: PostgresChainAuditor | null;
  private last: ChainVerification | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(PG_POOL) pool: Pool, @Inject(APP_CONFIG) config: AppConfig) {
    this.auditor = config.EVENT_STORE === 'postgres' ? new PostgresChainAuditor(pool) : null;
  }

  onModuleInit(): void {
    if (!this.auditor) return;
    const auditor = this.auditor;
    this.timer = setInterval(() => void auditor.anchor().catch(() => undefined), ANCHOR_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get available(): boolean {
    return this.auditor !== null;
  }

  require(): PostgresChainAuditor {
    if (!this.auditor) {
      throw refuse('audit-chain-unavailable', 'the hash chain is kept by the PostgreSQL event store only (EVENT_STORE=postgres)', 'conflict');
    }
    return this.auditor;
  }

  async verify(): Promise<ChainVerification> {
    const report = await this.require().verify();
    this.last = report;
    return report;
  }

  lastVerification(): ChainVerification | null {
    return this.last;
  }

  /** What anyone may read; the background step (and every verification) keeps the head current. */
  async published(): Promise<PublishedHeads> {
    const auditor = this.require();
    const last = this.last;
    return {
      head: await auditor.head(),
      daily: await auditor.dailyHeads(DAILY_HEADS),
      lastVerification: last ? { checkedAt: last.checkedAt, intact: last.intact, events: last.events } : null,
    };
  }
}
