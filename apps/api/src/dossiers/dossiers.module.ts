import { Module } from '@nestjs/common';
import { AddAttachmentHandler } from './attachments/add-attachment.handler';
import { AttachmentUploadInterceptor } from './attachments/attachment-upload.interceptor';
import { AttachmentsController } from './attachments/attachments.controller';
import { RemoveAttachmentHandler } from './attachments/remove-attachment.handler';
import { UploadsModule } from './attachments/uploads.module';
import { DraftDossierController } from './draft-dossier/draft-dossier.controller';
import { DraftDossierHandler } from './draft-dossier/draft-dossier.handler';
import { EditDossierController } from './edit-dossier/edit-dossier.controller';
import { EditDossierHandler } from './edit-dossier/edit-dossier.handler';
import { FormalReviewController } from './formal-review/formal-review.controller';
import { FormalReviewHandler } from './formal-review/formal-review.handler';
import { OrganisationHistoryController } from './organisation-history/organisation-history.controller';
import { ReadDossiersController } from './read-dossiers/read-dossiers.controller';
import { DossierCommandRunner } from './shared/dossier-command-runner';
import { SubmitDossierController } from './submit-dossier/submit-dossier.controller';
import { SubmitDossierHandler } from './submit-dossier/submit-dossier.handler';
import { WithdrawDossierController } from './withdraw-dossier/withdraw-dossier.controller';
import { WithdrawDossierHandler } from './withdraw-dossier/withdraw-dossier.handler';
import { ValidReviewsController } from './valid-reviews/valid-reviews.controller';
import { ValidReviewsHandler } from './valid-reviews/valid-reviews.handler';
import { DefenceController } from './defence/defence.controller';
import { DefenceHandler } from './defence/defence.handler';

/** Dossiers: draft, edit, attachments, submit, withdraw, formal review. */
@Module({
  imports: [UploadsModule],
  controllers: [
    DraftDossierController,
    ReadDossiersController,
    OrganisationHistoryController,
    EditDossierController,
    AttachmentsController,
    SubmitDossierController,
    WithdrawDossierController,
    FormalReviewController,
    ValidReviewsController,
    DefenceController,
  ],
  providers: [
    DossierCommandRunner,
    AttachmentUploadInterceptor,
    DraftDossierHandler,
    EditDossierHandler,
    AddAttachmentHandler,
    RemoveAttachmentHandler,
    SubmitDossierHandler,
    WithdrawDossierHandler,
    FormalReviewHandler,
    ValidReviewsHandler,
    DefenceHandler,
  ],
})
export class DossiersModule {}
