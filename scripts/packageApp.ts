/**
 * Builds the Teams app package (build/appPackage.zip): the manifest with the bot id from config (MICROSOFT_APP_ID),
 * its Dutch localisation and the icons, after validating the manifest against the official schema offline.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import JSZip from 'jszip';
import { readAppId } from '../src/config.js';
import { validateManifest } from './validateManifest.js';

export async function buildAppPackage(
  appId: string,
  version?: string,
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = JSON.parse(readFileSync('manifest/manifest.json', 'utf8')) as Record<string, unknown> & {
    bots: { botId: string }[];
    version: string;
  };
  manifest.bots[0].botId = appId;
  if (version) manifest.version = version;
  const errors = await validateManifest(manifest, JSON.parse(readFileSync('manifest/nl-nl.json', 'utf8')));
  if (errors.length > 0) throw new Error(`the app manifest is not valid:\n${errors.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const file of ['nl-nl.json', 'color.png', 'outline.png']) zip.file(file, readFileSync(`manifest/${file}`));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}

async function main(): Promise<void> {
  const appId = readAppId();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    throw new Error(
      "Set MICROSOFT_APP_ID to the bot's Microsoft app id (a GUID) to build a package Teams can install.",
    );
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const { zip } = await buildAppPackage(appId, pkg.version);
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : 'build/appPackage.zip';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`${out} written (bot ${appId}, version ${pkg.version})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
