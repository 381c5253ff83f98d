import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DOCUMENT_ID = /^[A-Za-z0-9-]{1,80}$/;

export class ApprovalDocumentRequest {
  @ApiProperty({ example: '国科发〔2026〕1号' })
  @IsString()
  @Length(1, 100)
  documentNo!: string;

  @ApiProperty({ example: '科学技术部' })
  @IsString()
  @Length(1, 100)
  issuer!: string;

  @ApiProperty({ example: '2026-01-15' })
  @Matches(DATE, { message: 'approvedOn 须为 YYYY-MM-DD' })
  approvedOn!: string;

  @ApiProperty({ description: 'documentId of the uploaded approval document (POST /api/v1/fund-documents, kind approval-document)' })
  @Matches(DOCUMENT_ID, { message: 'documentId 须为上传认定文件时返回的 documentId' })
  documentId!: string;
}

export class DeclaredSupportRequest {
  @ApiProperty({ example: '湘财教〔2026〕3号' })
  @IsString()
  @Length(1, 100)
  documentNo!: string;

  @ApiProperty({ example: '省科技创新平台建设专项' })
  @IsString()
  @Length(1, 200)
  measureName!: string;

  @ApiProperty({ description: '已获支持金额(分)' })
  @IsInt()
  @Min(1)
  paidFen!: number;

  @ApiProperty({ example: '2026-02-01' })
  @Matches(DATE, { message: 'receivedOn 须为 YYYY-MM-DD' })
  receivedOn!: string;

  @ApiProperty({ description: 'documentId of the uploaded support document (POST /api/v1/fund-documents, kind support-document)' })
  @Matches(DOCUMENT_ID, { message: 'documentId 须为上传支持文件时返回的 documentId' })
  documentId!: string;
}

export class ProjectRequest {
  @ApiPropertyOptional({ example: 'GJPT-2026-01' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  projectCode?: string;

  @ApiProperty({ example: '湖南智能计算国家工程研究中心' })
  @IsString()
  @Length(1, 200)
  title!: string;
}

export class ApplyNationalGrantRequest {
  @ApiProperty({ example: 'ng-2026-001' })
  @Matches(/^[A-Za-z0-9-]{1,80}$/, { message: 'applicationId 只能包含字母、数字和连字符' })
  applicationId!: string;

  @ApiProperty({ enum: ['national-platform', 'national-champion'] })
  @IsIn(['national-platform', 'national-champion'], { message: 'measure 须为 national-platform 或 national-champion' })
  measure!: 'national-platform' | 'national-champion';

  @ApiProperty({ type: ProjectRequest })
  @IsDefined({ message: '请填写申请支持的项目(project)' })
  @ValidateNested()
  @Type(() => ProjectRequest)
  project!: ProjectRequest;

  @ApiProperty({ type: ApprovalDocumentRequest })
  @IsDefined({ message: '请附上国家级认定的批准文件(approvalDocument)' })
  @ValidateNested()
  @Type(() => ApprovalDocumentRequest)
  approvalDocument!: ApprovalDocumentRequest;

  @ApiPropertyOptional({ type: [DeclaredSupportRequest], description: '同一项目已获的我省其他同类支持' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DeclaredSupportRequest)
  declaredSupport?: DeclaredSupportRequest[];
}
