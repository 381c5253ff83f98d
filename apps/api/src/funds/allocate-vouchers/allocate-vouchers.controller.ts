import { Controller, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { VoucherCommands } from '../shared/voucher-commands';
import { voucherCallAnswer } from '../shared/voucher-call.response';

@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers/:year/allocations')
export class AllocateVouchersController {
  constructor(private readonly vouchers: VoucherCommands) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: "Allocate the approved claims from what the budget has left, under the call's rule, each decision with its reason; commits them in the enterprises' fund ledgers (admin)" })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(401, 403, 404, 409)
  async allocate(@Param('year', ParseIntPipe) year: number, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const result = await this.vouchers.run('AllocateVouchers', year, context, () => ({ type: 'AllocateVouchers', data: {}, metadata: context.metadata }));
    return voucherCallAnswer(response, year, result, context.metadata.actor);
  }
}
