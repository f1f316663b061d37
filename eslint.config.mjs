// Typed lint. Beyond correctness rules, import zones enforce the layering of STYLE.md:
// pure domain, Prisma only in the server layer, no server code in browser bundles.
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const serverOnlyFromClient = {
  group: ["@/lib/server/*", "@/lib/generated/*", "**/lib/server/*", "**/lib/generated/*", "@prisma/*", "pg"],
  allowTypeImports: true,
  message: "Browser code may import server modules for their types only.",
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".data/", "**/.data/", ".exp/", "lib/generated/", "test-results/", "playwright-report/", "next-env.d.ts", "**/*.mjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommended],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "@/lib/generated/*", "@/lib/ui/*", "@/app/*", "../server/*", "next", "next/*", "react", "react-dom", "@prisma/*", "pg"],
              message: "lib/domain is pure TypeScript: no Prisma, Next, React or server code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**", "lib/ui/**", "lib/viewer/**", "lib/trpc/**", "lib/realtime/**", "lib/i18n/**"],
    ignores: ["app/api/**", "**/page.tsx", "app/layout.tsx", "app/not-found.tsx", "lib/i18n/server-locale.ts", "lib/trpc/server.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnlyFromClient] }] },
  },
  {
    // After-commit effects go through the use-case runner (lib/server/use-cases): a use case
    // registers them on `effects`, never publishes or wakes the job worker itself.
    files: ["lib/server/services/**", "lib/server/imaging/**", "lib/server/hl7/**", "lib/server/fhir/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/realtime/publish", "**/realtime/publish.*", "**/jobs/wake-job-worker", "**/jobs/wake-job-worker.*"],
              message: "Register the effect on runUseCase's `effects` (lib/server/use-cases): it is sent once the transaction has committed.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/*", "@prisma/*", "pg"], message: "Prisma stays in lib/server: call a service." },
          ],
        },
      ],
    },
  },
);
