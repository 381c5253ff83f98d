import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DocumentFormat } from '@app/documents';

export class FundPlanQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year 须为四位年份' })
  @Min(2025)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: ['txt', 'html', 'docx'], default: 'txt' })
  @IsOptional()
  @IsIn(['txt', 'html', 'docx'], { message: 'format must be txt, html or docx' })
  format?: DocumentFormat;
}
