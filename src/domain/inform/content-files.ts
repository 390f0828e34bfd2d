// The content files as written, before validation, so that tests can name a missing or extra key.
import am from './content/am.json' with { type: 'json' }
import ar from './content/ar.json' with { type: 'json' }
import ckb from './content/ckb.json' with { type: 'json' }
import cy from './content/cy.json' with { type: 'json' }
import en from './content/en.json' with { type: 'json' }
import enEasy from './content/en-easy.json' with { type: 'json' }
import fa from './content/fa.json' with { type: 'json' }
import pl from './content/pl.json' with { type: 'json' }
import prs from './content/prs.json' with { type: 'json' }
import ps from './content/ps.json' with { type: 'json' }
import ro from './content/ro.json' with { type: 'json' }
import so from './content/so.json' with { type: 'json' }
import sq from './content/sq.json' with { type: 'json' }
import ti from './content/ti.json' with { type: 'json' }
import vi from './content/vi.json' with { type: 'json' }
import zhHans from './content/zh-Hans.json' with { type: 'json' }
import type { LanguageCode } from './languages.js'

export const CONTENT_FILES: Readonly<Record<LanguageCode, unknown>> = {
  en,
  'en-easy': enEasy,
  cy,
  ti,
  so,
  vi,
  sq,
  ar,
  ro,
  'zh-Hans': zhHans,
  fa,
  prs,
  ps,
  ckb,
  pl,
  am,
}
