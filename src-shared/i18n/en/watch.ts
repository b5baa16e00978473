import type { Catalog } from '../types'

export const watch: Pick<Catalog, 'watch'> = {
  watch: {
    added_one: 'List {{id}} "{{name}}": {{count}} line watched ({{skipped}} without the identifier the checks need).',
    added_other:
      'List {{id}} "{{name}}": {{count}} lines watched ({{skipped}} without the identifier the checks need).',
    added_zero: 'List {{id}} "{{name}}": no line watched ({{skipped}} without the identifier the checks need).',
    quota:
      'Every {{every}} min that is {{perDay}} Claro lookups a day; the Claro trial quota is {{trial}} lookups in total.',
    quotaOver: 'Warning: over the Claro trial quota. Lengthen the interval or use a contract with its own quota.',
    listLine: 'List {{id}} "{{name}}" · {{lines}} lines · {{checks}} · every {{every}} min · last pass: {{last}}',
    never: 'never',
    noLists: 'No watchlist. Create one with "sentinela watch add LIST.csv".',
    removed: 'List {{id}} removed with its lines and changes.',
    passDone_one: 'List {{id}} "{{name}}": {{asked}} lookups, {{count}} change.',
    passDone_other: 'List {{id}} "{{name}}": {{asked}} lookups, {{count}} changes.',
    passDone_zero: 'List {{id}} "{{name}}": {{asked}} lookups, no change.',
    nothingToRun: 'No watchlist with lines to watch.',
    waiting: 'Next pass in {{minutes}} min (Ctrl+C or SIGTERM stops after the pass in progress).',
    change: {
      event: '{{line}}: {{event}} at {{at}}',
      score: '{{line}}: Claro Score went from {{previous}} to {{score}}',
      unknown: '{{line}}: Claro no longer knows this number',
    },
    severity: { recusar: 'Severe', revisar: 'Attention', aprovar: 'Informative' },
    baseline: '(already inside the window when watching began)',
    noChanges: 'No change recorded.',
  },
}
