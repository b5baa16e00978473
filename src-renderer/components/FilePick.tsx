import { useTranslation } from 'react-i18next'

/**
 * A CSV picker in the analyst's words (the browser's own says "Choose File" in the browser's language): a button-like
 * label over a visually hidden input, and the chosen file's name.
 */
export function FilePick({
  id,
  fileName,
  onFile,
  testId,
}: {
  id: string
  fileName: string | null
  onFile(file: File): void
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <div className="file-pick">
      <label className="button-like" htmlFor={id}>
        {t('batch.chooseFile')}
      </label>
      <input
        id={id}
        className="sr-only"
        type="file"
        accept=".csv,.txt,text/csv"
        onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
      />
      <span className="muted" data-testid={testId}>
        {fileName || t('batch.noFile')}
      </span>
    </div>
  )
}
