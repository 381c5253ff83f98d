import { browserTestsRequired, findChromium, installLine, missingPackages } from './browser-requirements';

/** What a browser suite asks of the machine, and the line that says what to install. */
describe('browser suite requirements', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('given CHROMIUM_PATH names nothing executable, then Chromium is missing and the install line names the package', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(findChromium()).toBeUndefined();
    const missing = missingPackages({ chromium: true });
    expect(missing).toEqual(['chromium (CHROMIUM_PATH=/nonexistent/chromium is not executable)']);
    expect(installLine(missing)).toBe('apt-get install chromium');
  });

  it('given an empty PATH and no CHROMIUM_PATH, then Chromium, the CJK font and poppler are all missing', () => {
    delete process.env.CHROMIUM_PATH;
    process.env.PATH = '';
    expect(installLine(missingPackages({ chromium: true, cjkFont: true, poppler: true }))).toBe('apt-get install chromium fonts-wqy-zenhei poppler-utils');
  });

  it('requires the browser suites under CI=true or REQUIRE_BROWSER_TESTS=1, and skips them otherwise', () => {
    delete process.env.CI;
    delete process.env.REQUIRE_BROWSER_TESTS;
    expect(browserTestsRequired()).toBe(false);
    process.env.CI = 'true';
    expect(browserTestsRequired()).toBe(true);
    delete process.env.CI;
    process.env.REQUIRE_BROWSER_TESTS = '1';
    expect(browserTestsRequired()).toBe(true);
  });
});
