import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ScoreSheetQuery {
  @ApiPropertyOptional({ enum: ['docx', 'pdf', 'html'], default: 'docx', description: 'pdf: printed by headless Chromium (503 where the server has none)' })
  @IsOptional()
  @IsIn(['docx', 'pdf', 'html'], { message: 'format must be docx, pdf or html' })
  format?: 'docx' | 'pdf' | 'html';
}
