import fs from 'node:fs'
import { z } from 'zod'
import { languages } from '../../server/i18n/languages'
import { readLocaleFile } from '../../server/i18n/translator'
import { fromRoot } from '../../server/projectRoot'
import {
  checkTemplate,
  listTemplateIds,
  loadTemplate,
  readOutcomeStatements,
} from '../../server/surveys/templates'
import { surveyJsonSchema } from '../../scripts/writeSurveySchema'

const pictureListSchema = z.array(
  z.object({ name: z.string(), codepoint: z.string(), emoji: z.string(), description: z.string() }),
)
const listedPictures = pictureListSchema.parse(
  JSON.parse(fs.readFileSync(fromRoot('public', 'pictures', 'pictures.json'), 'utf8')),
)
const listedNames = listedPictures.map(({ name }) => name)
const pictureFile = (name: string): string => fromRoot('public', 'pictures', `${name}.svg`)

describe('survey templates', () => {
  it('finds at least one template in surveys/', () => {
    expect(listTemplateIds().length).toBeGreaterThan(0)
  })

  describe.each(listTemplateIds())('template %s', (templateId) => {
    it('loads with no problems', () => {
      const template = loadTemplate(templateId)
      expect(template.definition.id).toBe(templateId)
      expect(checkTemplate(template)).toEqual([])
    })

    it('has words in every language', () => {
      const { words } = loadTemplate(templateId)
      expect(Object.keys(words).sort()).toEqual(languages.map(({ code }) => code).sort())
    })

    it('evidences only outcomes that exist in its outcome framework', () => {
      const { definition } = loadTemplate(templateId)
      const used = definition.questions.flatMap((question) => (question.outcome ? [question.outcome] : []))
      if (used.length === 0) return
      expect(definition.outcomeFramework).toBeDefined()
      const statements = readOutcomeStatements(definition.outcomeFramework ?? '')
      expect(used.filter((outcome) => !statements.includes(outcome))).toEqual([])
    })

    it('names only pictures that exist and are listed in pictures.json', () => {
      const { definition } = loadTemplate(templateId)
      const named = definition.questions.flatMap((question) =>
        question.picture ? [question.picture.name] : [],
      )
      expect(named.filter((name) => !fs.existsSync(pictureFile(name)))).toEqual([])
      expect(named.filter((name) => !listedNames.includes(name))).toEqual([])
    })
  })
})

describe('surveys/survey.schema.json', () => {
  it('matches the survey definition schema', () => {
    const written = fs.readFileSync(fromRoot('surveys', 'survey.schema.json'), 'utf8')
    if (written !== surveyJsonSchema())
      throw new Error(
        'surveys/survey.schema.json is out of date with server/surveys/definitionSchema.ts. ' +
          'Run `npm run schema:survey` to regenerate it, and commit the result.',
      )
  })
})

describe('pictures', () => {
  it('lists every picture file in pictures.json, once', () => {
    const files = fs
      .readdirSync(fromRoot('public', 'pictures'))
      .filter((name) => name.endsWith('.svg'))
      .map((name) => name.replace(/\.svg$/, ''))
    expect([...listedNames].sort()).toEqual(files.sort())
    expect(new Set(listedNames).size).toBe(listedNames.length)
  })

  it.each(languages.map(({ code }) => code))(
    'describes every listed picture in %s common.json under pictures.<name>',
    (language) => {
      const described = z.record(z.string(), z.unknown()).parse(readLocaleFile(language, 'common').pictures)
      const undescribed = listedNames.filter((name) => {
        const description = described[name]
        return typeof description !== 'string' || description.trim() === ''
      })
      expect(undescribed).toEqual([])
    },
  )
})
