import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An applicant organisation, registered by itself with a checked 统一社会信用代码. */
@Entity('organisations')
export class Organisation {
  @PrimaryColumn({ name: 'credit_code', type: 'text' })
  creditCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone!: string;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
