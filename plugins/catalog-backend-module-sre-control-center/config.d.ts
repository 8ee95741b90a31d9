import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  sreControlCenter?: {
    /** Resource entities from Terraform outputs (catalog module). */
    terraform?: {
      /**
       * One entry per catalog System: where its `terraform output -json` is.
       * Either a file (relative to the backend's working directory) or a
       * blob read with the backend's identity (Storage Blob Data Reader).
       */
      outputs?: Array<
        | {
            /** The System the resources belong to, e.g. system:default/mindful-moments. */
            system: string;
            /** Path of the outputs file. */
            file: string;
            /** Terraform cost estimate JSON, read by the SRE Control Center backend for the stack card. */
            costEstimate?: string;
          }
        | {
            system: string;
            blob: {
              /** e.g. https://sttfstate.blob.core.windows.net */
              accountUrl: string;
              container: string;
              /** Blob name, e.g. mindful-moments-dev/outputs.json */
              name: string;
            };
            costEstimate?: string;
          }
      >;
      /** How often the outputs are read; default every 5 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
