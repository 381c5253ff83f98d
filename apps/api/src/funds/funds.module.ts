import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { Organisation } from '../auth/organisation.entity';
import { UploadsModule } from '../dossiers/attachments/uploads.module';
import { FundDocumentStore } from './fund-documents/fund-document-store';
import { FundDocumentUploadInterceptor } from './fund-documents/fund-document-upload.interceptor';
import { FundDocumentsController } from './fund-documents/fund-documents.controller';
import { AllocateVouchersController } from './allocate-vouchers/allocate-vouchers.controller';
import { ApplyNationalGrantController } from './apply-national-grant/apply-national-grant.controller';
import { DecideNationalGrantController } from './decide-national-grant/decide-national-grant.controller';
import { VoucherTranchesController } from './issue-voucher-tranche/issue-voucher-tranche.controller';
import { OpenVoucherCallController } from './open-voucher-call/open-voucher-call.controller';
import { FundPlanController } from './fund-plan/fund-plan.controller';
import { ReadVoucherCallController } from './read-voucher-call/read-voucher-call.controller';
import { ReadFundLedgerController } from './read-fund-ledger/read-fund-ledger.controller';
import { ReadFundLinesController } from './read-fund-lines/read-fund-lines.controller';
import { RecordPolicyExtensionController } from './record-policy-extension/record-policy-extension.controller';
import { ReviewVoucherClaimController } from './review-voucher-claim/review-voucher-claim.controller';
import { FundPreviews } from './shared/fund-previews';
import { FundReads } from './shared/fund-reads';
import { FundMeasures } from './shared/measure-catalogue';
import { NationalGrantCommands } from './shared/national-grant-commands';
import { VoucherCommands } from './shared/voucher-commands';
import { SubmitVoucherClaimController } from './submit-voucher-claim/submit-voucher-claim.controller';

/** The rest of 附件5's money: 算力券, national-level grants, policy validity and the one fund ledger. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), UploadsModule],
  controllers: [
    OpenVoucherCallController,
    SubmitVoucherClaimController,
    ReviewVoucherClaimController,
    AllocateVouchersController,
    VoucherTranchesController,
    ApplyNationalGrantController,
    DecideNationalGrantController,
    RecordPolicyExtensionController,
    ReadFundLedgerController,
    FundPlanController,
    ReadVoucherCallController,
    FundDocumentsController,
    ReadFundLinesController,
  ],
  providers: [
    { provide: FundMeasures, inject: [APP_CONFIG], useFactory: (config: AppConfig) => FundMeasures.load(config.SEEDS_DIR) },
    VoucherCommands,
    NationalGrantCommands,
    FundReads,
    FundDocumentStore,
    FundDocumentUploadInterceptor,
    FundPreviews,
  ],
  exports: [FundMeasures, VoucherCommands, NationalGrantCommands, FundReads, FundDocumentStore, FundPreviews],
})
export class FundsModule {}
