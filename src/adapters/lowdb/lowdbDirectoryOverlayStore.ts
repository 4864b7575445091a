import { join } from 'node:path';
import { emptyOverlay, type DirectoryOverlay, type DirectoryOverlayStore } from '../embedded/directoryOverlay.js';
import { LowdbFile } from './lowdbFile.js';

/**
 * The embedded directory's writes in `<dataDir>/directory.json`, apart from the committed snapshot file: deleting
 * this file resets the demo tenant to the snapshot.
 */
export class LowdbDirectoryOverlayStore implements DirectoryOverlayStore {
  private constructor(private readonly file: LowdbFile<DirectoryOverlay>) {}

  static async open(dataDir: string): Promise<LowdbDirectoryOverlayStore> {
    const file = await LowdbFile.open<DirectoryOverlay>(join(dataDir, 'directory.json'), emptyOverlay());
    const data: Partial<DirectoryOverlay> = file.data;
    if (
      data.format !== 1 ||
      !Array.isArray(data.guests) ||
      typeof data.membership !== 'object' ||
      data.membership === null
    ) {
      throw new Error(`${file.path} is not a directory overlay (format 1); move it aside to start from the snapshot`);
    }
    return new LowdbDirectoryOverlayStore(file);
  }

  async load(): Promise<DirectoryOverlay> {
    return structuredClone(this.file.data);
  }

  async save(overlay: DirectoryOverlay): Promise<void> {
    await this.file.update((data) => Object.assign(data, structuredClone(overlay)));
  }
}
