import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PlatformOptions } from '@app/platform';
import { READ_MODELS_SCHEMA } from '@app/read-models';
import { AppModule } from './app.module';
import { ACCOUNTS_SCHEMA } from './auth/accounts.schema';
import cookieParser from 'cookie-parser';
import { CsrfProtection } from './auth/csrf-protection';
import { ErrorFilter } from './http/error.filter';
import { inputGuard } from './http/input-guard';
import { securityHeaders } from './http/security-headers';
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
  const { config } = options;
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxyOf(config.TRUST_PROXY));
  app.disable('x-powered-by');
  // Order matters: headers on every answer, errors included; then the bodies (BODY_LIMIT_BYTES, one
  // JSON or form body; attachments stream through their own upload endpoint); then the one input
  // check (NUL, unpaired surrogates, depth, number range); then CSRF.
  app.use(securityHeaders());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT_BYTES, extended: false });
  app.use(inputGuard({ maxDepth: config.BODY_MAX_DEPTH }));
  app.use(app.get(CsrfProtection).middleware());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
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

/** TRUST_PROXY as Express reads "trust proxy": a boolean, a hop count, or names and addresses. */
function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
