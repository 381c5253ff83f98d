import { Global, Module } from '@nestjs/common';
import { ExportFormatInterceptor } from './export-format.interceptor';
import { ScoreSheetSource } from './score-sheets/score-sheet-source';
import { ScoreSheetsController } from './score-sheets/score-sheets.controller';
import { SelectionExports } from './selection-exports';

/** Global: the reads of every module declare `@ExportableAs(…)` and get their spreadsheet from here. */
@Global()
@Module({
  providers: [SelectionExports, ExportFormatInterceptor, ScoreSheetSource],
  controllers: [ScoreSheetsController],
  exports: [SelectionExports, ExportFormatInterceptor],
})
export class ExportsModule {}
