import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { readTerraformOutputsConfig } from './config';
import { CatalogSystemDirectory } from './provider/SystemDirectory';
import { TerraformOutputsEntityProvider } from './provider/TerraformOutputsEntityProvider';
import { BlobOutputsSource } from './sources/BlobOutputsSource';
import { FileOutputsSource } from './sources/FileOutputsSource';

/**
 * Catalog module: Resource entities from the Terraform outputs of each
 * System listed in `sreControlCenter.terraform.outputs`, on a schedule that
 * one backend replica at a time runs.
 *
 * @public
 */
export const catalogModuleSreControlCenterTerraformOutputs =
  createBackendModule({
    pluginId: 'catalog',
    moduleId: 'sre-control-center-terraform-outputs',
    register(env) {
      env.registerInit({
        deps: {
          processing: catalogProcessingExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          scheduler: coreServices.scheduler,
          auth: coreServices.auth,
          catalog: catalogServiceRef,
        },
        async init({ processing, config, logger, scheduler, auth, catalog }) {
          const settings = readTerraformOutputsConfig(config);
          if (settings.outputs.length === 0) {
            logger.info(
              'No sreControlCenter.terraform.outputs configured; no Resource entities from Terraform',
            );
            return;
          }
          processing.addEntityProvider(
            new TerraformOutputsEntityProvider({
              outputs: settings.outputs.map(output => ({
                system: output.system,
                source:
                  'file' in output
                    ? new FileOutputsSource(output.file)
                    : new BlobOutputsSource(output.blob),
              })),
              systems: new CatalogSystemDirectory(catalog, auth),
              logger,
              taskRunner: scheduler.createScheduledTaskRunner(
                settings.schedule,
              ),
            }),
          );
        },
      });
    },
  });
