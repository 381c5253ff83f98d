import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

const STRICT = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * helmet on every response (pages, JSON, downloads): a Content-Security-Policy without inline script,
 * frame-ancestors 'none' and X-Frame-Options DENY, nosniff, Referrer-Policy same-origin. The API
 * documentation (Swagger UI) is the one page that needs inline styles and data: images.
 */
export function securityHeaders() {
  const strict = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: STRICT },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false, // TLS ends at the reverse proxy, which sets HSTS for its own name
    crossOriginEmbedderPolicy: false,
  });
  const docs = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...STRICT, styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  return (request: Request, response: Response, next: NextFunction): void =>
    (request.path === '/api/docs' || request.path.startsWith('/api/docs/') ? docs : strict)(request, response, next);
}
