import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class StartNoticeRequest {
  @ApiPropertyOptional({ example: '2026-09-29', description: 'first day (Asia/Shanghai); default today; moved to the next working day when it is not one' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date as YYYY-MM-DD' })
  startsOn?: string;
}
