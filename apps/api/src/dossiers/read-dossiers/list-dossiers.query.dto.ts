import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, DOSSIER_SORTS } from '@app/read-models';
import type { DossierSort } from '@app/read-models';

const STATUSES = ['draft', 'submitted', 'returned', 'passed', 'rejected', 'withdrawn', 'awarded', 'not-awarded'];
export const MAX_PAGE_SIZE = 500;

export class ListDossiersQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'scenario', description: 'tier or category code' })
  @IsOptional()
  @IsString()
  tier?: string;

  @ApiPropertyOptional({ example: '制造', description: 'part of the title, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: DOSSIER_SORTS, default: 'submittedAt', description: 'a leading "-" sorts descending' })
  @IsOptional()
  @IsIn(DOSSIER_SORTS, { message: `sort must be one of ${DOSSIER_SORTS.join(', ')}` })
  sort?: DossierSort;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}
