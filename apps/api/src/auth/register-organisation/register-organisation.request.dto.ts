import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class RegisterOrganisationRequest {
  @ApiProperty({ example: '91430100MA4L16JQ9B', description: '统一社会信用代码 (18 characters, GB 32100-2015 check digit)' })
  @IsString()
  @Length(18, 18, { message: 'creditCode must be the 18-character 统一社会信用代码' })
  creditCode!: string;

  @ApiProperty({ example: '长沙景嘉微电子股份有限公司' })
  @IsString()
  @Length(2, 100)
  name!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50)
  contactName!: string;

  @ApiProperty({ example: '0731-88888888' })
  @Matches(/^[0-9+\-() ]{7,20}$/, { message: 'contactPhone must be a phone number of 7-20 digits, spaces or + - ( )' })
  contactPhone!: string;

  @ApiProperty({ example: 'jingjiawei' })
  @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'username must be 3-40 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'a long passphrase', minLength: 10 })
  @IsString()
  @Length(10, 200, { message: 'password must be 10-200 characters' })
  password!: string;
}

export class RegisterOrganisationResponse {
  @ApiProperty() creditCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() username!: string;
}
