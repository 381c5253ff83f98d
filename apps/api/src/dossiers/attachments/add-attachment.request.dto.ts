import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The form fields beside the file part. */
export class AddAttachmentRequest {
  @ApiProperty({ example: 'application-form', description: 'attachment kind code of the programme rules' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  kind!: string;
}

/** How the multipart body looks, for OpenAPI. */
export class AddAttachmentForm extends AddAttachmentRequest {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG or JPEG' })
  file!: unknown;
}
