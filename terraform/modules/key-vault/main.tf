resource "azurerm_key_vault" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  tenant_id           = var.tenant_id
  sku_name            = var.sku_name

  # Azure RBAC instead of access policies (azurerm 4.42+ name).
  rbac_authorization_enabled = true
  soft_delete_retention_days = var.soft_delete_retention_days
  purge_protection_enabled   = var.purge_protection_enabled

  enabled_for_deployment          = false
  enabled_for_disk_encryption     = false
  enabled_for_template_deployment = false
  public_network_access_enabled   = true

  tags = var.tags

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = var.allowed_ip_ranges
    virtual_network_subnet_ids = var.allowed_subnet_ids
  }
}

# Whoever writes secrets (the deploying identity) needs data-plane rights:
# with RBAC authorization, owning the vault is not enough.
resource "azurerm_role_assignment" "secrets_officer" {
  for_each = var.secrets_officers

  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = each.value
}

resource "azurerm_key_vault_secret" "this" {
  # The names are not secret; only the values are.
  for_each = toset(nonsensitive(keys(var.secrets)))

  name         = each.key
  key_vault_id = azurerm_key_vault.this.id
  value        = var.secrets[each.key]
  content_type = "text/plain"
  tags         = var.tags

  depends_on = [azurerm_role_assignment.secrets_officer]
}
