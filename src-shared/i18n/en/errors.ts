import type { Catalog } from '../types'

export const errors: Pick<Catalog, 'errors'> = {
  errors: {
    invalid_request: 'Invalid request for {{channel}}: {{summary}}',
    unknown_channel: 'Unknown channel: {{channel}}',
    codeHint: 'Error code, for support and scripts',
    codeLabel: 'Code for support:',
    internal: 'Unexpected internal error. Try again; if it persists, check the log.',
    payload_too_large: 'Request too large (limit {{limit}} bytes).',
    unreachable: "Cannot reach Sentinela's core. Check that the process is still running and reload the page.",
    settings_corrupt: 'The settings file was corrupt and has been moved to {{movedTo}}. Defaults are in use.',
    effect_unsettled:
      'An identical send at {{at}} ({{target}}) ended with its outcome unknown: it may have been processed. Check first (receipt, handset, search); to send again anyway, use "Send again anyway" (CLI: --resend).',
    effects_uncertain_one:
      '{{count}} send was in flight when Sentinela was closed ({{operations}}): outcome unknown. Check before sending again.',
    effects_uncertain_other:
      '{{count}} sends were in flight when Sentinela was closed ({{operations}}): outcome unknown. Check before sending again.',
    effects_uncertain_zero:
      '{{count}} sends were in flight when Sentinela was closed ({{operations}}): outcome unknown. Check before sending again.',
    callbacks_exposure_unconfirmed:
      'Listening on {{address}} exposes the callback listener to the network (tokens and passwords would travel without TLS). Confirm explicitly and put a TLS reverse proxy in front (README).',
    policy_migrated:
      'The old thresholds became one decision policy. "{{setting}}" was {{value}}, but verdicts used {{kept}}: {{kept}} applies. Review it in Settings → Decision policy.',
    policy_invalid: 'Invalid policy: {{summary}}',
    policy_unreadable: 'Could not read the policy at {{path}}: {{reason}}',
    settings_unwritable: 'Could not save the settings to {{path}}: {{reason}}',
    credentials_missing:
      'No {{provider}} credential for environment {{environment}}. Add it under Credentials (or `sentinela --env {{environment}} credentials set {{name}}`).',
    endpoint_missing:
      'No URL for {{provider}} in environment {{environment}}: set it in Settings or use --endpoint {{provider}}=URL.',
    provider_timeout:
      '{{provider}} did not answer within {{seconds}} s. Try again; if it persists, check the network or the provider status.',
    provider_answer_too_large:
      '{{provider}} answered more than {{limit}}: reading was stopped. Check the environment URL (this is not a normal provider answer).',
    provider_unreachable:
      'Could not connect to {{provider}} ({{reason}}). Check the network, the proxy and the environment URL.',
    history_not_found: 'History entry {{id}} no longer exists (retention may have purged it).',
    invalid_cep: 'Invalid CEP: enter 8 digits (e.g. 01310-100).',
    invalid_email: 'Invalid e-mail.',
    callbacks_unavailable:
      'The callback (webhook) listener could not open {{address}}: $t(errors.listen.{{errno}}) Choose another port in Settings.',
    address: {
      invalid: 'Invalid address: {{url}}. Use a full http(s) URL.',
      forbidden:
        'Address refused: {{url}} points at a link-local network or a cloud metadata service (in any spelling). Sentinela never sends credentials or customer data there.',
      private_unconsented:
        'Address refused: {{url}} is on this machine or a private network. To use it (a lab, an internal proxy), tick "Allow local and private-network addresses" in Settings (CLI: --allow-private).',
    },
    listen: {
      EADDRINUSE: 'the port is already used by another program.',
      EACCES: 'the system does not allow this port (ports below 1024 need privileges).',
      EADDRNOTAVAIL: 'this address does not exist on this machine.',
      other: 'the system refused to open the port.',
    },
    datatrust: {
      session_required:
        'An online transaction needs the device identifier: fill it with the key of ClearSale’s fingerprint.',
      phone_required: 'SMS token/2nd factor needs the mobile number.',
      email_required: 'E-mail token/2nd factor needs the e-mail.',
    },
    privacy: {
      subject_invalid:
        'Invalid identifier for a data-subject search: give an 11-digit CPF, a mobile number with its area code or a complete e-mail.',
      batch_running:
        "A batch is in progress (running or paused): let it finish or cancel it in Batch, then erase again — it would otherwise write the person's answers back.",
    },
    watch: {
      import_failed: 'The watchlist could not be imported: $t(importProblems.{{key}})',
      line_not_found: 'This line is no longer on the watchlist.',
      webhook_secret:
        'Secret refused: use a Standard Webhooks secret (whsec_ followed by base64) of at least {{bytes}} bytes — or leave out --secret-stdin and Sentinela makes one and shows it once.',
      webhook_url: 'Webhook address refused: use http(s), never link-local or cloud metadata.',
      job_not_ready: 'Batch {{id}} does not exist or has not finished: watch a finished batch.',
      list_not_found: 'There is no watchlist {{id}}. See the lists with "sentinela watch list".',
    },
    app: {
      pdf_unavailable: 'Saving as PDF belongs to the desktop app; in the browser, use Print and choose "Save as PDF".',
    },
    cases: {
      not_found:
        'Case no. {{id}} does not exist (it may have been erased at the data subject’s request or by retention).',
      already_decided:
        'Case no. {{id}} was decided already: to decide again, reopen it (the earlier decision stays in the log).',
      already_open: 'Case no. {{id}} is open already.',
      note_empty: 'Write the note before saving.',
    },
    batch: {
      input_missing: 'Input file not found: {{path}}.',
      no_checks: 'Choose at least one check (alerts, score, datatrust, line).',
      unknown_check: 'Unknown check: {{check}}. Use alerts, score, datatrust or line.',
      import_failed: 'The file could not be imported: {{problem}}',
      upload_order: 'File upload out of order (expected byte {{expected}}, got {{got}}). Choose the file again.',
      upload_too_large:
        'The list is larger than {{limit}}: too big for one batch. Split the file into smaller parts (each becomes a batch).',
      job_not_found: 'Batch {{id}} not found.',
      not_finished:
        'Batch {{id}} has not finished ({{status}}): the simulation compares the verdicts of a finished batch.',
      adopt_reason: 'Say why this policy is adopted for the batch (at least 3 characters): the reason is recorded.',
      adopt_same: 'Batch {{id}} was decided by this policy already ({{label}}): there is nothing to adopt.',
    },
    ussd: {
      msisdn: 'Invalid subscriber number: {{msisdn}}. Use area code + number (10 or 11 digits), e.g. 11999990001.',
      short_code: 'Invalid short code: {{code}}. Digits only, e.g. 100 for *100#.',
      invalid: 'The USSD command breaks the MSE limits ({{summary}}). Nothing was sent.',
      app_url: 'Invalid USSD application URL: {{url}}. Use http:// or https://.',
    },
    mse: {
      unknown_service: 'Unknown MSE service: {{service}}.',
      mode_invalid: 'Invalid mode: {{mode}}. Use async-oneway, async-delivery or sync.',
      mode_not_allowed: 'Service {{service}} does not accept mode {{mode}} (accepts: {{modes}}).',
      invalid_params: 'Invalid parameters for {{service}}: {{summary}}. Nothing was sent.',
      charge_unconfirmed: 'Charge not confirmed: type again the number to be charged ({{ctn}}).',
      http_status: 'MSE answered HTTP {{status}} instead of a response XML.',
      malformed: 'MSE answered invalid XML: {{reason}}. See the raw response.',
      outcome_unknown:
        'MSE did not answer the {{service}} send ({{cause}}): outcome unknown — it may have been delivered. Check the receipt or the handset; Sentinela does not send it again by itself.',
      volume: 'MSE refused: too many transactions for this profile. Try slower (lower the batch speed).',
      status: 'MSE answered status {{status}}: {{detail}}',
      sandbox_only: 'This simulation (subscriber, virtual handset, demo app) exists only in the sandbox environment.',
      mo_not_delivered:
        'The sandbox could not deliver the MO to the callback listener: check it is running in Settings.',
    },
    clearsale: {
      auth_not_found:
        "ClearSale's authentication address answered 404: the environment's URL is wrong. Check it in Settings — this says nothing about the customer.",
      auth_unexpected:
        "ClearSale's authentication address did not answer like ClearSale ({{status}}): check the environment's URL in Settings.",
      auth_failed:
        'ClearSale refused the username or password ("Username or Password is incorrect"). Check Credentials.',
      bad_request: 'ClearSale refused fields of the transaction (400): {{detail}}',
      search_bad_request: 'ClearSale refused the search parameters (400): {{detail}}',
      config_bad_request: 'ClearSale refused the configuration (400): {{detail}}',
      unauthorized: 'ClearSale refused the token (401) even after authenticating again. Check the credentials.',
      not_found:
        'Invalid request route (404): the ClearSale URL of this environment is wrong. Check it in Settings — it does not mean the customer does not exist.',
      outcome_unknown:
        'ClearSale did not answer in time and a search by CPF could not confirm whether the transaction was created: outcome unknown. Search the CPF in Data Trust → Search before sending again (a re-send may be billed again).',
      reconciled:
        'ClearSale did not answer in time, but transaction {{id}} was found by the search and adopted: nothing was sent again.',
      transaction_not_found: 'Transaction {{id}} not found at ClearSale.',
      rate_limited: 'ClearSale rate limit reached (429). Try again in {{retryAfter}} s.',
      server_error: 'ClearSale failed to process the request ({{status}}). Try again shortly.',
      unexpected_status: 'ClearSale answered with an undocumented status ({{status}}). See the raw response.',
      unexpected_answer:
        'ClearSale answered in an unexpected shape ({{what}}); nothing was assumed. See the raw response.',
    },
    invalid_cpf: {
      empty: 'Enter a CPF.',
      format: 'A CPF may only contain digits, dots and a hyphen (e.g. 123.456.789-09).',
      length: 'A CPF has 11 digits.',
      repeated: 'Invalid CPF: all digits are the same.',
      check_digits: 'Invalid CPF: the check digits do not match. Check the typing — no lookup was made.',
    },
    invalid_msisdn: {
      empty: 'Enter a mobile number.',
      format:
        'Invalid number: use digits, spaces, parentheses, hyphens and + (e.g. +55 (11) 91234-5678). Brazilian numbers only (+55).',
      length: 'Invalid number: enter area code + 9 digits (e.g. 11 91234-5678), with or without +55.',
      ddd: 'No such area code (DDD) in Brazil.',
      not_mobile: 'Claro Alerta looks up mobile lines: the number must have 9 digits starting with 9.',
    },
    claro: {
      token_not_found:
        "Claro's token address answered 404: the environment's URL or prefix is wrong. Check it in Settings (or --endpoint) — this says nothing about the customer.",
      token_refused:
        'Claro refused the credential when issuing the token ({{status}}). Check key, secret and X-CustomerID in Credentials — this says nothing about the customer.',
      token_unexpected:
        "Claro's token address did not answer like Claro ({{status}}): the environment's URL seems to point to another service. Check it in Settings.",
      bad_request:
        'Claro refused the request as malformed (400). Claro’s reason is in the raw response; check the number or the CPF and try again.',
      unauthorized:
        'Claro refused the authentication (401) even after renewing the token. Check key and secret under Credentials.',
      forbidden:
        'Claro refused access (403): the contract or the customer identifier does not include this product. Check with the contract manager.',
      not_found:
        'Claro did not find this number or CPF in its base (404). Check it was typed right; if so, it is not a Claro customer.',
      not_acceptable: 'Claro cannot produce the answer in the requested format (406). See the raw response.',
      unsupported_media_type: 'Claro did not accept the body format (415). See the raw response.',
      rate_limited: 'Claro rate limit reached (429). Try again in {{retryAfter}} s.',
      server_error: 'Claro failed to serve the request ({{status}}). Nothing was assumed: try again shortly.',
      unexpected_status: 'Claro answered with an undocumented status ({{status}}). See the raw response.',
      unexpected_answer:
        'Claro answered 200 but in an unexpected shape ({{what}}); nothing was assumed. See the raw response.',
    },
    keychain_unavailable:
      'System keychain unavailable: $t(keychain.problem.{{problem}}) Sentinela keeps credentials only in the operating system keychain; nothing was written. To fix it on Linux: install and unlock GNOME Keyring or KWallet in your session (sudo apt install gnome-keyring); without a desktop, open a session with "dbus-run-session -- bash" and in it run "gnome-keyring-daemon --unlock --components=secrets". On macOS: open Keychain Access, unlock the "login" keychain and allow Sentinela to use it. On Windows: use a user account with Credential Manager available (not a service account without a profile). The system’s technical detail: {{reason}}',
  },
}
