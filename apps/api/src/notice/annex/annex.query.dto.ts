import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DocumentFormat } from '@app/documents';
import type { AnnexDocumentKind } from './annex-documents';

export class AnnexQuery {
  @ApiPropertyOptional({ enum: ['txt', 'html', 'docx'], default: 'txt' })
  @IsOptional()
  @IsIn(['txt', 'html', 'docx'], { message: 'format must be txt, html or docx' })
  format?: DocumentFormat;

  @ApiPropertyOptional({
    enum: ['annex', 'award-list'],
    default: 'annex',
    description: 'annex: 附件1 / 2 / 4 layout (the money-only programmes answer with their award list); award-list: the amounts (money programmes)',
  })
  @IsOptional()
  @IsIn(['annex', 'award-list'], { message: 'document must be annex or award-list' })
  document?: AnnexDocumentKind;
}
