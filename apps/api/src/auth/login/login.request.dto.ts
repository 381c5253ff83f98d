import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'JWT to send as "Authorization: Bearer <token>"' })
  accessToken!: string;

  @ApiProperty({ enum: ['admin', 'expert', 'applicant'] })
  role!: string;

  @ApiProperty({ example: '8h' })
  expiresIn!: string;
}
