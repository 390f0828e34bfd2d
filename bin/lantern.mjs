#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no build step (issue #2 §1).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
