import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { PdfPrinter, findChromium } from '@app/documents';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';

@Injectable()
class PdfPrinterLifecycle implements OnApplicationShutdown {
  constructor(private readonly printer: PdfPrinter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.printer.close();
  }
}

/** The PDF printer (headless Chromium), shared by every download that offers format=pdf. */
@Global()
@Module({
  providers: [
    {
      provide: PdfPrinter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const lookup = findChromium(config.CHROMIUM_PATH);
        const logger = new Logger('pdf');
        if (lookup.found) logger.log(`PDF downloads print with ${lookup.path}`);
        else logger.warn(`PDF downloads answer 503: ${lookup.reason}`);
        return new PdfPrinter(config.CHROMIUM_PATH);
      },
    },
    PdfPrinterLifecycle,
  ],
  exports: [PdfPrinter],
})
export class PdfModule {}
