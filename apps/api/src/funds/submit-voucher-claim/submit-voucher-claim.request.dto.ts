import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

export class ComputeInvoiceRequest {
  @ApiProperty({ example: '044002600111' })
  @IsString()
  @Length(1, 60)
  invoiceNo!: string;

  @ApiProperty({ example: '国家超级计算长沙中心' })
  @IsString()
  @Length(1, 200)
  provider!: string;

  @ApiProperty({ description: '发票金额(分)', example: 2_000_000_00 })
  @IsInt({ message: 'amountFen 须为整数分' })
  @Min(1)
  amountFen!: number;

  @ApiProperty({ example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodFrom 须为 YYYY-MM-DD' })
  periodFrom!: string;

  @ApiProperty({ example: '2026-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodTo 须为 YYYY-MM-DD' })
  periodTo!: string;
}

export class SubmitVoucherClaimRequest {
  @ApiProperty({ example: 'claim-91430100MA4L16JQ0H' })
  @Matches(/^[A-Za-z0-9-]{1,80}$/, { message: 'claimId 只能包含字母、数字和连字符' })
  claimId!: string;

  @ApiProperty({ type: [ComputeInvoiceRequest] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少填写一张算力服务发票' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ComputeInvoiceRequest)
  invoices!: ComputeInvoiceRequest[];

  @ApiProperty({ type: [String], description: 'documentId of each uploaded file (POST /api/v1/fund-documents): 算力服务发票, 算力服务合同, 诚信承诺书' })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9-]{1,80}$/, { each: true, message: 'documentIds 须为上传文件时返回的 documentId' })
  documentIds!: string[];
}
