import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';

const STATUSES = ['draft', 'submitted', 'returned', 'passed', 'rejected', 'withdrawn', 'awarded', 'not-awarded'];

export class ListDossiersQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'scenario', description: 'tier or category code' })
  @IsOptional()
  @IsString()
  tier?: string;
}
