import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/** The process's settings, from the environment; checked once at boot so a bad value fails loudly. */
export class AppConfig {
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  @Type(() => Number)
  PORT: number = 3000;

  @IsString()
  @IsNotEmpty({ message: 'DATA_DIR must name a folder for the embedded database' })
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a PostgreSQL connection string such as postgresql://user@host:5432/db',
  })
  DATABASE_URL?: string;

  @IsIn(['postgres', 'kurrentdb'], { message: 'EVENT_STORE must be "postgres" (default) or "kurrentdb"' })
  EVENT_STORE: 'postgres' | 'kurrentdb' = 'postgres';

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'kurrentdb' || config.KURRENTDB_URL !== undefined)
  @Matches(/^(kurrentdb|kdb|esdb|eventstore)(\+discover)?:\/\/\S+$/, {
    message: 'KURRENTDB_URL must be set when EVENT_STORE=kurrentdb, as kurrentdb://host:2113?tls=false',
  })
  KURRENTDB_URL?: string;

  @IsIn(['in-process', 'external'], { message: 'PROJECTOR must be "in-process" (default) or "external" (apps/projector runs it)' })
  PROJECTOR: 'in-process' | 'external' = 'in-process';

  @IsInt({ message: 'PROJECTION_WAIT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'PROJECTION_WAIT_MS must be 0 or more' })
  @Max(60000, { message: 'PROJECTION_WAIT_MS must be at most 60000' })
  @Type(() => Number)
  /** How long a command waits for the projector to pass its position before answering anyway. */
  PROJECTION_WAIT_MS: number = 5000;

  // argon2id cost. The defaults are the argon2 library's (64 MiB, 3 passes, 4 lanes); the floor is
  // OWASP's minimum configuration (19 MiB, 2 passes), which the test suites use to spend less time hashing.
  @IsInt({ message: 'PASSWORD_HASH_MEMORY_KIB must be a whole number of KiB' })
  @Min(19456, { message: 'PASSWORD_HASH_MEMORY_KIB must be at least 19456 (19 MiB, OWASP minimum for argon2id)' })
  @Max(4194304, { message: 'PASSWORD_HASH_MEMORY_KIB must be at most 4194304 (4 GiB)' })
  @Type(() => Number)
  PASSWORD_HASH_MEMORY_KIB: number = 65536;

  @IsInt({ message: 'PASSWORD_HASH_TIME_COST must be a whole number of passes' })
  @Min(2, { message: 'PASSWORD_HASH_TIME_COST must be at least 2 (OWASP minimum with 19 MiB)' })
  @Max(20, { message: 'PASSWORD_HASH_TIME_COST must be at most 20' })
  @Type(() => Number)
  PASSWORD_HASH_TIME_COST: number = 3;

  @IsInt({ message: 'PASSWORD_HASH_PARALLELISM must be a whole number of lanes' })
  @Min(1, { message: 'PASSWORD_HASH_PARALLELISM must be between 1 and 16' })
  @Max(16, { message: 'PASSWORD_HASH_PARALLELISM must be between 1 and 16' })
  @Type(() => Number)
  PASSWORD_HASH_PARALLELISM: number = 4;

  @IsString()
  @IsNotEmpty({ message: 'SEEDS_DIR must name the folder holding programmes/ and calendar/' })
  SEEDS_DIR: string = './seeds';

  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (unset: one is generated and kept in DATA_DIR)' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must be a duration such as 30m, 8h or 7d' })
  JWT_EXPIRES_IN: string = '8h';

  // Security limits (README, "Security"): sign-in throttling, body sizes, sessions.

  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_ACCOUNT must be a whole number' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_ACCOUNT must be at least 1' })
  @Type(() => Number)
  /** Failed sign-ins of one username within LOGIN_WINDOW_SECONDS before it is locked. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 10;

  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_ADDRESS must be a whole number' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_ADDRESS must be at least 1' })
  @Type(() => Number)
  /** Failed sign-ins from one client address within LOGIN_WINDOW_SECONDS before it is locked. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: number = 50;

  @IsInt({ message: 'LOGIN_WINDOW_SECONDS must be a whole number' })
  @Min(1, { message: 'LOGIN_WINDOW_SECONDS must be at least 1' })
  @Type(() => Number)
  LOGIN_WINDOW_SECONDS: number = 900;

  @IsInt({ message: 'LOGIN_LOCKOUT_SECONDS must be a whole number' })
  @Min(1, { message: 'LOGIN_LOCKOUT_SECONDS must be at least 1' })
  @Type(() => Number)
  /** How long a locked username or address stays locked (an admin can lift it earlier). */
  LOGIN_LOCKOUT_SECONDS: number = 900;

  @IsInt({ message: 'REGISTRATIONS_PER_ADDRESS_PER_HOUR must be a whole number' })
  @Min(1, { message: 'REGISTRATIONS_PER_ADDRESS_PER_HOUR must be at least 1' })
  @Type(() => Number)
  /** Self-registrations of organisations from one client address per hour. */
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: number = 20;

  @IsInt({ message: 'BODY_LIMIT_BYTES must be a whole number of bytes' })
  @Min(1024, { message: 'BODY_LIMIT_BYTES must be at least 1024' })
  @Type(() => Number)
  /** Largest JSON or form body (attachments have their own limit from the programme rules). */
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  @IsInt({ message: 'BODY_MAX_DEPTH must be a whole number' })
  @Min(2, { message: 'BODY_MAX_DEPTH must be at least 2' })
  @Max(256, { message: 'BODY_MAX_DEPTH must be at most 256' })
  @Type(() => Number)
  /** Deepest nesting of arrays and objects a JSON body may have. */
  BODY_MAX_DEPTH: number = 16;

  @IsInt({ message: 'ACCOUNT_CACHE_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'ACCOUNT_CACHE_MS must be 0 or more' })
  @Max(60000, { message: 'ACCOUNT_CACHE_MS must be at most 60000' })
  @Type(() => Number)
  /** How long a checked account (exists, active, token version) is trusted before it is read again. */
  ACCOUNT_CACHE_MS: number = 5000;

  @IsOptional()
  @Matches(/^(true|false|loopback|\d+|[0-9a-fA-F.:/, ]+)$/, { message: 'TRUST_PROXY must be true, false, loopback, a hop count or addresses (express "trust proxy")' })
  /** Express "trust proxy": set it behind a reverse proxy so client addresses and HTTPS are seen. */
  TRUST_PROXY?: string;
  @IsOptional()
  @IsString()
  /** Chromium for PDF; unset: chromium, chromium-browser or google-chrome on PATH. */
  CHROMIUM_PATH?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an SMTP server such as smtp://user:pass@mail.example.cn:587 or smtps://…:465' })
  /** Where notifications are mailed; unset: mail is off and notifications show in the portal inbox only. */
  SMTP_URL?: string;

  @Matches(/^\S+@\S+$|^.+<\S+@\S+>$/, { message: 'MAIL_FROM must be an address such as "评选系统 <noreply@example.cn>"' })
  MAIL_FROM: string = '湖南省人工智能+评选系统 <noreply@ai-plus.localhost>';

  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be the portal address people open, such as https://pingxuan.example.cn' })
  /** The portal's address as mail recipients reach it: links in notifications start with it. */
  PUBLIC_URL: string = 'http://localhost:3000';

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'MAIL_NOT_BEFORE must be an instant such as 2026-12-01T00:00:00+08:00' })
  /** Notifications of events before this instant are not mailed (the inbox keeps them): for a first start on a history. */
  MAIL_NOT_BEFORE?: string;

  @IsInt({ message: 'MAIL_POLL_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'MAIL_POLL_MS must be 0 (no automatic delivery) or more' })
  @Type(() => Number)
  /** How often the delivery worker looks for due mail; 0 delivers only when asked (tests). */
  MAIL_POLL_MS: number = 2000;

  @IsInt({ message: 'MAIL_CLAIM_LEASE_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'MAIL_CLAIM_LEASE_MS must be 0 or more' })
  @Type(() => Number)
  /** How long a worker that claimed a mail keeps it before another retries it (a crash mid-send resends after it). */
  MAIL_CLAIM_LEASE_MS: number = 300000;

  @IsInt({ message: 'REMINDER_TICK_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'REMINDER_TICK_MS must be 0 (no automatic reminders) or more' })
  @Type(() => Number)
  /** How often the reminder scheduler looks at the clock; 0 ticks only when asked (tests). */
  REMINDER_TICK_MS: number = 60000;

  @ValidateIf((config: AppConfig) => config.ADMIN_PASSWORD !== undefined || config.ADMIN_USERNAME !== undefined)
  @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'ADMIN_USERNAME must be 3-40 letters, digits, dots, dashes or underscores, set together with ADMIN_PASSWORD' })
  ADMIN_USERNAME?: string;

  @ValidateIf((config: AppConfig) => config.ADMIN_PASSWORD !== undefined || config.ADMIN_USERNAME !== undefined)
  @IsString({ message: 'ADMIN_PASSWORD must be set together with ADMIN_USERNAME' })
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;
}

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/** Validates environment variables; unknown variables are ignored, empty ones count as unset. */
export function loadAppConfig(environment: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([key, value]) => CONFIG_KEYS.has(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) =>
      Object.values(error.constraints ?? {}).map((message) => `${message} (got ${SECRET_KEYS.has(error.property) ? 'a hidden value' : JSON.stringify(environment[error.property])})`),
    );
    throw new InvalidConfigurationError([...new Set(problems)]);
  }
  return config;
}

const SECRET_KEYS = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'SMTP_URL']);
const CONFIG_KEYS = new Set(
  Object.keys(new AppConfig()).concat(['DATABASE_URL', 'KURRENTDB_URL', 'JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'TRUST_PROXY', 'SMTP_URL', 'CHROMIUM_PATH', 'MAIL_NOT_BEFORE']),
);
