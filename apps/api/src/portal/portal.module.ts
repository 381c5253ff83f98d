import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../auth/account.entity';
import { AuthModule } from '../auth/auth.module';
import { Organisation } from '../auth/organisation.entity';
import { UploadsModule } from '../dossiers/attachments/uploads.module';
import { NoticeReads } from '../notice/shared/notice-reads';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReviewReads } from '../reviews/review-reads';
import { AuditModule } from '../audit/audit.module';
import { AdminAuditPagesController } from './admin-audit-pages.controller';
import { AdminIntegrityPageController } from './admin-integrity-page.controller';
import { FundsModule } from '../funds/funds.module';
import { AdminFundPagesController } from './admin-fund-pages.controller';
import { ApplicantFundPagesController } from './applicant-fund-pages.controller';
import { FundCallReads } from './fund-call-reads';
import { AdminDossierPageController } from './admin-dossier-page.controller';
import { AdminCalendarPageController } from './admin-calendar-page.controller';
import { AdminStagesPageController } from './admin-stages-page.controller';
import { RegisterPageController } from './register-page.controller';
import { AccountPagesController } from './account-pages.controller';
import { AdminExpertsPagesController } from './admin-experts-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { ApplicantPagesController } from './applicant-pages.controller';
import { ExpertPagesController } from './expert-pages.controller';
import { LoginPagesController } from './login-pages.controller';
import { NotFoundPageController } from './not-found-page.controller';
import { PortalViews } from './portal-views';
import { PublicPagesController } from './public-pages.controller';
import { StaleSessionMiddleware } from './stale-session.middleware';

/**
 * The web portal in Chinese, server-rendered: it sends the same commands over the CommandBus and reads
 * the same streams as the API controllers, so every rule stays in one place.
 */
@Module({
  imports: [WorkflowModule, AuthModule, AuditModule, UploadsModule, FundsModule, TypeOrmModule.forFeature([Account, Organisation])],
  providers: [PortalViews, NoticeReads, ReviewReads, FundCallReads],
  controllers: [
    PublicPagesController,
    LoginPagesController,
    ApplicantPagesController,
    ExpertPagesController,
    AdminPagesController,
    AdminExpertsPagesController,
    AdminAuditPagesController,
    AdminIntegrityPageController,
    AdminDossierPageController,
    AdminCalendarPageController,
    AdminStagesPageController,
    RegisterPageController,
    AccountPagesController,
    ApplicantFundPagesController,
    AdminFundPagesController,
    // Last: it answers every address the controllers above (and every module before this one) do not.
    NotFoundPageController,
  ],
})
export class PortalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StaleSessionMiddleware).forRoutes('{*path}');
  }
}
