import security from 'eslint-plugin-security'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'public/**', 'data/**', 'coverage/**', '*.mjs', 'jest.config.js'],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  security.configs.recommended,
  {
    rules: {
      // This rule flags every obj[key], whatever the key's origin, so it cannot tell a risk from a
      // lookup. What protects us instead: request input is parsed by zod schemas or picked by name
      // (postedFields), and bodies and queries are parsed flat (urlencoded extended: false, Express's
      // simple query parser), into objects without a prototype, so no nested objects or __proto__
      // keys reach a route. The route walk test sends such keys to every route.
      'security/detect-object-injection': 'off',
    },
  },
  {
    // Tests, benchmarks and scripts read and write the project's own files and temporary folders
    // they made, and build patterns from their own fixed words; nothing in them comes from a
    // request. In server/ both rules stay on.
    files: ['tests/**', 'scripts/**'],
    rules: {
      'security/detect-non-literal-fs-filename': 'off',
      'security/detect-non-literal-regexp': 'off',
    },
  },
)
