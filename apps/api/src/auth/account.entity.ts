import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@app/domain/shared/command-metadata';

export type AccountRole = Exclude<Role, 'public' | 'system'>;

/** A person who signs in. Organisations and experts are facts of the domain; accounts are how people reach them. */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: AccountRole;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** 统一社会信用代码 of the applicant organisation (applicants only). */
  @Column({ name: 'organisation_credit_code', type: 'text', nullable: true })
  organisationCreditCode!: string | null;

  /** The expert-{id} stream this account speaks for (experts only). */
  @Column({ name: 'expert_id', type: 'text', nullable: true })
  expertId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Tokens carry the version they were signed with; a bump ends every session of the account. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  /** Set while an expert account waits for its ExpertRegistered event: it cannot sign in until then. */
  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true })
  pendingSince!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
