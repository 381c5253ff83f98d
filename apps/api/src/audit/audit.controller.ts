import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { ChainAudit } from './chain-audit';
import { ChainVerificationResponse, PublishedHeadsResponse } from './audit.response.dto';

/** The hash chain: its published head for anyone, a full recomputation for admins (README, "Tamper-evident history"). */
@ApiTags('审计 audit')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: ChainAudit) {}

  @Get('head')
  @Public()
  @ApiOperation({ summary: 'The head of the global hash chain and the last head of each recent day (public: keep one to check later that nothing before it changed)' })
  @ApiOkResponse({ type: PublishedHeadsResponse })
  @ApiErrors(409)
  head(): Promise<PublishedHeadsResponse> {
    return this.audit.published();
  }

  @Get('verify')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Recomputes every event hash, stream head, anchored commit and the global chain; reports the first break in global order (admin)' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiErrors(401, 403, 409)
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
