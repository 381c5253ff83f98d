import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ResetPasswordRequest {
  @ApiProperty({ example: 'a new long passphrase', minLength: 10 })
  @IsString()
  @Length(10, 200, { message: 'password must be 10-200 characters' })
  password!: string;
}

export class AccountActionResponse {
  @ApiProperty({ example: 'lisi' }) username!: string;
  @ApiProperty({ example: true, description: 'every token signed before now is refused from the next request on' })
  sessionsEnded!: boolean;
  @ApiPropertyOptional({ example: true, description: 'whether a sign-in lock was lifted' })
  lockLifted?: boolean;
}
