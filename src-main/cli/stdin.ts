/** Reads all of standard input as text, up to a limit (a credential is a few hundred bytes). */
export async function readStdin(limit = 64 * 1024, stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > limit) throw new RangeError(`stdin larger than ${limit} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
