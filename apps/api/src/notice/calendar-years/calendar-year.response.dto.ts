import { ApiProperty } from '@nestjs/swagger';

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04' }) source!: string;
  @ApiProperty({ enum: ['seed', 'loaded'], description: 'shipped in seeds/calendar, or loaded by an admin' }) origin!: 'seed' | 'loaded';
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty({ type: [String] }) makeUpWorkdays!: string[];
}
