import type { Notice } from '../../src-shared/contract'
import type { Translate } from '../../src-shared/i18n'
import type { EventHub } from './events'
import type { NoticeDraft } from './settings'

/** Things the user must be told once (a settings file moved aside, …), until they dismiss them. */
export class NoticeBoard {
  private readonly items: { draft: NoticeDraft; at: string }[] = []

  constructor(
    private readonly events: EventHub,
    private readonly translate: () => Translate,
  ) {}

  add(draft: NoticeDraft): void {
    const item = { draft, at: new Date().toISOString() }
    this.items.push(item)
    this.events.publish('app:notice', this.render(item))
  }

  dismiss(code: string): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]?.draft.code === code) this.items.splice(i, 1)
  }

  list(): Notice[] {
    return this.items.map((item) => this.render(item))
  }

  private render({ draft, at }: { draft: NoticeDraft; at: string }): Notice {
    return { code: draft.code, message: this.translate()(`errors.${draft.code}`, draft.params), at }
  }
}
