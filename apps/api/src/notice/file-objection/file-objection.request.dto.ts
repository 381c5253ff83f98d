import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** 异议 are filed under a real name with a way to reach the person (实名), never anonymously. */
export class FileObjectionRequest {
  @ApiProperty({ description: 'a dossier on the notice' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  dossierId!: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: 'zhangwei@example.cn', description: 'a phone number or an e-mail address' })
  @IsString()
  @Matches(/^(?:\+?[0-9][0-9 -]{6,19}|[^\s@]+@[^\s@]+\.[^\s@]+)$/, { message: 'contact must be a phone number or an e-mail address' })
  @MaxLength(100)
  contact!: string;

  @ApiPropertyOptional({ example: '长沙某科技有限公司' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  organisation?: string;

  @ApiProperty({ example: '申报材料中应用成效数据与实际不符' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  reason!: string;
}

/** How the multipart body looks, for OpenAPI. */
export class FileObjectionForm extends FileObjectionRequest {
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'up to 5 evidence files: PDF, PNG or JPEG, 10 MB each' })
  evidence?: unknown;
}
