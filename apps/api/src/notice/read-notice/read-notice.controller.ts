import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { refuse } from '@app/domain/shared/refusal';
import { Public } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { SelectionReadModel } from '@app/read-models';
import { NoticeReads } from '../shared/notice-reads';
import { publishedEntriesOf } from '../shared/published-entry';
import { PublicNoticeResponse } from './notice.response.dto';

/** The 公示 as the public reads it: no scores, no experts, nothing before it starts. */
@ApiTags('公示 public notice')
@Controller('api/v1/selections/:selectionId/public-notice')
export class ReadNoticeController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly reads: NoticeReads,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The public notice: its window and the listed dossiers per tier (public, once started)' })
  @ApiOkResponse({ type: PublicNoticeResponse })
  @ApiErrors(401, 404)
  async read(@Param('selectionId') selectionId: string, @Res({ passthrough: true }) response: Response): Promise<PublicNoticeResponse> {
    const { selection, revision } = await this.selections.require(selectionId);
    if (!selection.notice || !selection.shortlist) {
      throw refuse('notice-not-started', `the public notice of ${selectionId} has not started`, 'not-found');
    }
    const entryOf = await publishedEntriesOf(this.reads, selection);
    return withEtag(response, revision, {
      selectionId,
      title: selection.title,
      phase: selection.phase,
      window: { ...selection.notice },
      tiers: selection.shortlist.tiers.map((tier) => ({
        tier: tier.tier,
        name: selection.rules.tiers.find((rule) => rule.code === tier.tier)?.name ?? tier.tier,
        quota: tier.quota,
        dossiers: tier.selected.map((entry, index) => {
          const { dossierId, organisation, creditCode, projectTitle, fields } = entryOf(entry.dossierId);
          return { dossierId, organisation, creditCode, projectTitle, place: index + 1, fields };
        }),
      })),
      dropped: selection.droppedDossierIds.map((dossierId) => {
        const { organisation, projectTitle } = entryOf(dossierId);
        return { dossierId, organisation, projectTitle };
      }),
    });
  }
}
