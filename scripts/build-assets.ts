import { buildAssets } from '../src/web/build-assets.js'

const t0 = performance.now()
buildAssets()
console.log(`Built assets into public/ in ${Math.round(performance.now() - t0)} ms`)
