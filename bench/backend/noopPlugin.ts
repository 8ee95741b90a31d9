import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

/**
 * Benchmark reference only: `POST /api/bench-noop/ingest` reads the body the
 * way the Azure Monitor webhook does (express.raw, same limit) and answers
 * 202. Mounted in the same backend as the real webhook, it measures what
 * Backstage's HTTP stack (auth policy, middleware, plugin router) costs by
 * itself, so the webhook's figures can be read as a fraction of that ceiling.
 */
export const benchNoopPlugin = createBackendPlugin({
  pluginId: 'bench-noop',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.post(
          '/ingest',
          express.raw({ type: () => true, limit: '256kb' }),
          (req, res) => {
            const size = Buffer.isBuffer(req.body) ? req.body.length : 0;
            res.status(202).json({ accepted: true, size });
          },
        );
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/ingest', allow: 'unauthenticated' });
      },
    });
  },
});
