locals {
  # App settings that hold secrets are Key Vault references, resolved by the
  # platform with the app's system-assigned identity (through the VNet, since
  # vnet_route_all_enabled routes that traffic too).
  key_vault_reference_settings = {
    for setting, secret_id in var.key_vault_secret_settings :
    setting => "@Microsoft.KeyVault(SecretUri=${secret_id})"
  }

  app_settings = merge(var.app_settings, local.key_vault_reference_settings)
}
