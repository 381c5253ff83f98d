import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each account wants its mail (kept beside the accounts, never in an event: an address is
 * personal data one may change or erase), what each account has read, and the reminder scheduler's tick.
 */
export class NotificationAddresses1764600100000 implements MigrationInterface {
  name = 'NotificationAddresses1764600100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notification_addresses (
        account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
        email text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE notification_reads (
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        notification_id text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, notification_id)
      )`);
    await runner.query(`
      CREATE TABLE reminder_ticks (
        name text PRIMARY KEY,
        last_tick_at timestamptz NOT NULL,
        last_day text NOT NULL,
        reminders_written integer NOT NULL DEFAULT 0
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reminder_ticks');
    await runner.query('DROP TABLE notification_reads');
    await runner.query('DROP TABLE notification_addresses');
  }
}
