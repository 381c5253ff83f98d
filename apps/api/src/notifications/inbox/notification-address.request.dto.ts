import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength, ValidateIf } from 'class-validator';

export class NotificationAddressRequest {
  @ApiProperty({ example: 'zhangsan@example.cn', nullable: true, description: 'where notifications are mailed; null stops the mail (the inbox stays)' })
  @IsOptional()
  @ValidateIf((request: NotificationAddressRequest) => request.email !== null)
  @IsEmail({}, { message: 'email must be an e-mail address such as zhangsan@example.cn, or null to stop mail' })
  @MaxLength(254)
  email!: string | null;
}
