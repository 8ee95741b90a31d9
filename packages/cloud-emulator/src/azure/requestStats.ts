import { NextFunction, Request, Response } from 'express';
import { EmulatorContext } from '../context';

/**
 * Counts ARM requests by method and resource type (e.g.
 * `GET Microsoft.Web/sites`, `POST metrics:getBatch`), so tests and
 * benchmarks can say how many Azure calls something made.
 */
export function requestStats(ctx: EmulatorContext) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const providers = [...req.path.matchAll(/\/providers\/([^/]+)\/([^/]+)/gi)];
    const last = providers[providers.length - 1];
    let kind = last ? `${last[1]}/${last[2]}` : 'subscription';
    if (/metrics:getBatch\/?$/i.test(req.path)) kind = 'metrics:getBatch';
    const key = `${req.method} ${kind}`;
    const counts = ctx.state.armRequests;
    counts[key] = (counts[key] ?? 0) + 1;
    next();
  };
}
