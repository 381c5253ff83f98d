import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { ChainAudit } from './chain-audit';
import { SelectionHistoryController } from './selection-history.controller';

/** The hash chain's head, verification and the auditors' export. */
@Module({
  controllers: [AuditController, SelectionHistoryController],
  providers: [ChainAudit],
  exports: [ChainAudit],
})
export class AuditModule {}
