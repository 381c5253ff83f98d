import { Module } from '@nestjs/common';
import { AttachmentFiles } from './attachment-files';

/** The one store of uploaded bytes (dossier attachments, objection evidence), shared by the modules that take uploads. */
@Module({ providers: [AttachmentFiles], exports: [AttachmentFiles] })
export class UploadsModule {}
