import { contentContradicts } from './content-signature';
import { contentDisposition } from './content-disposition';

describe('attachment content checks', () => {
  it('a Chinese file name travels as RFC 5987 filename* with an ASCII fallback', () => {
    expect(contentDisposition('申报书(盖章).pdf')).toBe(
      `attachment; filename="___(__).pdf"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6%28%E7%9B%96%E7%AB%A0%29.pdf`,
    );
    expect(contentDisposition(`it's "quoted".pdf`)).toBe(`attachment; filename="it's _quoted_.pdf"; filename*=UTF-8''it%27s%20%22quoted%22.pdf`);
  });

  it('a file whose bytes do not start as its declared type says is caught', () => {
    expect(contentContradicts('application/pdf', Buffer.from('%PDF-1.7\n'))).toBe(false);
    expect(contentContradicts('application/pdf', Buffer.from('<html>'))).toBe(true);
    expect(contentContradicts('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(false);
    expect(contentContradicts('image/jpeg', Buffer.from([0x89, 0x50]))).toBe(true);
    expect(contentContradicts('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK\u0003\u0004'))).toBe(false);
    // Types outside the accepted list are left to the domain, which refuses them with its own reason.
    expect(contentContradicts('text/plain', Buffer.from('hello'))).toBe(false);
  });
});
