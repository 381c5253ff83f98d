import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { ErrorFilter } from '../http/error.filter';

/** What the notice page says when the upload itself was refused (before the form could be read). */
export const UPLOAD_PROBLEMS: Record<string, string> = {
  'too-large': '单个证明材料不能超过 10 MB。请压缩或拆分后重新填写并提交。',
  'too-many': '一份异议最多附 5 个证明材料。请合并或删减后重新填写并提交。',
  invalid: '证明材料未能上传。请重新选择文件后再提交。',
};

/**
 * The portal's objection form is multipart: when the upload is refused before the page's own handler
 * runs (a file over the limit, too many files), the person lands on the notice page again with a
 * Chinese sentence instead of the API's JSON. Anything else is the usual error answer.
 */
@Catch()
export class ObjectionUploadFilter implements ExceptionFilter {
  private readonly fallback = new ErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem =
      exception instanceof PayloadTooLargeException
        ? 'too-large'
        : exception instanceof DomainRefusal && exception.code === 'too-many-evidence-files'
          ? 'too-many'
          : exception instanceof DomainRefusal && exception.code === 'invalid-evidence'
            ? 'invalid'
            : null;
    if (!problem || response.headersSent) return this.fallback.catch(exception, host);
    const notice = request.originalUrl.replace(/\/objections(?:\?.*)?$/, '');
    response.redirect(303, `${notice}?upload=${problem}`);
  }
}
