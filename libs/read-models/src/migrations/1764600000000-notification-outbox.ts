import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications projection: what it remembers of dossiers and selections to word a message, and
 * the outbox it writes in the projection's transaction. The outbox is not a disposable read model: it
 * records what was delivered, so a rebuild never empties it (its ids make a replay a no-op).
 */
export class NotificationOutbox1764600000000 implements MigrationInterface {
  name = 'NotificationOutbox1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rm_notification_dossiers (
        id text PRIMARY KEY,
        selection_id text NOT NULL,
        applicant_credit_code text NOT NULL,
        title text NOT NULL,
        submitted boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX rm_notification_dossiers_selection ON rm_notification_dossiers (selection_id)`);
    await runner.query(`
      CREATE TABLE rm_notification_selections (
        id text PRIMARY KEY,
        title text NOT NULL,
        submission_deadline_date text NOT NULL,
        review_deadline_date text,
        phase text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE notification_outbox (
        id text PRIMARY KEY,
        audience text NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        selection_id text,
        dossier_id text,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivery_status text NOT NULL DEFAULT 'pending' CHECK (delivery_status IN ('pending', 'sent', 'no-address', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        sent_to text
      )`);
    await runner.query(`CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE delivery_status = 'pending'`);
    await runner.query(`CREATE INDEX notification_outbox_audience ON notification_outbox (audience, occurred_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notification_outbox`);
    await runner.query(`DROP TABLE rm_notification_selections`);
    await runner.query(`DROP TABLE rm_notification_dossiers`);
  }
}
