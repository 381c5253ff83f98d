import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches, MaxLength } from 'class-validator';

export class RegisterExpertRequest {
  @ApiProperty({ example: '李明' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '中南大学' })
  @IsString()
  @Length(1, 200)
  organisationName!: string;

  @ApiProperty({ example: '12430000444885064T', description: '统一社会信用代码 of the expert\'s employer (checked by the domain)' })
  @IsString()
  @Length(18, 18, { message: 'organisationCreditCode must be 18 characters' })
  organisationCreditCode!: string;

  @ApiProperty({ example: ['AI+离散型制造', '算力芯片'], description: 'fields of expertise, matched against dossiers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  fields!: string[];

  @ApiProperty({ example: 'liming', description: 'sign-in name of the expert\'s account' })
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'an initial passphrase', description: 'initial password; the expert changes it later' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10-200 characters' })
  password!: string;
}

export class RegisteredExpertResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: 'liming' })
  username!: string;

  @ApiProperty({ example: '0', description: 'revision of the expert-{id} stream (the ETag)' })
  revision!: string;
}
