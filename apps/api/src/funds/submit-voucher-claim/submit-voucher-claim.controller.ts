import { Body, Controller, ForbiddenException, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Repository } from 'typeorm';
import { Roles } from '../../auth/access.decorators';
import { Organisation } from '../../auth/organisation.entity';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundDocumentStore } from '../fund-documents/fund-document-store';
import { VoucherCommands } from '../shared/voucher-commands';
import { voucherCallAnswer } from '../shared/voucher-call.response';
import { SubmitVoucherClaimRequest } from './submit-voucher-claim.request.dto';

@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers/:year/claims')
export class SubmitVoucherClaimController {
  constructor(
    private readonly vouchers: VoucherCommands,
    private readonly documents: FundDocumentStore,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: "Claim the year's 算力券 with the compute-service invoices and every required attachment (applicant, own organisation)" })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async submit(@Param('year', ParseIntPipe) year: number, @Body() body: SubmitVoucherClaimRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const creditCode = context.metadata.actor.organisationCreditCode;
    const organisation = creditCode ? await this.organisations.findOneBy({ creditCode }) : null;
    if (!creditCode || !organisation) throw new ForbiddenException('该账号未关联申报单位,不能申报算力券');
    const attachments = await this.documents.resolveAll(creditCode, body.documentIds, 'documentIds');
    const result = await this.vouchers.run('SubmitVoucherClaim', year, context, () => ({
      type: 'SubmitVoucherClaim',
      data: { claimId: body.claimId, creditCode, organisationName: organisation.name, invoices: body.invoices.map((invoice) => ({ ...invoice })), attachments },
      metadata: context.metadata,
    }));
    return voucherCallAnswer(response, year, result, context.metadata.actor);
  }
}
