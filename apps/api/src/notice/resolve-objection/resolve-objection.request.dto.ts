import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class ResolveObjectionRequest {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'upheld: the dossier leaves the list and the next reserve of its tier moves up (递补)' })
  @IsIn(['upheld', 'dismissed'], { message: 'outcome must be upheld or dismissed' })
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty({ example: '经核查属实' })
  @IsString()
  @MinLength(2)
  @MaxLength(5000)
  finding!: string;
}
