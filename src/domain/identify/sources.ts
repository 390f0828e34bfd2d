import type { SourceRef } from '../shared/vocabulary.js'

// Where each indicator comes from, with the confidence label the domain notes give it. Shown to officers beside
// every indicator so they can see how well-founded it is.

export const spotTheSigns: SourceRef = {
  ref: 'indicators.md §2.2 (Home Office "spot the signs", as repeated by councils)',
  url: 'https://lichfielddc.gov.uk/community/modern-day-slavery/2',
  confidence: 'SECONDARY',
}

export const otherGeneralSigns: SourceRef = {
  ref: 'indicators.md §2.2 (other general indicators)',
  url: 'https://westmidlandsantislavery.org/general-indicators/',
  confidence: 'SECONDARY',
}

// Group headings CONFIRMED; the example content is the compiler's recollection, so the items are UNCONFIRMED.
export const statutoryGuidanceGroups: SourceRef = {
  ref: 'indicators.md §2.3 (statutory guidance indicator groups)',
  url: 'https://www.gov.uk/government/publications/modern-slavery-how-to-identify-and-support-victims',
  confidence: 'UNCONFIRMED',
}

export const iloForcedLabour: SourceRef = {
  ref: 'indicators.md §3 (ILO indicators of forced labour)',
  url: 'https://respect.international/indicators-of-forced-labour/',
  confidence: 'CONFIRMED',
}

export const delphiIndicators: SourceRef = {
  ref: 'indicators.md §1.3 (ILO/EC operational indicators)',
  url: 'https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm',
  confidence: 'SECONDARY',
}

export const unodcGeneral: SourceRef = {
  ref: 'indicators.md §4 (UNODC indicators, general section)',
  url: 'https://riselearningnetwork.org/resource/human-trafficking-indicators-unodc/',
  confidence: 'SECONDARY',
}

export const appRiskProfile: SourceRef = {
  ref: 'indicators.md §2.6 (College of Policing APP risk profile)',
  url: 'https://www.app.college.police.uk/app-content/major-investigation-and-public-protection/modern-slavery/risk-and-identification/',
  confidence: 'CONFIRMED',
}

export const sexualExploitation: SourceRef = {
  ref: 'indicators.md §2.4 (sexual exploitation, UNODC list)',
  url: 'https://end-trafficking.org/2021/02/18/how-to-identify-a-victim-sexual-exploitation/',
  confidence: 'SECONDARY',
}

export const popUpBrothels: SourceRef = {
  ref: 'indicators.md §2.4 (pop-up brothels)',
  url: 'https://lichfielddc.gov.uk/community/modern-day-slavery/2',
  confidence: 'SECONDARY',
}

// The domain notes give only the site, not the page.
export const countyLines: SourceRef = {
  ref: 'indicators.md §2.4 (criminal exploitation: county lines)',
  url: 'https://www.askthe.police.uk/',
  confidence: 'SECONDARY',
}

export const cuckooing: SourceRef = {
  ref: 'indicators.md §2.4 (cuckooing)',
  url: 'http://slough.gov.uk/council/strategies-plans-and-policies/modern-slavery.aspx',
  confidence: 'SECONDARY',
}

export const retailCrime: SourceRef = {
  ref: 'indicators.md §2.4 (criminal exploitation: shoplifting, National Business Crime Centre)',
  url: 'https://nbcc.police.uk/guidance/identifying-criminal-exploitation-in-retail',
  confidence: 'CONFIRMED',
}

// The cannabis pattern is drawn from confirmed case facts, not from official indicator text (indicators.md §2.4).
export const cannabisCaseFacts: SourceRef = {
  ref: 'indicators.md §2.4 and §6.1 (cannabis cultivation: pattern from case facts)',
  url: 'http://www.bailii.org/ew/cases/EWCA/Crim/2013/991.html',
  confidence: 'CONFIRMED',
}

export const cannabisRvS: SourceRef = {
  ref: 'indicators.md §6.7 (R v S [2020] EWCA Crim 765)',
  url: 'https://vlex.co.uk/vid/trafficked-victims-and-appeals-874219003',
  confidence: 'CONFIRMED',
}

export const cannabisVclAn: SourceRef = {
  ref: 'indicators.md §6.3 (V.C.L. and A.N. v United Kingdom)',
  url: 'https://www.asylumlawdatabase.eu/en/content/ecthr-%E2%80%93-vcl-and-v-united-kingdom-applications-nos-7758712-and-7460312-16-february-2021',
  confidence: 'CONFIRMED',
}

export const begging: SourceRef = {
  ref: 'indicators.md §2.4 (forced begging and pickpocketing)',
  url: 'https://safeguardingsouthend.co.uk/?p=230162',
  confidence: 'SECONDARY',
}

export const beggingUnconfirmed: SourceRef = {
  ref: 'indicators.md §2.4 and §4 (forced begging: further items)',
  confidence: 'UNCONFIRMED',
}

// The domain notes give only the site, not the page.
export const labourExploitation: SourceRef = {
  ref: 'indicators.md §2.4 (labour exploitation, UNODC-derived list)',
  url: 'https://evsvolunteersarad.wordpress.com/',
  confidence: 'SECONDARY',
}

export const domesticServitude: SourceRef = {
  ref: 'indicators.md §2.4 (domestic servitude, UNODC-derived list)',
  url: 'https://cdn.elitelearning.com/advance/ebook/2018/June/MASS_IL2018CE/inc/html/30.html',
  confidence: 'SECONDARY',
}

// Only the definition was found; the statutory guidance's organ-specific indicators were not retrieved.
export const organHarvesting: SourceRef = {
  ref: 'indicators.md §2.4 (organ harvesting)',
  url: 'https://humberantislave.co.uk/modern-slavery',
  confidence: 'UNCONFIRMED',
}

export const childSigns: SourceRef = {
  ref: 'indicators.md §2.5 (indicators specific to children)',
  url: 'https://lichfielddc.gov.uk/community/modern-day-slavery/2',
  confidence: 'SECONDARY',
}

export const childSignsUnconfirmed: SourceRef = {
  ref: 'indicators.md §2.5 (indicators specific to children, unconfirmed items)',
  confidence: 'UNCONFIRMED',
}

export const unodcChildren: SourceRef = {
  ref: 'indicators.md §4 (UNODC indicators, children section)',
  confidence: 'UNCONFIRMED',
}

// The compiler's own list of patterns that should always prompt the question (no primary source).
export const recurringPatterns: SourceRef = {
  ref: 'indicators.md §8.2 (recurring patterns)',
  confidence: 'UNCONFIRMED',
}
