import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The form fields beside the file part. */
export class AddAttachmentRequest {
  @ApiProperty({ example: 'application-form', description: 'attachment kind code of the programme rules' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  kind!: string;

  @ApiPropertyOptional({ description: "the portal form's CSRF token, when the session cookie authenticates the upload (Bearer clients leave it out)" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  _csrf?: string;
}

/** How the multipart body looks, for OpenAPI. */
export class AddAttachmentForm extends AddAttachmentRequest {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG or JPEG' })
  file!: unknown;
}
