import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { VoucherCommands } from '../shared/voucher-commands';
import { voucherCallAnswer } from '../shared/voucher-call.response';
import { OpenVoucherCallRequest } from './open-voucher-call.request.dto';

@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers')
export class OpenVoucherCallController {
  constructor(private readonly vouchers: VoucherCommands) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: "Open a year's 算力券 call with its budget and allocation rule (admin); refused outside the policy validity" })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 409)
  async open(@Body() body: OpenVoucherCallRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const result = await this.vouchers.run('OpenVoucherCall', body.year, context, () => ({ type: 'OpenVoucherCall', data: { ...body }, metadata: context.metadata }));
    response.setHeader('Location', `/api/v1/compute-vouchers/${body.year}`);
    return voucherCallAnswer(response, body.year, result, context.metadata.actor);
  }
}
