import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { RESOURCE_GROUP, SUBSCRIPTION_ID } from '../world/constants';
import { PostgresServerState } from '../world/state';
import { checkApiVersion, resourceNotFound } from './armHttp';
import { checkResourceGroup, checkSubscription } from './subscription';

/** Microsoft.DBforPostgreSQL/flexibleServers versions; 2025-08-01 is @azure/arm-postgresql-flexible 9's default. */
export const POSTGRES_API_VERSIONS = [
  '2022-12-01',
  '2023-06-01-preview',
  '2024-08-01',
  '2025-06-01-preview',
  '2025-08-01',
] as const;

const DAY = 86_400_000;

/**
 * The server as GET returns it; keys follow ServersGet.json in
 * azure-rest-api-specs
 * specification/postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2025-08-01/examples.
 */
export function toArmPostgresServer(server: PostgresServerState, now: Date) {
  const earliestRestore = Math.max(
    Date.parse(server.createdAt),
    now.getTime() - server.backupRetentionDays * DAY,
  );
  return {
    sku: server.sku,
    systemData: { createdAt: server.createdAt },
    properties: {
      // Burstable servers cannot have read replicas.
      replica: {
        role: 'Primary',
        capacity: server.sku.tier === 'Burstable' ? 0 : 5,
      },
      storage: {
        type: '',
        iops: server.iops,
        tier: server.storageTier,
        storageSizeGB: server.storageSizeGB,
        autoGrow: 'Disabled',
      },
      network: server.network,
      privateEndpointConnections: [],
      dataEncryption: { type: 'SystemManaged' },
      authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
      fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      version: server.version,
      minorVersion: server.minorVersion,
      administratorLogin: server.administratorLogin,
      state: server.state,
      availabilityZone: server.availabilityZone,
      backup: {
        backupRetentionDays: server.backupRetentionDays,
        geoRedundantBackup: 'Disabled',
        earliestRestoreDate: new Date(earliestRestore).toISOString(),
      },
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      maintenanceWindow: {
        customWindow: 'Disabled',
        dayOfWeek: 0,
        startHour: 0,
        startMinute: 0,
      },
      replicationRole: 'Primary',
      replicaCapacity: server.sku.tier === 'Burstable' ? 0 : 5,
    },
    location: server.location,
    tags: server.tags,
    id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${server.name}`,
    name: server.name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers',
  };
}

export function postgresRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const base =
    '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.DBforPostgreSQL/flexibleServers';
  const guard = (req: Request, res: Response) =>
    checkSubscription(res, req.params[0]) &&
    checkResourceGroup(res, req.params[1]) &&
    checkApiVersion(req, res, POSTGRES_API_VERSIONS, 'flexibleServers');

  router.get(new RegExp(`${base}/?$`, 'i'), (req, res) => {
    if (!guard(req, res)) return;
    res.json({
      value: ctx.state.postgresServers.map(s =>
        toArmPostgresServer(s, ctx.now()),
      ),
    });
  });

  router.get(new RegExp(`${base}/([^/]+)/?$`, 'i'), (req, res) => {
    if (!guard(req, res)) return;
    const server = ctx.state.postgresServers.find(
      s => s.name.toLowerCase() === req.params[2].toLowerCase(),
    );
    if (!server) {
      resourceNotFound(
        res,
        'Microsoft.DBforPostgreSQL/flexibleServers',
        req.params[2],
        req.params[1],
      );
      return;
    }
    res.json(toArmPostgresServer(server, ctx.now()));
  });

  return router;
}
