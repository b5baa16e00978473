export const errors = {
  errors: {
    invalid_request: 'Pedido inválido para {{channel}}: {{summary}}',
    unknown_channel: 'Canal desconhecido: {{channel}}',
    internal: 'Erro interno inesperado. Tente de novo; se persistir, veja o log.',
    payload_too_large: 'Pedido grande demais (limite de {{limit}} bytes).',
    unreachable: 'Sem conexão com o núcleo do Sentinela. Verifique se o processo ainda está rodando e recarregue a página.',
    settings_corrupt:
      'O arquivo de configurações estava corrompido e foi movido para {{movedTo}}. Foram usados os valores padrão.',
    settings_unwritable: 'Não foi possível salvar as configurações em {{path}}: {{reason}}',
    credentials_missing:
      'Nenhuma credencial {{provider}} para o ambiente {{environment}}. Cadastre-a em Credenciais (ou `sentinela --env {{environment}} credentials set {{name}}`).',
    endpoint_missing: 'Sem URL para {{provider}} no ambiente {{environment}}: defina-a em Configurações ou use --endpoint {{provider}}=URL.',
    provider_timeout: '{{provider}} não respondeu em {{seconds}} s. Tente de novo; se persistir, verifique a rede ou o status do provedor.',
    provider_unreachable: 'Não foi possível conectar a {{provider}} ({{reason}}). Verifique a rede, o proxy e a URL do ambiente.',
    history_not_found: 'Registro {{id}} não existe mais no histórico (pode ter sido expurgado pela retenção).',
    invalid_cep: 'CEP inválido: informe 8 dígitos (ex.: 01310-100).',
    invalid_email: 'E-mail inválido.',
    callbacks_unavailable: 'O receptor de callbacks (webhooks) não pôde abrir {{reason}}. Escolha outra porta em Configurações.',
    datatrust: {
      session_required: 'Transação online (Type 2) exige o SessionID do dispositivo (seed ClearSale).',
      phone_required: 'Token/2º fator por SMS exige o celular.',
      email_required: 'Token/2º fator por e-mail exige o e-mail.',
    },
    clearsale: {
      auth_failed: 'A ClearSale recusou usuário ou senha ("Username or Password is incorrect"). Confira em Credenciais.',
      bad_request: 'A ClearSale recusou campos da transação (400): {{detail}}',
      unauthorized: 'A ClearSale recusou o token (401) mesmo após autenticar de novo. Confira as credenciais.',
      not_found: 'Rota ou transação inexistente na ClearSale (404).',
      transaction_not_found: 'Transação {{id}} não encontrada na ClearSale.',
      rate_limited: 'Limite de requisições da ClearSale atingido (429). Tente de novo em {{retryAfter}} s.',
      server_error: 'A ClearSale falhou ao processar o pedido ({{status}}). Tente de novo em instantes.',
      unexpected_status: 'A ClearSale respondeu com um status não documentado ({{status}}). Veja a resposta bruta.',
      unexpected_answer: 'A ClearSale respondeu num formato inesperado ({{what}}); nada foi presumido. Veja a resposta bruta.',
    },
    invalid_cpf: {
      empty: 'Informe um CPF.',
      format: 'CPF só pode ter dígitos, pontos e hífen (ex.: 123.456.789-09).',
      length: 'CPF precisa ter 11 dígitos.',
      repeated: 'CPF inválido: todos os dígitos iguais.',
      check_digits: 'CPF inválido: os dígitos verificadores não conferem. Confira a digitação — nenhuma consulta foi feita.',
    },
    invalid_msisdn: {
      empty: 'Informe um número de celular.',
      format: 'Número inválido: use dígitos, espaços, parênteses, hífen e + (ex.: +55 (11) 91234-5678). Só números do Brasil (+55).',
      length: 'Número inválido: informe DDD + 9 dígitos (ex.: 11 91234-5678), com ou sem +55.',
      ddd: 'DDD inexistente no Brasil.',
      not_mobile: 'O Claro Alerta consulta linhas móveis: o número deve ter 9 dígitos começando com 9.',
    },
    claro: {
      bad_request: 'A Claro recusou o pedido como malformado (400). {{detail}}',
      unauthorized:
        'A Claro recusou a autenticação (401) mesmo após renovar o token. Confira key e secret em Credenciais. {{detail}}',
      forbidden: 'A Claro recusou o acesso (403): o contrato ou o X-CustomerID não incluem este produto. {{detail}}',
      not_found: 'Não encontrado na base da Claro (404). {{detail}}',
      not_acceptable: 'A Claro não pode produzir a resposta no formato pedido (406). {{detail}}',
      unsupported_media_type: 'A Claro não aceitou o formato do corpo (415). {{detail}}',
      rate_limited: 'Limite de requisições da Claro atingido (429). Tente de novo em {{retryAfter}} s.',
      server_error: 'A Claro falhou ao atender o pedido ({{status}}). Tente de novo em instantes. {{detail}}',
      unexpected_status: 'A Claro respondeu com um status não documentado ({{status}}). Veja a resposta bruta.',
      unexpected_answer:
        'A Claro respondeu 200, mas num formato inesperado ({{what}}); nada foi presumido. Veja a resposta bruta.',
    },
    keychain_unavailable:
      'Chaveiro do sistema indisponível: $t(keychain.problem.{{problem}}) O Sentinela guarda credenciais apenas no chaveiro do sistema operacional; nada foi gravado. Como resolver — Linux: instale e desbloqueie o GNOME Keyring ou o KWallet na sua sessão (ex.: `sudo apt install gnome-keyring`); sem área de trabalho, rode dentro de `dbus-run-session` após `gnome-keyring-daemon --unlock --components=secrets`. macOS: abra o Acesso às Chaves, desbloqueie o chaveiro "login" e permita o acesso ao Sentinela. Windows: use uma conta de usuário com o Gerenciador de Credenciais disponível (não uma conta de serviço sem perfil). Detalhe técnico: {{reason}}',
  },
} as const
