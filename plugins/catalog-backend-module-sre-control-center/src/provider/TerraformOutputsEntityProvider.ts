import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { parseTerraformOutputs } from '../outputs/parseTerraformOutputs';
import type { OutputsSource } from '../sources/OutputsSource';
import {
  asUnprocessed,
  resourceEntity,
  stackLocation,
  withFailedCheck,
} from './resourceEntity';
import type { SystemDirectory } from './SystemDirectory';

/**
 * One System and where its Terraform outputs are.
 *
 * @public
 */
export interface SystemOutputs {
  /** `system:default/mindful-moments` */
  system: string;
  source: OutputsSource;
}

/**
 * What one refresh did per System.
 *
 * @public
 */
export interface RefreshReport {
  systems: Array<{
    system: string;
    status: 'ok' | 'error';
    entities: number;
    error?: string;
  }>;
}

/**
 * Resource entities from each configured System's Terraform outputs. Every
 * run reads every System's outputs and applies one full mutation, so a
 * resource that left the outputs leaves the catalog. A System whose outputs
 * are refused keeps its last good entities, marked with the error (see
 * annotations.ts); after a restart those come back from the catalog itself.
 *
 * @public
 */
export class TerraformOutputsEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly lastGood = new Map<string, Entity[]>();

  constructor(
    private readonly options: {
      outputs: SystemOutputs[];
      systems: SystemDirectory;
      logger: LoggerService;
      taskRunner?: SchedulerServiceTaskRunner;
      now?: () => Date;
    },
  ) {}

  getProviderName(): string {
    return 'sre-control-center-terraform-outputs';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { taskRunner, logger } = this.options;
    if (!taskRunner) return;
    await taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          logger.error('Reading Terraform outputs failed', error as Error);
        }
      },
    });
  }

  async refresh(): Promise<RefreshReport> {
    if (!this.connection) throw new Error('Not initialized');
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const report: RefreshReport = { systems: [] };
    const entities: Entity[] = [];
    for (const { system, source } of this.options.outputs) {
      try {
        const fresh = await this.read(system, source, at);
        this.lastGood.set(system, fresh);
        entities.push(...fresh);
        report.systems.push({ system, status: 'ok', entities: fresh.length });
      } catch (error) {
        const message = `${source.description}: ${(error as Error).message}`;
        this.options.logger.warn(
          `Terraform outputs of ${system} refused, keeping the last good entities: ${message}`,
        );
        const kept = (await this.previous(system)).map(entity =>
          withFailedCheck(entity, { at, error: message }),
        );
        entities.push(...kept);
        report.systems.push({
          system,
          status: 'error',
          entities: kept.length,
          error: message,
        });
      }
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey:
          entity.metadata.annotations!['backstage.io/managed-by-location'],
      })),
    });
    return report;
  }

  private async read(
    systemRef: string,
    source: OutputsSource,
    at: string,
  ): Promise<Entity[]> {
    const system = await this.options.systems.getSystem(systemRef);
    if ('problem' in system) throw new Error(system.problem);
    const text = await source.read();
    const resources = parseTerraformOutputs(text, {
      subscriptionId: system.subscriptionId,
    });
    return resources.map(resource =>
      resourceEntity(resource, system, { source: source.description, at }),
    );
  }

  /**
   * The last good entities: from memory, else (after a restart) from the
   * catalog. When neither can be had the refresh stops without a mutation:
   * a full mutation without them would delete the System's entities.
   */
  private async previous(system: string): Promise<Entity[]> {
    const remembered = this.lastGood.get(system);
    if (remembered) return remembered;
    let stored: Entity[];
    try {
      stored = await this.options.systems.entitiesAt(stackLocation(system));
    } catch (error) {
      throw new Error(
        `could not read the last good entities of ${system} from the catalog, so nothing was changed: ${
          (error as Error).message
        }`,
      );
    }
    const entities = stored.map(asUnprocessed);
    this.lastGood.set(system, entities);
    return entities;
  }
}
