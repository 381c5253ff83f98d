import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { VoucherCommands } from '../shared/voucher-commands';
import { voucherCallAnswer } from '../shared/voucher-call.response';
import { IssueVoucherTrancheRequest, RedeemVoucherRequest } from './issue-voucher-tranche.request.dto';

@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers/:year/claims/:claimId')
export class VoucherTranchesController {
  constructor(private readonly vouchers: VoucherCommands) {}

  @Post('tranches')
  @Roles('admin')
  @ApiOperation({ summary: 'Issue a tranche of vouchers, at most what is granted and not yet issued (admin)' })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async issue(@Param('year', ParseIntPipe) year: number, @Param('claimId') claimId: string, @Body() body: IssueVoucherTrancheRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const result = await this.vouchers.run('IssueVoucherTranche', year, context, () => ({ type: 'IssueVoucherTranche', data: { claimId, amountFen: body.amountFen }, metadata: context.metadata }));
    return voucherCallAnswer(response, year, result, context.metadata.actor);
  }

  @Post('redemptions')
  @Roles('admin')
  @ApiOperation({ summary: 'Record vouchers redeemed at a compute provider, at most what was issued and not yet redeemed (admin)' })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async redeem(@Param('year', ParseIntPipe) year: number, @Param('claimId') claimId: string, @Body() body: RedeemVoucherRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const result = await this.vouchers.run('RedeemVoucher', year, context, () => ({ type: 'RedeemVoucher', data: { claimId, ...body }, metadata: context.metadata }));
    return voucherCallAnswer(response, year, result, context.metadata.actor);
  }
}
