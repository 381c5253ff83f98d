import { Module } from '@nestjs/common';

/** Dossiers: draft, edit, attachments, submit, withdraw, formal review. */
@Module({
  controllers: [],
  providers: [],
})
export class DossiersModule {}
