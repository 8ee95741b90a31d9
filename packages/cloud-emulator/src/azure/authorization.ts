import { NextFunction, Request, Response } from 'express';
import { EmulatorContext } from '../context';
import { sendArmError } from './armHttp';

/**
 * ARM's answer when the caller's identity has no role on a resource
 * (`state.armDenied` lists the resource ids or prefixes, lower-cased).
 */
export function authorization(ctx: EmulatorContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path.toLowerCase().replace(/\/+$/, '');
    const denied = ctx.state.armDenied.find(
      scope => path === scope || path.startsWith(`${scope}/`),
    );
    if (!denied) {
      next();
      return;
    }
    const type =
      /\/providers\/([^/]+\/[^/]+)/i.exec(req.path)?.[1] ?? 'resources';
    const action = `${type}/${req.method === 'GET' ? 'read' : 'write'}`;
    sendArmError(
      res,
      403,
      'AuthorizationFailed',
      `The client 'a1b2c3d4-0000-4000-8000-00000000c0de' with object id 'a1b2c3d4-0000-4000-8000-00000000c0de' does not have authorization to perform action '${action}' over scope '${req.path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  };
}
