import { InvalidConfigurationError, loadAppConfig } from './app-config';

describe('configuration from the environment', () => {
  it('falls back to the embedded defaults when nothing is set', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', EVENT_STORE: 'postgres' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads the port as a number and keeps a PostgreSQL url', () => {
    const config = loadAppConfig({ PORT: '8080', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', HOME: '/root' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses a port that is not a number, naming the variable and the value', () => {
    expect(() => loadAppConfig({ PORT: 'eighty' })).toThrow(InvalidConfigurationError);
    expect(() => loadAppConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number \(got "eighty"\)/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadAppConfig({ PORT: '70000' })).toThrow(/PORT must be between 1 and 65535 \(got "70000"\)/);
  });

  it('refuses a database url that is not PostgreSQL', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://root@localhost/db' })).toThrow(/DATABASE_URL must be a PostgreSQL connection string/);
  });

  it('requires KURRENTDB_URL when EVENT_STORE=kurrentdb', () => {
    expect(() => loadAppConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL must be set when EVENT_STORE=kurrentdb/);
    expect(loadAppConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' }).EVENT_STORE).toBe('kurrentdb');
  });

  it('runs the projector in-process and waits up to 5 s for it unless told otherwise', () => {
    expect(loadAppConfig({})).toMatchObject({ PROJECTOR: 'in-process', PROJECTION_WAIT_MS: 5000 });
    expect(loadAppConfig({ PROJECTOR: 'external', PROJECTION_WAIT_MS: '250' })).toMatchObject({ PROJECTOR: 'external', PROJECTION_WAIT_MS: 250 });
    expect(() => loadAppConfig({ PROJECTOR: 'elsewhere' })).toThrow(/PROJECTOR must be "in-process" \(default\) or "external"/);
    expect(() => loadAppConfig({ PROJECTION_WAIT_MS: 'soon' })).toThrow(/PROJECTION_WAIT_MS must be a whole number/);
  });

  it('refuses an unknown event store', () => {
    expect(() => loadAppConfig({ EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE must be "postgres" \(default\) or "kurrentdb" \(got "mongo"\)/);
  });

  it('never echoes a secret in its message', () => {
    expect(() => loadAppConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD must be at least 12 characters \(got a hidden value\)/);
  });

  it('refuses an admin password without a username', () => {
    expect(() => loadAppConfig({ ADMIN_PASSWORD: 'long-enough-password' })).toThrow(/ADMIN_USERNAME must be/);
  });
});
