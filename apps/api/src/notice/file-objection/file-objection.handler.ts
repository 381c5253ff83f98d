import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider } from '@app/domain/dossier';
import type { EvidenceRecord } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { AttachmentFiles } from '../../dossiers/attachments/attachment-files';
import { contentContradicts } from '../../dossiers/attachments/content-signature';
import { CommandRunner } from '../../workflow/command-runner';
import { loadSelection } from '../shared/load-selection';
import { FileObjectionCommand } from './file-objection.command';

/**
 * Files an objection with its evidence: each file's content must be what its media type says (as for
 * attachments), the decider checks types, sizes and count, and only then are the files stored under
 * their SHA-256; if the objection is not recorded after all, the files this call stored are removed.
 */
@CommandHandler(FileObjectionCommand)
export class FileObjectionHandler implements ICommandHandler<FileObjectionCommand, UnitOfWorkResult<string>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly files: AttachmentFiles,
  ) {}

  async execute({ selectionId, request, context, evidence }: FileObjectionCommand): Promise<UnitOfWorkResult<string>> {
    for (const file of evidence) {
      if (contentContradicts(file.mimetype, file.head)) {
        throw refuse('evidence-content-mismatch', `${file.originalname}: the content is not a ${file.mimetype} file`, 'invalid');
      }
    }
    const records = evidence.map((file) => ({ name: file.originalname, mediaType: file.mimetype, sizeBytes: file.size, sha256: file.sha256 }));
    const stored: string[] = [];
    try {
      return await this.file(selectionId, request, context, records, async () => {
        for (const file of evidence) if (await this.files.placeEvidence(file.path, file.sha256)) stored.push(file.sha256);
      });
    } catch (error) {
      await Promise.all(stored.map((sha256) => this.files.remove(this.files.evidencePath(sha256))));
      throw error;
    }
  }

  private file(
    selectionId: string,
    request: FileObjectionCommand['request'],
    context: FileObjectionCommand['context'],
    evidence: readonly EvidenceRecord[],
    store: () => Promise<void>,
  ): Promise<UnitOfWorkResult<string>> {
    const objectionId = randomUUID();
    const stream = `dossier-${request.dossierId}`;
    return this.runner.run('FileObjection', context, async (unit) => {
      const selection = await loadSelection(unit, selectionId);
      const dossier = await unit.load(stream, dossierDecider);
      // Only the notice's own dossiers exist for the public; anything else is "not found".
      if (dossier.state.status === 'none' || dossier.state.selectionId !== selectionId) {
        throw refuse('dossier-not-found', `dossier "${request.dossierId}" is not part of ${selectionId}`, 'not-found');
      }
      await unit.decide(stream, dossierDecider, {
        type: 'FileObjection',
        data: {
          dossierId: request.dossierId,
          selection,
          objectionId,
          objector: { name: request.name, contact: request.contact, organisation: request.organisation ?? null },
          reason: request.reason,
          ...(evidence.length > 0 ? { evidence } : {}),
        },
        metadata: context.metadata,
      });
      // The decision stands: the bytes go to their place before the events are written.
      await store();
      return objectionId;
    });
  }
}
