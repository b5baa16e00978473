export const errors = {
  errors: {
    invalid_request: 'Pedido inválido para {{channel}}: {{summary}}',
    unknown_channel: 'Canal desconhecido: {{channel}}',
    internal: 'Erro interno inesperado. Tente de novo; se persistir, veja o log.',
    codeHint: 'Código do erro, para o suporte e para scripts',
    codeLabel: 'Código para o suporte:',
    payload_too_large: 'Pedido grande demais (limite de {{limit}} bytes).',
    unreachable:
      'Sem conexão com o núcleo do Sentinela. Verifique se o processo ainda está rodando e recarregue a página.',
    settings_corrupt:
      'O arquivo de configurações estava corrompido e foi movido para {{movedTo}}. Foram usados os valores padrão.',
    effect_unsettled:
      'Um envio idêntico em {{at}} ({{target}}) ficou com resultado incerto: pode ter sido processado. Confira (recibo, aparelho, pesquisa) antes; para enviar de novo mesmo assim, use "Reenviar mesmo assim" (CLI: --resend).',
    effects_uncertain_one:
      '{{count}} envio ficou em andamento quando o Sentinela foi encerrado ({{operations}}): resultado incerto. Confira antes de reenviar.',
    effects_uncertain_other:
      '{{count}} envios ficaram em andamento quando o Sentinela foi encerrado ({{operations}}): resultado incerto. Confira antes de reenviar.',
    effects_uncertain_zero:
      '{{count}} envios ficaram em andamento quando o Sentinela foi encerrado ({{operations}}): resultado incerto. Confira antes de reenviar.',
    callbacks_exposure_unconfirmed:
      'Escutar em {{address}} expõe o receptor de callbacks à rede (tokens e senhas trafegariam sem TLS). Confirme explicitamente e ponha um proxy reverso com TLS na frente (README).',
    policy_migrated:
      'Os limites antigos viraram uma só política de decisão. "{{setting}}" valia {{value}}, mas os vereditos usavam {{kept}}: vale {{kept}}. Revise em Configurações → Política de decisão.',
    policy_invalid: 'Política inválida: {{summary}}',
    policy_unreadable: 'Não foi possível ler a política em {{path}}: {{reason}}',
    settings_unwritable: 'Não foi possível salvar as configurações em {{path}}: {{reason}}',
    credentials_missing:
      'Nenhuma credencial {{provider}} para o ambiente {{environment}}. Cadastre-a em Credenciais (ou `sentinela --env {{environment}} credentials set {{name}}`).',
    endpoint_missing:
      'Sem URL para {{provider}} no ambiente {{environment}}: defina-a em Configurações ou use --endpoint {{provider}}=URL.',
    provider_timeout:
      '{{provider}} não respondeu em {{seconds}} s. Tente de novo; se persistir, verifique a rede ou o status do provedor.',
    provider_answer_too_large:
      '{{provider}} respondeu mais de {{limit}}: a leitura foi interrompida. Verifique a URL do ambiente (isso não é uma resposta normal do provedor).',
    provider_unreachable:
      'Não foi possível conectar a {{provider}} ({{reason}}). Verifique a rede, o proxy e a URL do ambiente.',
    history_not_found: 'Registro {{id}} não existe mais no histórico (pode ter sido expurgado pela retenção).',
    invalid_cep: 'CEP inválido: informe 8 dígitos (ex.: 01310-100).',
    invalid_email: 'E-mail inválido.',
    callbacks_unavailable:
      'O receptor de callbacks (webhooks) não pôde abrir {{address}}: $t(errors.listen.{{errno}}) Escolha outra porta em Configurações.',
    address: {
      invalid: 'Endereço inválido: {{url}}. Use uma URL http(s) completa.',
      forbidden:
        'Endereço recusado: {{url}} aponta para uma rede link-local ou um serviço de metadados de nuvem (em qualquer grafia). O Sentinela nunca envia credenciais ou dados de clientes para lá.',
      private_unconsented:
        'Endereço recusado: {{url}} é desta máquina ou de uma rede privada. Para usá-lo (um laboratório, um proxy interno), marque "Permitir endereços locais e de rede privada" em Configurações (CLI: --allow-private).',
    },
    listen: {
      EADDRINUSE: 'a porta já está em uso por outro programa.',
      EACCES: 'o sistema não permite usar esta porta (portas abaixo de 1024 pedem privilégios).',
      EADDRNOTAVAIL: 'este endereço não existe nesta máquina.',
      other: 'o sistema recusou abrir a porta.',
    },
    datatrust: {
      session_required:
        'Uma transação online exige o identificador do dispositivo: preencha-o com a chave do fingerprint da ClearSale.',
      phone_required: 'Token/2º fator por SMS exige o celular.',
      email_required: 'Token/2º fator por e-mail exige o e-mail.',
    },
    privacy: {
      subject_invalid:
        'Identificador inválido para a pesquisa do titular: informe um CPF de 11 dígitos, um celular com DDD ou um e-mail completo.',
      batch_running:
        'Há um lote em andamento (rodando ou pausado): espere ele terminar ou cancele-o em Lote e elimine de novo — senão ele regravaria respostas do titular.',
    },
    watch: {
      import_failed: 'A lista de vigilância não pôde ser importada: $t(importProblems.{{key}})',
      line_not_found: 'Esta linha não está mais na lista de vigilância.',
      webhook_secret:
        'Segredo recusado: use um segredo Standard Webhooks (whsec_ seguido de base64) de pelo menos {{bytes}} bytes — ou omita --secret-stdin e o Sentinela gera um e o mostra uma vez.',
      webhook_url: 'Endereço de webhook recusado: use http(s), nunca link-local ou metadados de nuvem.',
      job_not_ready: 'O lote {{id}} não existe ou ainda não terminou: vigie um lote concluído.',
      list_not_found: 'Não há lista de vigilância {{id}}. Veja as listas com "sentinela watch list".',
    },
    app: {
      pdf_unavailable: 'Salvar em PDF é do aplicativo de mesa; no navegador, use Imprimir e escolha "Salvar como PDF".',
    },
    cases: {
      not_found: 'O caso nº {{id}} não existe (pode ter sido eliminado a pedido do titular ou pela retenção).',
      already_decided:
        'O caso nº {{id}} já foi decidido: para decidir de novo, reabra-o (a decisão anterior fica no registro).',
      already_open: 'O caso nº {{id}} já está aberto.',
      note_empty: 'Escreva a nota antes de salvar.',
    },
    batch: {
      input_missing: 'Arquivo de entrada não encontrado: {{path}}.',
      no_checks: 'Escolha pelo menos uma checagem (alerts, score, datatrust, line).',
      unknown_check: 'Checagem desconhecida: {{check}}. Use alerts, score, datatrust ou line.',
      import_failed: 'O arquivo não pôde ser importado: {{problem}}',
      upload_order:
        'Envio do arquivo fora de ordem (esperado o byte {{expected}}, veio {{got}}). Escolha o arquivo de novo.',
      upload_too_large:
        'A lista passa de {{limit}}: grande demais para um lote. Divida o arquivo em partes menores (cada uma vira um lote).',
      job_not_found: 'Lote {{id}} não encontrado.',
      not_finished:
        'O lote {{id}} ainda não terminou ({{status}}): a simulação compara vereditos de um lote concluído.',
      adopt_reason: 'Diga por que adotar esta política para o lote (ao menos 3 caracteres): o motivo fica registrado.',
      adopt_same: 'O lote {{id}} já foi decidido por esta política ({{label}}): não há o que adotar.',
    },
    ussd: {
      msisdn: 'Número do assinante inválido: {{msisdn}}. Use DDD + número (10 ou 11 dígitos), ex.: 11999990001.',
      short_code: 'Código curto inválido: {{code}}. Use só dígitos, ex.: 100 para *100#.',
      invalid: 'O comando USSD não respeita os limites do MSE ({{summary}}). Nada foi enviado.',
      app_url: 'URL da aplicação USSD inválida: {{url}}. Use http:// ou https://.',
    },
    mse: {
      unknown_service: 'Serviço MSE desconhecido: {{service}}.',
      mode_invalid: 'Modo inválido: {{mode}}. Use async-oneway, async-delivery ou sync.',
      mode_not_allowed: 'O serviço {{service}} não aceita o modo {{mode}} (aceita: {{modes}}).',
      invalid_params: 'Parâmetros inválidos para {{service}}: {{summary}}. Nada foi enviado.',
      charge_unconfirmed: 'Cobrança não confirmada: digite de novo o número que será cobrado ({{ctn}}).',
      http_status: 'O MSE respondeu HTTP {{status}} em vez de um XML de resposta.',
      malformed: 'O MSE respondeu um XML inválido: {{reason}}. Veja a resposta bruta.',
      outcome_unknown:
        'O MSE não respondeu ao envio {{service}} ({{cause}}): resultado incerto — pode ter sido entregue. Confira o recibo ou o aparelho; o Sentinela não reenvia sozinho.',
      volume:
        'O MSE recusou por excesso de transações deste profile. Tente mais devagar (diminua a velocidade do lote).',
      status: 'O MSE respondeu status {{status}}: {{detail}}',
      sandbox_only: 'Esta simulação (assinante, aparelho virtual, app demo) só existe no ambiente sandbox.',
      mo_not_delivered:
        'O sandbox não conseguiu entregar o MO ao listener de callbacks: confira se ele está ativo em Configurações.',
    },
    clearsale: {
      auth_not_found:
        'O endereço de autenticação da ClearSale respondeu 404: a URL do ambiente está errada. Confira em Configurações — isso não diz nada sobre o cliente.',
      auth_unexpected:
        'O endereço de autenticação da ClearSale não respondeu como a ClearSale ({{status}}): confira a URL do ambiente em Configurações.',
      auth_failed:
        'A ClearSale recusou usuário ou senha ("Username or Password is incorrect"). Confira em Credenciais.',
      bad_request: 'A ClearSale recusou campos da transação (400): {{detail}}',
      search_bad_request: 'A ClearSale recusou os parâmetros da pesquisa (400): {{detail}}',
      config_bad_request: 'A ClearSale recusou a configuração (400): {{detail}}',
      unauthorized: 'A ClearSale recusou o token (401) mesmo após autenticar de novo. Confira as credenciais.',
      not_found:
        'Rota da requisição inválida (404): a URL da ClearSale deste ambiente está errada. Confira em Configurações — não significa que o cliente não existe.',
      outcome_unknown:
        'A ClearSale não respondeu a tempo e a pesquisa por CPF não pôde confirmar se a transação foi criada: resultado incerto. Pesquise pelo CPF em Data Trust → Pesquisa antes de reenviar (um reenvio pode ser cobrado de novo).',
      reconciled:
        'A ClearSale não respondeu a tempo, mas a transação {{id}} foi encontrada pela pesquisa e adotada: nada foi reenviado.',
      transaction_not_found: 'Transação {{id}} não encontrada na ClearSale.',
      rate_limited: 'Limite de requisições da ClearSale atingido (429). Tente de novo em {{retryAfter}} s.',
      server_error: 'A ClearSale falhou ao processar o pedido ({{status}}). Tente de novo em instantes.',
      unexpected_status: 'A ClearSale respondeu com um status não documentado ({{status}}). Veja a resposta bruta.',
      unexpected_answer:
        'A ClearSale respondeu num formato inesperado ({{what}}); nada foi presumido. Veja a resposta bruta.',
    },
    invalid_cpf: {
      empty: 'Informe um CPF.',
      format: 'CPF só pode ter dígitos, pontos e hífen (ex.: 123.456.789-09).',
      length: 'CPF precisa ter 11 dígitos.',
      repeated: 'CPF inválido: todos os dígitos iguais.',
      check_digits:
        'CPF inválido: os dígitos verificadores não conferem. Confira a digitação — nenhuma consulta foi feita.',
    },
    invalid_msisdn: {
      empty: 'Informe um número de celular.',
      format:
        'Número inválido: use dígitos, espaços, parênteses, hífen e + (ex.: +55 (11) 91234-5678). Só números do Brasil (+55).',
      length: 'Número inválido: informe DDD + 9 dígitos (ex.: 11 91234-5678), com ou sem +55.',
      ddd: 'DDD inexistente no Brasil.',
      not_mobile: 'O Claro Alerta consulta linhas móveis: o número deve ter 9 dígitos começando com 9.',
    },
    claro: {
      token_not_found:
        'O endereço de token da Claro respondeu 404: a URL ou o prefixo do ambiente está errado. Confira em Configurações (ou --endpoint) — isso não diz nada sobre o cliente.',
      token_refused:
        'A Claro recusou a credencial ao emitir o token ({{status}}). Confira key, secret e X-CustomerID em Credenciais — isso não diz nada sobre o cliente.',
      token_unexpected:
        'O endereço de token da Claro não respondeu como a Claro ({{status}}): a URL do ambiente parece apontar para outro serviço. Confira em Configurações.',
      bad_request:
        'A Claro recusou o pedido como malformado (400). O motivo dado pela Claro está na resposta bruta; confira o número ou o CPF e tente de novo.',
      unauthorized:
        'A Claro recusou a autenticação (401) mesmo após renovar o token. Confira key e secret em Credenciais.',
      forbidden:
        'A Claro recusou o acesso (403): o contrato ou o identificador de cliente não incluem este produto. Confira com o gestor do contrato.',
      not_found:
        'A Claro não encontrou este número ou CPF na base dela (404). Confira se digitou certo; se sim, ele não é cliente Claro.',
      not_acceptable: 'A Claro não pode produzir a resposta no formato pedido (406). Veja a resposta bruta.',
      unsupported_media_type: 'A Claro não aceitou o formato do corpo (415). Veja a resposta bruta.',
      rate_limited: 'Limite de requisições da Claro atingido (429). Tente de novo em {{retryAfter}} s.',
      server_error: 'A Claro falhou ao atender o pedido ({{status}}). Nada foi presumido: tente de novo em instantes.',
      unexpected_status: 'A Claro respondeu com um status não documentado ({{status}}). Veja a resposta bruta.',
      unexpected_answer:
        'A Claro respondeu 200, mas num formato inesperado ({{what}}); nada foi presumido. Veja a resposta bruta.',
    },
    keychain_unavailable:
      'Chaveiro do sistema indisponível: $t(keychain.problem.{{problem}}) O Sentinela guarda credenciais apenas no chaveiro do sistema operacional; nada foi gravado. Como resolver no Linux: instale e desbloqueie o GNOME Keyring ou o KWallet na sua sessão (sudo apt install gnome-keyring); sem área de trabalho, abra uma sessão com "dbus-run-session -- bash" e nela rode "gnome-keyring-daemon --unlock --components=secrets". No macOS: abra o Acesso às Chaves, desbloqueie o chaveiro "login" e permita o acesso ao Sentinela. No Windows: use uma conta de usuário com o Gerenciador de Credenciais disponível (não uma conta de serviço sem perfil). Detalhe técnico do sistema: {{reason}}',
  },
} as const
