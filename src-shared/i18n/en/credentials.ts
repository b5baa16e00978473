import type { Catalog } from '../types'

export const credentials: Pick<Catalog, 'keychain' | 'credentials' | 'cli'> = {
  keychain: {
    problem: {
      no_session_bus: 'there is no D-Bus session (common on servers, over SSH and in containers without a desktop).',
      no_secret_service: 'no keychain service (Secret Service: GNOME Keyring or KWallet) is running in the session.',
      locked: 'the keychain is locked.',
      denied: 'access to the keychain was denied or cancelled.',
      timeout: 'the keychain did not answer in time (it may be waiting for its unlock password).',
      module_missing: 'the native keychain module (keytar) is not installed correctly.',
      other: 'the keychain refused the operation.',
    },
  },
  credentials: {
    environment: 'Environment',
    configured: 'Configured',
    notConfigured: 'Not configured',
    unreadable: 'Unreadable keychain entry: replace it.',
    updatedAt: 'updated {{date}}',
    save: 'Save to keychain',
    saving: 'Saving…',
    replace: 'Replace',
    cancel: 'Cancel',
    delete: 'Delete',
    confirmDelete:
      'Delete credential {{name}} from environment {{environment}}? Tokens obtained with it are deleted too.',
    confirm: 'Confirm deletion',
    show: 'Show',
    hide: 'Hide',
    saved: 'Credential {{name}} saved to the keychain.',
    deleted: 'Credential {{name}} deleted.',
    neverShown: 'Stored values never come back to this screen: to change one, type everything again.',
    mseService: 'MSE service',
    mseServiceHint: 'One profile per service (e.g. SMS_TEXT, EAI_CHECK_CREDIT).',
    addMse: 'Add MSE profile',
    providers: {
      claro: 'Claro (Alerta and Score)',
      clearsale: 'ClearSale (Data Trust)',
      mse: 'Claro MSE',
    },
    fields: {
      key: 'Key',
      secret: 'Secret',
      customerId: 'X-CustomerID (company name, no spaces)',
      username: 'Username',
      password: 'Password',
      profile: 'Profile',
      webhookToken: 'Webhook token (optional)',
      billingCode: 'Billing code (optional)',
    },
  },
  cli: {
    noSecretsOnCommandLine:
      'Do not pass secrets on the command line (they stay in shell history). Send the JSON on standard input, e.g.: sentinela credentials set {{name}} < credential.json',
    readingStdin: 'Paste the credential JSON and finish with Ctrl+D:',
    notJson: 'Standard input does not hold a valid JSON object.',
    saved: 'Credential {{name}} saved to the keychain ({{environment}}): {{hint}}',
    deleted: 'Credential {{name}} deleted ({{environment}}).',
    notFound: 'No credential {{name}} in {{environment}}.',
    empty: 'No credentials stored for {{environment}}.',
  },
}
