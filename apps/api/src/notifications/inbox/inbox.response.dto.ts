import { ApiProperty } from '@nestjs/swagger';

export class InboxItemResponse {
  @ApiProperty({ description: 'stable per event and recipient: also the idempotency key of its mail' })
  id!: string;

  @ApiProperty({ example: 'dossier-returned', enum: ['dossier-returned', 'dossier-rejected', 'defence-scheduled', 'expert-assigned', 'objection-received', 'objection-resolved', 'results-published', 'scores-missing', 'submission-deadline'] })
  kind!: string;

  @ApiProperty({ example: '【补正通知】《轨道交通装备柔性制造》请于2026-04-10前补正' })
  subject!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ example: '/applicant/dossiers/0b7e…', description: 'portal path the notification is about' })
  link!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty()
  read!: boolean;
}

export class InboxResponse {
  @ApiProperty({ example: 3 })
  unread!: number;

  @ApiProperty({ example: 5 })
  total!: number;

  @ApiProperty({ type: [InboxItemResponse], description: 'newest first, at most 50' })
  items!: InboxItemResponse[];
}

export class NotificationAddressResponse {
  @ApiProperty({ example: 'zhangsan@example.cn', nullable: true })
  email!: string | null;

  @ApiProperty({ description: 'false when the server has no SMTP_URL: notifications show in the inbox only' })
  mailIsOn!: boolean;
}
