import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** The admin's word on two dossiers whose project code and title point different ways (see 不重复享受 in the README). */
export class IdentityDeclarationRequest {
  @ApiProperty({ example: 'ds-1', description: 'a dossier on this award list' })
  @IsString()
  @Length(1, 200)
  dossierId!: string;

  @ApiProperty({ example: 'vm-7', description: 'the other candidate the refusal named: an earlier award of the applicant or another dossier on this list' })
  @IsString()
  @Length(1, 200)
  otherDossierId!: string;

  @ApiProperty({ description: 'true: the same project (不重复享受 applies); false: different projects' })
  @IsBoolean({ message: 'sameProject must be true or false' })
  sameProject!: boolean;
}

export class DecideAwardsRequest {
  @ApiPropertyOptional({
    type: [IdentityDeclarationRequest],
    description: 'Only after a 409 project-identity-unclear: one declaration per pair it listed in details.candidates',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IdentityDeclarationRequest)
  identityDeclarations?: IdentityDeclarationRequest[];
}
