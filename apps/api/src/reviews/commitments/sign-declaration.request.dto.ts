import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignDeclarationRequest {
  @ApiProperty({ example: '默认文本-1', description: 'the version of the declaration the expert read (GET …/declaration)' })
  @IsString()
  @Length(1, 30)
  version!: string;
}

export class SignatureResponse {
  @ApiProperty({ example: '默认文本-1' })
  version!: string;

  @ApiProperty({ example: '2026-04-16T02:00:00.000Z' })
  signedAt!: string;
}

export class DeclarationResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: '默认文本-1', description: 'the version in force; send it back to sign' })
  version!: string;

  @ApiProperty({ example: ['本人承诺:严格遵守评审纪律……'], type: [String] })
  paragraphs!: string[];

  @ApiProperty({ type: SignatureResponse, nullable: true, description: "the signed-in expert's signature (null before he signs, and for an admin)" })
  signature!: SignatureResponse | null;
}
