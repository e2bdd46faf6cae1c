/**
 * Security headers of every answer (Hono's `secureHeaders`), with a
 * Content-Security-Policy that allows scripts and stylesheets only from this
 * server's /static route: no inline script, no inline event handlers, no
 * plugins, no framing. The one inline thing allowed is a `style` attribute
 * (the benchmark bars' widths), which cannot run code.
 */

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The policy, as the `Content-Security-Policy` header spells it (tests and the README quote it). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcElem: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The middleware: Hono's secure headers with the policy above. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
}
