import { ServiceUnavailableException } from '@nestjs/common';
import { PdfPrinter, PdfPrinterUnavailableError } from '@app/documents';
import type { RenderedDocument } from '@app/documents';

/** 503 in Chinese, naming what the server lacks, when it has no Chromium. */
export function requirePrinter(printer: PdfPrinter): void {
  try {
    printer.requireAvailable();
  } catch (error) {
    if (error instanceof PdfPrinterUnavailableError) throw new ServiceUnavailableException(error.message);
    throw error;
  }
}

/** The HTML rendering of a document printed to PDF, named like it. */
export async function printHtmlDocument(printer: PdfPrinter, html: RenderedDocument): Promise<RenderedDocument> {
  try {
    const body = await printer.print(String(html.body));
    return { contentType: 'application/pdf', fileName: html.fileName.replace(/\.html$/, '.pdf'), body };
  } catch (error) {
    if (error instanceof PdfPrinterUnavailableError) throw new ServiceUnavailableException(error.message);
    throw error;
  }
}
