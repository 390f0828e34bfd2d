import { describe, expect, it } from 'vitest'
import { keyDifferences, keyPaths, stringLeaves } from './content-keys.js'

const english = {
  meta: { reviewer: null },
  title: 'Your rights',
  intro: ['One.', 'Two.'],
  sections: { consent: { heading: 'Your choice', paragraphs: ['Yes or no.'] } },
}

describe('keyPaths', () => {
  it('lists leaves as dotted paths, with a list and a null counting as one leaf each', () => {
    expect(keyPaths(english)).toEqual([
      'meta.reviewer',
      'title',
      'intro',
      'sections.consent.heading',
      'sections.consent.paragraphs',
    ])
  })
})

describe('keyDifferences', () => {
  it('finds nothing when only the text and the number of lines differ', () => {
    const translated = { ...english, title: 'Hawlahaaga', intro: ['Mid.', 'Laba.', 'Saddex.'] }
    expect(keyDifferences(english, translated)).toEqual({ missing: [], extra: [] })
  })

  it('names a missing and an extra key by their full paths', () => {
    const translated = {
      ...english,
      sections: { consent: { heading_: 'Doorashadaada', paragraphs: ['Haa ama maya.'] } },
    }
    expect(keyDifferences(english, translated)).toEqual({
      missing: ['sections.consent.heading'],
      extra: ['sections.consent.heading_'],
    })
  })

  it('counts a section written as a string as missing its keys', () => {
    const { sections: _, ...rest } = english
    expect(keyDifferences(english, { ...rest, sections: { consent: 'Doorashadaada' } })).toEqual({
      missing: ['sections.consent.heading', 'sections.consent.paragraphs'],
      extra: ['sections.consent'],
    })
  })
})

describe('stringLeaves', () => {
  it('gives every string with its path, list lines indexed', () => {
    expect(stringLeaves(english)).toEqual([
      { path: 'title', text: 'Your rights' },
      { path: 'intro[0]', text: 'One.' },
      { path: 'intro[1]', text: 'Two.' },
      { path: 'sections.consent.heading', text: 'Your choice' },
      { path: 'sections.consent.paragraphs[0]', text: 'Yes or no.' },
    ])
  })
})
