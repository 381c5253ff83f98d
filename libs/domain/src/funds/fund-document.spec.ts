import { DomainRefusal } from '../shared/refusal';
import { assertFundDocumentUpload, FUND_DOCUMENT_MAX_BYTES, fundDocumentProblems } from './fund-document';
import { uploaded } from './funds.test-support';

const refusalOf = (run: () => unknown): DomainRefusal => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('documents uploaded for money applications', () => {
  it('given a PDF of a known kind within the limit, when it is uploaded, then it is accepted with its kind', () => {
    expect(assertFundDocumentUpload({ kind: 'approval-document', mediaType: 'application/pdf', sizeBytes: 1 })).toBe('approval-document');
    expect(assertFundDocumentUpload({ kind: 'compute-invoices', mediaType: 'Application/PDF ', sizeBytes: FUND_DOCUMENT_MAX_BYTES })).toBe('compute-invoices');
  });

  it('refuses an unknown kind, another media type, an empty file and one over the limit, each with its code', () => {
    expect(refusalOf(() => assertFundDocumentUpload({ kind: 'photo', mediaType: 'application/pdf', sizeBytes: 1 })).code).toBe('invalid-fund-document-kind');
    expect(refusalOf(() => assertFundDocumentUpload({ kind: 'compute-invoices', mediaType: 'image/png', sizeBytes: 1 })).message).toBe('算力服务发票须为 PDF 文件,收到 image/png');
    expect(refusalOf(() => assertFundDocumentUpload({ kind: 'compute-invoices', mediaType: 'application/pdf', sizeBytes: 0 })).code).toBe('fund-document-empty');
    expect(refusalOf(() => assertFundDocumentUpload({ kind: 'compute-invoices', mediaType: 'application/pdf', sizeBytes: FUND_DOCUMENT_MAX_BYTES + 1 })).code).toBe('fund-document-too-large');
  });

  it('a reference on a claim or application names what is wrong: missing, of another kind, or not completely uploaded', () => {
    expect(fundDocumentProblems('f', uploaded('support-document'), 'support-document')).toEqual([]);
    expect(fundDocumentProblems('f', undefined, 'approval-document')).toEqual(['f:请上传国家级认定文件']);
    expect(fundDocumentProblems('f', uploaded('compute-invoices'), 'approval-document')).toEqual(['f:所选文件是算力服务发票,此处须上传国家级认定文件']);
    expect(fundDocumentProblems('f', { ...uploaded('approval-document'), sha256: 'short' }, 'approval-document')).toEqual(['f:国家级认定文件未完成上传,请重新上传']);
  });
});
