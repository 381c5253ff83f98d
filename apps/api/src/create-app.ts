import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PlatformOptions } from '@app/platform';
import { READ_MODELS_SCHEMA } from '@app/read-models';
import { AppModule } from './app.module';
import { ACCOUNTS_SCHEMA } from './auth/accounts.schema';
import { ErrorFilter } from './http/error.filter';
import { NOTIFICATIONS_SCHEMA } from './notifications/notifications.schema';
import { createValidationPipe } from './http/validation';

/** The API's own tables, migrated before it starts (the event store's come with prepareDatabase). */
export const API_SCHEMAS = [ACCOUNTS_SCHEMA, READ_MODELS_SCHEMA, NOTIFICATIONS_SCHEMA];

/** Builds the HTTP app on an opened database: used by main.ts and by the end-to-end suites. */
export async function createApp(options: PlatformOptions, logger: false | Logger = new Logger('api')): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: logger === false ? false : undefined,
    bodyParser: false,
  });
  // JSON bodies up to 1 MiB; attachments go through their own streaming upload endpoint.
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('湖南省“人工智能+”年度评选系统 API')
      .setDescription('Calls, dossiers, expert review, public notice, objections and awards of the AI+ selections.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
