/** Monitoramento (issue #17): listas de vigilância, passagens e mudanças. */
export const watch = {
  watch: {
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
    change: {
      event: '{{line}}: {{event}} em {{at}}',
      score: '{{line}}: Score Claro foi de {{previous}} para {{score}}',
      unknown: '{{line}}: a Claro não conhece mais este número',
    },
    severity: { recusar: 'Grave', revisar: 'Atenção', aprovar: 'Informativo' },
    baseline: '(já estava na janela ao começar a vigiar)',
    noChanges: 'Nenhuma mudança registrada.',
  },
} as const
