/**
 * A label in words with the provider's wire name after it, small and styled as code (issue #16): the analyst reads
 * "Número da linha", the integrator still finds `CTN`.
 */
export function WireName({ words, wire }: { words: string; wire: string }) {
  return (
    <>
      {words}{' '}
      <code className="wire" translate="no">
        {wire}
      </code>
    </>
  )
}
