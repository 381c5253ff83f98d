import { Global, Module } from '@nestjs/common';
import { ExportFormatInterceptor } from './export-format.interceptor';
import { SelectionExports } from './selection-exports';

/** Global: the reads of every module declare `@ExportableAs(…)` and get their spreadsheet from here. */
@Global()
@Module({
  providers: [SelectionExports, ExportFormatInterceptor],
  exports: [SelectionExports, ExportFormatInterceptor],
})
export class ExportsModule {}
