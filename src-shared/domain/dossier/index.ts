export * from './html'
export * from './build'
