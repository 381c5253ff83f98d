import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';

/** Only the fields sent change; a field set to "" is cleared; projectCode and declaredInvestmentFen may be null. */
export class EditDossierRequest {
  @ApiPropertyOptional({ example: '智慧港口无人巡检示范场景(补正)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ nullable: true, example: 'XM-2026-0012' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(64)
  projectCode?: string | null;

  @ApiPropertyOptional({ example: 'scenario' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  tier?: string;

  @ApiPropertyOptional({ example: { description: '……' }, description: 'fields to set; "" clears a field' })
  @IsOptional()
  @IsObject()
  fields?: Record<string, string>;

  @ApiPropertyOptional({ nullable: true, example: 500000000, description: '申报投资额 in fen' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(1)
  declaredInvestmentFen?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  excludedExpertIds?: string[];
}
