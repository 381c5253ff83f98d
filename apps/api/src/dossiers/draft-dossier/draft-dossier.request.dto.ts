import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** The form of a new dossier; the programme's own rules (tiers, field codes, lengths) are checked by the domain. */
export class DraftDossierRequest {
  @ApiProperty({ example: '智慧港口无人巡检示范场景', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: 'XM-2026-0012', description: '项目编号, used by the non-duplication rule' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  projectCode?: string;

  @ApiProperty({ example: 'scenario', description: 'tier or category code of the programme' })
  @IsString()
  @IsNotEmpty()
  tier!: string;

  @ApiProperty({ example: { sceneName: '港口无人巡检', domain: 'AI+无人巡检' }, description: 'programme field code → text' })
  @IsObject()
  fields!: Record<string, string>;

  @ApiPropertyOptional({ example: 500000000, description: '申报投资额 in fen (money programmes)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  declaredInvestmentFen?: number;

  @ApiPropertyOptional({ type: [String], example: ['expert-7'], description: 'experts the applicant asks to exclude (at most 3)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  excludedExpertIds?: string[];
}
