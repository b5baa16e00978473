/** Path of the installed Electron binary, or null when it was never downloaded. */
export function electronBinary(env?: NodeJS.ProcessEnv): string | null
