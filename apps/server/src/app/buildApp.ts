import { AppFailure } from '@kayoi/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { mountApiDocs } from '../http/apiDocs.js';
import { hasWebApp, mountWebApp } from '../http/webApp.js';
import { authentication } from '../http/authMiddleware.js';
import { errorBody, localeOf, type AppEnv } from '../http/context.js';
import { errorStatus } from '../http/errorStatus.js';
import { newRouter } from '../http/openapi.js';
import { accountRoutes } from '../routes/accountRoutes.js';
import { analyticsRoutes } from '../routes/analyticsRoutes.js';
import { authRoutes } from '../routes/authRoutes.js';
import { customerRoutes } from '../routes/customerRoutes.js';
import { importRoutes } from '../routes/importRoutes.js';
import { emailRoutes } from '../routes/emailRoutes.js';
import { lineRoutes } from '../routes/lineRoutes.js';
import { lineWebhookRoutes } from '../routes/lineWebhookRoutes.js';
import { attributeRoutes, catalogRoutes, channelRoutes, storeRoutes } from '../routes/referenceRoutes.js';
import { segmentRoutes } from '../routes/segmentRoutes.js';
import { broadcastRoutes } from '../routes/broadcastRoutes.js';
import { webhookRoutes } from '../routes/webhookRoutes.js';
import { journeyRoutes } from '../routes/journeyRoutes.js';
import { staffNotificationRoutes } from '../routes/staffNotificationRoutes.js';
import { templateRoutes } from '../routes/templateRoutes.js';
import { unsubscribeRoutes } from '../routes/unsubscribeRoutes.js';
import { trackedLinkRoutes } from '../routes/trackedLinkRoutes.js';
import { visitRoutes } from '../routes/visitRoutes.js';
import type { AppDeps } from './deps.js';

export const API_VERSION = '0.1.0';
const JSON_BODY_LIMIT = 1024 * 1024;

/** The HTTP API over injected dependencies; no module-level state, so tests build many. */
export function buildApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined }));

  app.get('/api/health', async (c) => {
    try {
      await deps.db.query('select 1');
      return c.json({ status: 'ok' as const });
    } catch {
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });

  const api = newRouter();
  api.use('*', async (c, next) => {
    if (c.req.path.includes('/imports/')) return next();
    return bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new AppFailure({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: JSON_BODY_LIMIT } });
      },
    })(c, next);
  });
  api.use('*', authentication());
  for (const routes of [
    authRoutes(),
    accountRoutes(),
    storeRoutes(),
    catalogRoutes(),
    // Before channelRoutes: /channels/line and /channels/email must not be read as /channels/{channelId}.
    lineRoutes(),
    emailRoutes(),
    lineWebhookRoutes(),
    channelRoutes(),
    attributeRoutes(),
    customerRoutes(),
    visitRoutes(),
    importRoutes(),
    analyticsRoutes(),
    segmentRoutes(),
    templateRoutes(),
    broadcastRoutes(),
    webhookRoutes(),
    journeyRoutes(),
    staffNotificationRoutes(),
  ]) {
    api.route('/', routes);
  }
  app.route('/api/v1', api);
  // Public links from email; outside the API so they need no session and stay short.
  app.route('/', unsubscribeRoutes());
  app.route('/', trackedLinkRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/v1/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kayoi_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kayoi API',
      version: API_VERSION,
      description:
        'Retention CRM and LTV engine. Errors are {"error": {"code", "message", "details"}}; ' +
        'messages follow Accept-Language (ja, en). Each operation lists its permission in x-permission.',
    },
  });
  mountApiDocs(app);
  if (hasWebApp(deps.webRoot)) mountWebApp(app, deps.webRoot);

  app.notFound((c) => c.json(errorBody({ code: 'ROUTE_NOT_FOUND' }, localeOf(c)), 404));
  app.onError((err, c) => {
    const locale = localeOf(c);
    if (err instanceof AppFailure) return c.json(errorBody(err.error, locale), errorStatus(err.error.code));
    if (err instanceof HTTPException && err.status < 500) {
      // Malformed JSON and similar protocol errors from Hono itself.
      return c.json(errorBody({ code: 'VALIDATION_FAILED', details: { reason: err.message } }, locale), 400);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json(errorBody({ code: 'INTERNAL_ERROR' }, locale), 500);
  });
  return app;
}
