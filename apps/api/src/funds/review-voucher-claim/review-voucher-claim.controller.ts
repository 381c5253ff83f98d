import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { VoucherCommands } from '../shared/voucher-commands';
import { voucherCallAnswer } from '../shared/voucher-call.response';
import { ReviewVoucherClaimRequest } from './review-voucher-claim.request.dto';

@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers/:year/claims/:claimId/review')
export class ReviewVoucherClaimController {
  constructor(private readonly vouchers: VoucherCommands) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Approve a claim with its eligible annual spend (subsidy = min(30 %, 1,000 万元)) or reject it with a reason (admin)' })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async review(
    @Param('year', ParseIntPipe) year: number,
    @Param('claimId') claimId: string,
    @Body() body: ReviewVoucherClaimRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result =
      body.outcome === 'approve'
        ? await this.vouchers.run('ApproveVoucherClaim', year, context, () => ({
            type: 'ApproveVoucherClaim',
            data: { claimId, eligibleSpendFen: body.eligibleSpendFen!, ...(body.reason ? { note: body.reason } : {}) },
            metadata: context.metadata,
          }))
        : await this.vouchers.run('RejectVoucherClaim', year, context, () => ({ type: 'RejectVoucherClaim', data: { claimId, reason: body.reason! }, metadata: context.metadata }));
    return voucherCallAnswer(response, year, result, context.metadata.actor);
  }
}
