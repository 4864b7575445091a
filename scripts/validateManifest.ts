/**
 * Validates a Teams app manifest against the official schema bundled in @microsoft/app-manifest (offline) and
 * its Dutch localisation file against the localisation schema. Prints the errors as JSON; exit code 1 if any.
 * Usage: tsx scripts/validateManifest.ts [manifest.json] [nl-nl.json]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AppManifestUtils } from '@microsoft/app-manifest';

export async function validateManifest(manifest: unknown, localization?: unknown): Promise<string[]> {
  const errors = (await AppManifestUtils.validateAgainstSchema(manifest as never)).map((e) => `manifest: ${e}`);
  if (localization !== undefined) {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv-draft-04') as new (o: object) => {
      compile(s: object): ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] };
    };
    const version = (manifest as { manifestVersion?: string }).manifestVersion ?? '1.19';
    const schema = JSON.parse(
      readFileSync(
        require.resolve(
          `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
        ),
        'utf8',
      ),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(
      schema,
    );
    if (!validate(localization))
      errors.push(
        ...(validate.errors ?? []).map((e) => `localization ${e.instancePath || '/'}: ${e.message ?? 'invalid'}`),
      );
  }
  return errors;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifestPath = process.argv[2] ?? 'manifest/manifest.json';
  const localizationPath = process.argv[3] ?? (process.argv[2] ? undefined : 'manifest/nl-nl.json');
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const localization: unknown = localizationPath ? JSON.parse(readFileSync(localizationPath, 'utf8')) : undefined;
  const errors = await validateManifest(manifest, localization);
  console.log(JSON.stringify(errors));
  process.exit(errors.length > 0 ? 1 : 0);
}
