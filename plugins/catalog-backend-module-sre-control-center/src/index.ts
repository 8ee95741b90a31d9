/**
 * Catalog backend module for the SRE Control Center: Resource entities from
 * Terraform outputs (`terraform output -json`), per catalog System.
 *
 * @packageDocumentation
 */
export { catalogModuleSreControlCenterTerraformOutputs as default } from './module';
export {
  TerraformOutputsEntityProvider,
  type RefreshReport,
  type SystemOutputs,
} from './provider/TerraformOutputsEntityProvider';
export {
  CatalogSystemDirectory,
  type SystemDirectory,
  type SystemScope,
} from './provider/SystemDirectory';
export * from './provider/annotations';
export {
  parseTerraformOutputs,
  OutputsRejected,
  STRUCTURED_OUTPUT,
  type StackResource,
} from './outputs/parseTerraformOutputs';
export { FileOutputsSource } from './sources/FileOutputsSource';
export {
  BlobOutputsSource,
  type BlobLocation,
} from './sources/BlobOutputsSource';
export type { OutputsSource } from './sources/OutputsSource';
