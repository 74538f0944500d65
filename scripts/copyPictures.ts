// Copies the Twemoji pictures Heard uses from node_modules/@twemoji/svg into
// public/pictures/<name>.svg, and writes public/pictures/pictures.json and
// public/pictures/CREDITS.md to match. Run once after changing the list:
//
//   npx tsx scripts/copyPictures.ts    (or: npm run build:pictures)
//
// The output is committed, so the app does not need @twemoji/svg at run time.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

interface Picture {
  name: string
  codepoint: string
  description: string
  /** Add U+FE0F so the character shows as an emoji rather than as text. */
  emojiPresentation?: boolean
}

const pictures: Picture[] = [
  { name: 'ear', codepoint: '1f442', description: 'An ear' },
  { name: 'strong', codepoint: '1f4aa', description: 'An arm showing a strong muscle' },
  { name: 'house', codepoint: '1f3e0', description: 'A house' },
  { name: 'family', codepoint: '1f46a', description: 'A family: two grown-ups and a child' },
  {
    name: 'graduation',
    codepoint: '1f393',
    description: 'A hat people wear when they finish school or college',
  },
  { name: 'party', codepoint: '1f389', description: 'A party popper' },
  { name: 'thought', codepoint: '1f4ad', description: 'A thought bubble' },
  { name: 'birthday', codepoint: '1f382', description: 'A birthday cake' },
  { name: 'helping-hands', codepoint: '1f91d', description: 'Two hands shaking' },
  { name: 'face-happy', codepoint: '1f642', description: 'A happy face' },
  { name: 'face-okay', codepoint: '1f610', description: 'A face that is not happy and not sad' },
  { name: 'face-sad', codepoint: '1f641', description: 'A sad face' },
  { name: 'thumbs-up', codepoint: '1f44d', description: 'A thumbs up' },
  { name: 'speech', codepoint: '1f5e3', description: 'A head speaking', emojiPresentation: true },
  { name: 'clipboard', codepoint: '1f4cb', description: 'A clipboard' },
  { name: 'heart', codepoint: '2764', description: 'A red heart', emojiPresentation: true },
  { name: 'talk', codepoint: '1f4ac', description: 'A speech bubble' },
]

const root = path.resolve(__dirname, '..')
const source = path.join(root, 'node_modules', '@twemoji', 'svg')
const target = path.join(root, 'public', 'pictures')

mkdirSync(target, { recursive: true })

const missing = pictures.filter((p) => !existsSync(path.join(source, `${p.codepoint}.svg`)))
if (missing.length > 0) {
  console.error(`Missing Twemoji files: ${missing.map((p) => `${p.name} (${p.codepoint})`).join(', ')}`)
  process.exit(1)
}

for (const p of pictures) {
  copyFileSync(path.join(source, `${p.codepoint}.svg`), path.join(target, `${p.name}.svg`))
}

const list = pictures.map((p) => ({
  name: p.name,
  codepoint: p.codepoint,
  emoji: String.fromCodePoint(parseInt(p.codepoint, 16)) + (p.emojiPresentation === true ? '\uFE0F' : ''),
  description: p.description,
}))
writeFileSync(path.join(target, 'pictures.json'), JSON.stringify(list, null, 2) + '\n')

const rows = list.map(
  (p) => `| ${p.name}.svg | ${p.emoji} | U+${p.codepoint.toUpperCase()} | ${p.description} |`,
)
const credits = `# Picture credits

The pictures in this folder are [Twemoji](https://github.com/jdecked/twemoji) graphics,
copyright Twitter, Inc and other contributors, licensed under
[CC-BY 4.0](https://creativecommons.org/licenses/by/4.0/).
They were copied unchanged (only renamed) from the npm package \`@twemoji/svg\` 15.0.0
by \`scripts/copyPictures.ts\`.

| File | Emoji | Source emoji codepoint | Description |
| ---- | ----- | ---------------------- | ----------- |
${rows.join('\n')}

Licence: Twemoji graphics by Twitter, Inc and other contributors, licensed under CC-BY 4.0,
https://creativecommons.org/licenses/by/4.0/. Each file above is named after what it shows;
the original Twemoji file name is the codepoint in lower case followed by \`.svg\`.
`
writeFileSync(path.join(target, 'CREDITS.md'), credits)

console.log(`Copied ${pictures.length} pictures to ${path.relative(root, target)}`)
