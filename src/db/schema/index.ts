export * from './audit.js'
export * from './forces.js'
export * from './identity.js'
