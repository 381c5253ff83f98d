import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule, PlatformOptions } from '@app/platform';
import { ReadModelsModule } from '@app/read-models';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { PdfModule } from './pdf/pdf.module';
import { RequestStampMiddleware } from './http/request-stamp.middleware';
import { DossiersModule } from './dossiers/dossiers.module';
import { FundsModule } from './funds/funds.module';
import { FutureScenariosModule } from './future-scenarios/future-scenarios.module';
import { NoticeModule } from './notice/notice.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PortalModule } from './portal/portal.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SelectionsModule } from './selections/selections.module';
import { WorkflowModule } from './workflow/workflow.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), CqrsModule.forRoot(), ReadModelsModule.forRoot(), WorkflowModule, AuthModule, HealthModule, SelectionsModule, DossiersModule, ReviewsModule, NoticeModule, FutureScenariosModule, FundsModule, NotificationsModule, ExportsModule, PdfModule, AuditModule,
        // Last: its catch-all Chinese 404 page must come after every other route.
        PortalModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestStampMiddleware).forRoutes('{*path}');
  }
}
