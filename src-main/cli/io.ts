/** Where a command writes: the process's streams, or a test's buffers. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Why a file could not be read or written, as a message the run words (cli.files.*). */
export function fileProblem(error: unknown): { key: string } {
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOENT' ? 'notFound' : code === 'EACCES' ? 'denied' : code === 'EISDIR' ? 'isDirectory' : 'other'
  return { key: `cli.files.${reason}` }
}
