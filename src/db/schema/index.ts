export * from './audit.js'
export * from './encounters.js'
export * from './forces.js'
export * from './identity.js'
