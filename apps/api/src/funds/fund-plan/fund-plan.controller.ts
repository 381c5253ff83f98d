import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { In, Repository } from 'typeorm';
import { renderFundPlan } from '@app/documents/fund-plan/render-fund-plan';
import { FUND_MEASURE_NAMES } from '@app/domain/funds';
import { Roles } from '../../auth/access.decorators';
import { Organisation } from '../../auth/organisation.entity';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundReads } from '../shared/fund-reads';
import { FundMeasures } from '../shared/measure-catalogue';
import { FundPlanQuery } from './fund-plan.query.dto';

@ApiTags('资金台账 fund ledger')
@ApiBearerAuth()
@Controller('api/v1/funds/plan')
export class FundPlanController {
  constructor(
    private readonly reads: FundReads,
    private readonly measures: FundMeasures,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The yearly 资金安排表: per measure budget / committed / issued / paid, and every money decision with its basis and reason, in TXT, HTML or DOCX (admin)' })
  @ApiProduces('text/plain', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ description: 'the file, with Content-Disposition naming it', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403)
  async download(@Query() query: FundPlanQuery, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const lines = (await this.reads.lines({ year: query.year })).filter((line) => (line.committedFen > 0 || line.issuedFen > 0 || line.paidFen > 0 || line.decision === 'suspended' || line.decision === 'not-paid' || line.decision === 'not-granted'));
    const codes = [...new Set(lines.map((line) => line.creditCode))];
    const names = new Map((codes.length === 0 ? [] : await this.organisations.findBy({ creditCode: In(codes) })).map((org) => [org.creditCode.toUpperCase(), org.name]));
    const summary = await this.reads.summary(query.year);
    const { catalogue } = this.measures;
    const rendered = await renderFundPlan(
      {
        year: query.year,
        documentNo: catalogue.documentNo,
        nonDuplicationClause: catalogue.nonDuplication.clause,
        summary: summary.map((row) => ({ measureName: FUND_MEASURE_NAMES[row.measure], budgetFen: row.budgetFen, committedFen: row.committedFen, issuedFen: row.issuedFen, paidFen: row.paidFen })),
        lines: lines.map((line) => ({
          measureName: line.measure === 'selection-award' ? line.sourceTitle : FUND_MEASURE_NAMES[line.measure],
          organisationName: names.get(line.creditCode.toUpperCase()) ?? line.creditCode,
          projectTitle: line.project.title,
          basis: line.basis,
          committedFen: line.committedFen,
          issuedFen: line.issuedFen,
          paidFen: line.paidFen,
          reason: line.reason,
        })),
      },
      query.format ?? 'txt',
    );
    response.setHeader('Content-Type', rendered.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
    return new StreamableFile(typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body);
  }
}
