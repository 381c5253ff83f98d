import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FundLedgerReadModel, ReviewOutcomeReadModel, SelectionReadModel } from '@app/read-models';
import type { FundLineFilter } from '@app/read-models';
import type { ExportTable } from './export-table';
import { awardsExport } from './sources/awards.export';
import { dossiersExport } from './sources/dossiers.export';
import { fundLedgerExport } from './sources/fund-ledger.export';
import { objectionsExport } from './sources/objections.export';
import { reviewProgressExport } from './sources/review-progress.export';
import { scoreboardExport } from './sources/scoreboard.export';

export const EXPORT_KINDS = ['dossiers', 'review-progress', 'scoreboard', 'objections', 'awards', 'fund-ledger'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The tables an admin downloads from a selection, each read from the read models. */
@Injectable()
export class SelectionExports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
    private readonly funds: FundLedgerReadModel,
  ) {}

  /** The fund ledger's lines, filtered as GET /funds/ledger filters them. */
  fundLedger(filter: FundLineFilter): ExportTable {
    return fundLedgerExport(this.funds, filter);
  }

  /** 404 for an unknown selection; 409 for a table that does not exist yet (scoreboard before review closed). */
  async table(kind: Exclude<ExportKind, 'fund-ledger'>, selectionId: string): Promise<ExportTable> {
    const { selection } = await this.selections.require(selectionId);
    switch (kind) {
      case 'dossiers':
        return dossiersExport(this.dataSource, selection);
      case 'review-progress':
        return reviewProgressExport(this.dataSource, selection);
      case 'scoreboard':
        return scoreboardExport(this.dataSource, selection);
      case 'objections':
        return objectionsExport(this.outcomes, selection);
      case 'awards':
        return awardsExport(this.dataSource, this.outcomes, selection);
    }
  }
}
