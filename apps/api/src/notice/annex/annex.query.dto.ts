import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DocumentFormat } from '@app/documents';
import type { AnnexDocumentKind } from './annex-documents';

export class AnnexQuery {
  @ApiPropertyOptional({ enum: ['txt', 'html', 'docx', 'pdf'], default: 'txt', description: 'pdf: the HTML printed by headless Chromium (503 where the server has none)' })
  @IsOptional()
  @IsIn(['txt', 'html', 'docx', 'pdf'], { message: 'format must be txt, html, docx or pdf' })
  format?: DocumentFormat | 'pdf';

  @ApiPropertyOptional({
    enum: ['annex', 'award-list'],
    default: 'annex',
    description: 'annex: 附件1 / 2 / 4 layout (the money-only programmes answer with their award list); award-list: the amounts (money programmes)',
  })
  @IsOptional()
  @IsIn(['annex', 'award-list'], { message: 'document must be annex or award-list' })
  document?: AnnexDocumentKind;
}
