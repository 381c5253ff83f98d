import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DocumentFormat } from '@app/documents';

export class FutureScenariosAnnexQuery {
  @ApiPropertyOptional({ enum: ['txt', 'html', 'docx'], default: 'txt' })
  @IsOptional()
  @IsIn(['txt', 'html', 'docx'], { message: 'format must be txt, html or docx' })
  format?: DocumentFormat;
}
