import type { Browser } from 'playwright-core';
import { findChromium } from './find-chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

/** No Chromium to print with: the API answers 503 with this message. */
export class PdfPrinterUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `服务器暂时无法生成 PDF:${reason}。请管理员在服务器上安装 Chromium 浏览器和中文衬线字体(Debian/Ubuntu:apt-get install chromium fonts-noto-cjk;` +
        `Docker 镜像已自带),或设置 CHROMIUM_PATH;在此之前可下载同一文件的 DOCX 或 HTML 版本(format=docx / format=html)。`,
    );
    this.name = 'PdfPrinterUnavailableError';
  }
}

/**
 * Prints HTML to A4 PDF in headless Chromium (playwright-core), the same HTML the TXT and DOCX are laid
 * out from, with its print style sheet (GB/T 9704 margins, page numbers). One browser, started on the
 * first print and kept; a page per print. playwright-core is loaded on that first print too: it is about
 * 2 s of module loading that a server which never prints (and every test boot) should not pay.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly chromiumPath: string | undefined) {}

  /** Throws PdfPrinterUnavailableError when this server has no Chromium to print with. */
  requireAvailable(): string {
    const lookup = findChromium(this.chromiumPath);
    if (!lookup.found) throw new PdfPrinterUnavailableError(lookup.reason);
    return lookup.path;
  }

  async print(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.requireAvailable();
      this.browser = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }))
        .catch((error: unknown) => {
          this.browser = null;
          throw new PdfPrinterUnavailableError(`Chromium(${executablePath})无法启动:${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        });
    }
    return this.browser;
  }
}
