import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PlatformOptions } from '@app/platform';
import { AppModule } from './app.module';

/** Builds the HTTP app on an opened database: used by main.ts and by the end-to-end suites. */
export async function createApp(options: PlatformOptions, logger: false | Logger = new Logger('api')): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options), { logger: logger === false ? false : undefined });
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
