import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DocumentFormat } from '@app/documents';

export class FutureScenariosAnnexQuery {
  @ApiPropertyOptional({ enum: ['txt', 'html', 'docx', 'pdf'], default: 'txt', description: 'pdf: the HTML printed by headless Chromium (503 where the server has none)' })
  @IsOptional()
  @IsIn(['txt', 'html', 'docx', 'pdf'], { message: 'format must be txt, html, docx or pdf' })
  format?: DocumentFormat | 'pdf';
}
