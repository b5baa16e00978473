/** Monitoramento (issue #17): listas de vigilância, passagens e mudanças. */
export const watch = {
  monitor: {
    create: 'Nova lista de vigilância',
    name: 'Nome da lista',
    checks: 'Checagens',
    alerts: 'Eventos do Claro Alerta (troca de SIM, portabilidade…)',
    score: 'Score Claro',
    every: 'Intervalo entre passagens (minutos)',
    createButton: 'Criar lista',
    createHint:
      'A lista é criada pausada: confira quantas consultas por dia ela custa e então ative. Colunas de CPF e celular são reconhecidas como no Lote.',
    lists: 'Listas',
    noLists: 'Nenhuma lista de vigilância ainda.',
    running: 'Rodando',
    active: 'Ativa',
    paused: 'Pausada',
    summary_one: '{{lines}} linha · {{checks}} · a cada {{every}} min',
    summary_other: '{{lines}} linhas · {{checks}} · a cada {{every}} min',
    summary_zero: '{{lines}} linhas · {{checks}} · a cada {{every}} min',
    quota: '{{perDay}} consultas por dia à Claro; a cota de teste é de {{trial}} consultas no total.',
    runs: 'Última passagem: {{last}} · próxima: {{next}}',
    never: 'nunca',
    pause: 'Pausar',
    activate: 'Ativar',
    runNow: 'Rodar agora',
    remove: 'Remover',
    feed: 'Mudanças',
    markAllRead: 'Marcar todas como lidas',
    noChanges: 'Nenhuma mudança encontrada ainda.',
    change: {
      event: '{{event}} em {{at}}',
      score: 'Score Claro foi de {{previous}} para {{score}}',
      unknown: 'A Claro não conhece mais este número',
    },
    severity: { recusar: 'Grave', revisar: 'Atenção', aprovar: 'Informativo' },
    baseline: '(já estava na janela ao começar a vigiar)',
    abandoned_one: 'O webhook da equipe não aceitou esta mudança em 24 h ({{count}} tentativa): abandonada.',
    abandoned_other: 'O webhook da equipe não aceitou esta mudança em 24 h ({{count}} tentativas): abandonada.',
    sendAgain: 'Enviar de novo',
    undelivered_one: 'Ainda não entregue ao webhook da equipe ({{count}} tentativa); novas tentativas seguem.',
    undelivered_other: 'Ainda não entregue ao webhook da equipe ({{count}} tentativas); novas tentativas seguem.',
    undelivered_zero: 'Ainda não entregue ao webhook da equipe.',
    open: 'Ver em Monitoramento',
    checkedAt: 'Última consulta',
    timeline: 'Eventos conhecidos da linha',
    reported: 'Mudanças reportadas',
  },
  watch: {
    linesRemoved_one: '{{count}} linha removida da lista, com suas mudanças.',
    linesRemoved_other: '{{count}} linhas removidas da lista, com suas mudanças.',
    linesRemoved_zero: 'Nenhuma linha da lista tem esse identificador.',
    webhookSet:
      'Mudanças serão enviadas a {{url}} como CloudEvents assinados (HMAC-SHA256). O segredo, guardado no chaveiro, segue abaixo: configure-o no receptor.',
    webhookRemoved: 'Alertas para a equipe desligados; o segredo saiu do chaveiro.',
    allDelivered: 'Todas as mudanças foram entregues ao webhook da equipe.',
    secretMissing:
      'sem segredo de assinatura nesta pasta de dados — nada é enviado sem assinatura; defina um com `sentinela watch webhook set URL`',
    abandoned_one:
      'Mudança {{id}} abandonada depois de {{count}} tentativa (último erro: {{error}}): reenvie com `sentinela watch deliveries --retry {{id}}`.',
    abandoned_other:
      'Mudança {{id}} abandonada depois de {{count}} tentativas (último erro: {{error}}): reenvie com `sentinela watch deliveries --retry {{id}}`.',
    retried_one: '{{count}} entrega abandonada reenviada; {{delivered}} entregue(s) agora.',
    retried_other: '{{count}} entregas abandonadas reenviadas; {{delivered}} entregue(s) agora.',
    keychainMissing:
      'sem chaveiro do sistema para ler o segredo de assinatura — a entrega espera; nada é enviado sem assinatura',
    gone: 'o receptor respondeu 410 (Gone): este endereço não aceita mais alertas; confira a URL',
    undelivered_one:
      'Mudança {{id}} não entregue depois de {{count}} tentativa (último erro: {{error}}); a próxima segue no prazo.',
    undelivered_other:
      'Mudança {{id}} não entregue depois de {{count}} tentativas (último erro: {{error}}); a próxima segue no prazo.',
    added_one:
      'Lista {{id}} "{{name}}": {{count}} linha vigiada ({{skipped}} sem o identificador que as checagens pedem).',
    added_other:
      'Lista {{id}} "{{name}}": {{count}} linhas vigiadas ({{skipped}} sem o identificador que as checagens pedem).',
    added_zero:
      'Lista {{id}} "{{name}}": nenhuma linha vigiada ({{skipped}} sem o identificador que as checagens pedem).',
    quota:
      'A cada {{every}} min isso é {{perDay}} consultas por dia à Claro; a cota de teste da Claro é de {{trial}} consultas no total.',
    quotaOver: 'Atenção: acima da cota de teste da Claro. Aumente o intervalo ou use um contrato com cota própria.',
    listLine:
      'Lista {{id}} "{{name}}" · {{lines}} linhas · {{checks}} · a cada {{every}} min · última passagem: {{last}}',
    never: 'nunca',
    noLists: 'Nenhuma lista de vigilância. Crie uma com "sentinela watch add LISTA.csv".',
    removed: 'Lista {{id}} removida com suas linhas e mudanças.',
    passDone_one: 'Lista {{id}} "{{name}}": {{asked}} consultas, {{count}} mudança.',
    passDone_other: 'Lista {{id}} "{{name}}": {{asked}} consultas, {{count}} mudanças.',
    passDone_zero: 'Lista {{id}} "{{name}}": {{asked}} consultas, nenhuma mudança.',
    nothingToRun: 'Nenhuma lista com linhas a vigiar.',
    waiting: 'Próxima passagem em {{minutes}} min (Ctrl+C ou SIGTERM encerra depois da passagem em curso).',
    severity: { recusar: 'Grave', revisar: 'Atenção', aprovar: 'Informativo' },
    baseline: '(já estava na janela ao começar a vigiar)',
    noChanges: 'Nenhuma mudança registrada.',
  },
} as const
